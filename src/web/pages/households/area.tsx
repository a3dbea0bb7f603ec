import { lazy } from 'react';
import type { Area } from '../../area.js';

const HouseholdsPage = lazy(() => import('./HouseholdsPage.js'));
const NewHouseholdPage = lazy(() => import('./NewHouseholdPage.js'));
const HouseholdPage = lazy(() => import('./HouseholdPage.js'));

export const householdsArea: Area = {
  routes: [
    { path: '/households', permission: 'personal.read', element: <HouseholdsPage /> },
    { path: '/households/new', permission: 'personal.write', element: <NewHouseholdPage /> },
    { path: '/households/:id', permission: 'personal.read', element: <HouseholdPage /> },
  ],
  nav: [{ to: '/households', label: 'households.nav', permission: 'personal.read', group: 'people' }],
};
