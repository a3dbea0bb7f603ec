import { type Area, inMenu, lazyPage } from '../../area.js';

/** The annual management report: preview, texts, publication, versions and their documents. */
export const reportsArea: Area = [
  // Aggregated figures only: viewers (the Comune's officials) read the published versions.
  ...inMenu('centre', [
    ['/reports', 'statistics.read', () => import('./ReportsPage.js'), 'reports.nav.reports'],
    // The figures published before Approdo, which the report's comparisons use: typed by whoever writes the report.
    ['/reports/previous-years', 'reports.write', () => import('./history/PreviousYearsPage.js'), 'history.nav'],
  ]),
  { path: '/reports/:id', permission: 'statistics.read', element: lazyPage(() => import('./ReportPage.js')) },
];
