import { lazy } from 'react';
import type { Area } from '../../area.js';

const ReportsPage = lazy(() => import('./ReportsPage.js'));
const ReportPage = lazy(() => import('./ReportPage.js'));

/** The annual management report: preview, texts, publication, versions and their documents. */
export const reportsArea: Area = [
  // Aggregated figures only: viewers (the Comune's officials) read the published versions.
  { path: '/reports', permission: 'statistics.read', element: <ReportsPage />, menu: { label: 'reports.nav.reports', group: 'centre' } },
  { path: '/reports/:id', permission: 'statistics.read', element: <ReportPage /> },
];
