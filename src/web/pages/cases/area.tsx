import { lazy } from 'react';
import type { Area } from '../../area.js';

const CasesPage = lazy(() => import('./CasesPage.js'));
const CaseFormPage = lazy(() => import('./CaseFormPage.js'));
const CasePage = lazy(() => import('./CasePage.js'));

export const casesArea: Area = [
  { path: '/cases', permission: 'personal.read', element: <CasesPage />, menu: { label: 'cases.nav', group: 'people' } },
  { path: '/cases/new', permission: 'personal.write', element: <CaseFormPage /> },
  { path: '/cases/:id', permission: 'personal.read', element: <CasePage /> },
];
