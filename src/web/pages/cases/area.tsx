import { lazy } from 'react';
import type { Area } from '../../area.js';

const CasesPage = lazy(() => import('./CasesPage.js'));
const CaseFormPage = lazy(() => import('./CaseFormPage.js'));
const CasePage = lazy(() => import('./CasePage.js'));

export const casesArea: Area = {
  routes: [
    { path: '/cases', permission: 'personal.read', element: <CasesPage /> },
    { path: '/cases/new', permission: 'personal.write', element: <CaseFormPage /> },
    { path: '/cases/:id', permission: 'personal.read', element: <CasePage /> },
  ],
  nav: [{ to: '/cases', label: 'cases.nav', permission: 'personal.read', group: 'people' }],
};
