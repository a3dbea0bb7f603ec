import { lazy } from 'react';
import type { Area } from '../../area.js';

const HouseholdsPage = lazy(() => import('./HouseholdsPage.js'));
const NewHouseholdPage = lazy(() => import('./NewHouseholdPage.js'));
const HouseholdPage = lazy(() => import('./HouseholdPage.js'));

export const householdsArea: Area = [
  { path: '/households', permission: 'personal.read', element: <HouseholdsPage />, menu: { label: 'households.nav', group: 'people' } },
  { path: '/households/new', permission: 'personal.write', element: <NewHouseholdPage /> },
  { path: '/households/:id', permission: 'personal.read', element: <HouseholdPage /> },
];
