import { lazy } from 'react';
import type { Area } from '../../area.js';

const ReportsPage = lazy(() => import('./ReportsPage.js'));
const ReportPage = lazy(() => import('./ReportPage.js'));

/** The annual management report: preview, texts, publication, versions and their documents. */
export const reportsArea: Area = {
  routes: [
    // Aggregated figures only: viewers (the Comune's officials) read the published versions.
    { path: '/reports', permission: 'statistics.read', element: <ReportsPage /> },
    { path: '/reports/:id', permission: 'statistics.read', element: <ReportPage /> },
  ],
  nav: [{ to: '/reports', label: 'reports.nav.reports', permission: 'statistics.read', group: 'centre' }],
};
