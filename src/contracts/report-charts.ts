/**
 * The chart of a report table as ECharts options: one definition for the web preview
 * (interactive) and the documents (SVG rendered on the server). SKELETON: to be built.
 */
import type { ReportTable } from './reports.js';

export interface ChartOptionSettings {
  /** Documents: no animation, no tooltip, fixed size, print palette. */
  print?: boolean;
}

/** ECharts options for the table's chart, or null when it has none. */
export function chartOption(table: ReportTable, _settings: ChartOptionSettings = {}): Record<string, unknown> | null {
  if (!table.chart) return null;
  throw new Error('chartOption: not built yet');
}
