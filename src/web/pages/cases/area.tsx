import { type Area, inMenu, lazyPage } from '../../area.js';

/** People in care: the cases (with the overdue actions), a new case, one case. */
export const casesArea: Area = [
  ...inMenu('people', [['/cases', 'personal.read', () => import('./CasesPage.js'), 'cases.nav']]),
  { path: '/cases/new', permission: 'personal.write', element: lazyPage(() => import('./CaseFormPage.js')) },
  { path: '/cases/:id', permission: 'personal.read', element: lazyPage(() => import('./CasePage.js')) },
];
