/**
 * The one way the report builds a breakdown: a table of categories with its total row and its
 * chart, and, when small categories are grouped as "Altro", the footnote table listing them.
 * The parts must add up to the total: a breakdown that does not is a bug, and fails loudly.
 */
import type { ChartSpec, ReportBlock, ReportTable } from '../../contracts/reports.js';
import { type Category, groupSmall, OTHER_KEY } from '../../domain/report/small-numbers.js';

export const UNSPECIFIED_KEY = 'unspecified';
export const UNSPECIFIED_LABEL = 'Non specificato';

export interface BreakdownOptions {
  id: string;
  title: string;
  /** Header of the category column ("Provenienza", "Paese di provenienza"…) and of the count column. */
  categoryLabel: string;
  countLabel: string;
  categories: readonly Category[];
  /** What the categories must add up to. */
  total: number;
  chart: ChartSpec['type'];
  chartCaption?: string;
  /**
   * fixed: a short closed list (origin group, gender): every category shown in the given order,
   * zeros included, never grouped. open (default): zeros left out, largest first, small ones
   * grouped as "Altro" under `groupingThreshold`.
   */
  mode?: 'fixed' | 'open';
  groupingThreshold?: number;
  /** Footnote title, e.g. "Paesi con meno di 5 accessi" (gets the threshold from the caller). */
  otherTitle?: string;
  /** Notes under the table. */
  notes?: string[];
  /** Counts of people or visits (default): the disclosure threshold applies. */
  protect?: boolean;
}

export class ReconciliationError extends Error {}

/** A breakdown table (and its "Altro" footnote table, if any). */
export function breakdownBlocks(options: BreakdownOptions): ReportBlock[] {
  const sum = options.categories.reduce((s, c) => s + c.count, 0);
  if (sum !== options.total) {
    throw new ReconciliationError(`${options.id}: the parts add up to ${sum}, not to the total ${options.total}`);
  }
  const grouped =
    options.mode === 'fixed'
      ? { rows: [...options.categories], other: [] }
      : groupSmall(options.categories, options.groupingThreshold ?? 0, { keepLast: [UNSPECIFIED_KEY] });
  const protect = options.protect ?? true;
  const table: ReportTable = {
    kind: 'table',
    id: options.id,
    title: options.title,
    columns: [
      { key: 'category', label: options.categoryLabel, numeric: false },
      { key: 'count', label: options.countLabel, numeric: true },
    ],
    rows: [
      ...grouped.rows.map((row) => ({ key: row.key, cells: { category: row.label, count: row.count } })),
      { key: 'total', cells: { category: 'Totale', count: options.total }, total: true },
    ],
    protect,
    chart: {
      type: options.chart,
      categoryColumn: 'category',
      seriesColumns: ['count'],
      ...(options.chartCaption ? { caption: options.chartCaption } : {}),
    },
    ...(options.notes?.length ? { notes: options.notes } : {}),
  };
  if (grouped.other.length === 0) return [table];
  const otherTotal = grouped.other.reduce((s, c) => s + c.count, 0);
  const footnote: ReportTable = {
    kind: 'table',
    id: `${options.id}.other`,
    title: options.otherTitle ?? `Altro: categorie con meno di ${options.groupingThreshold}`,
    columns: table.columns,
    rows: [
      ...grouped.other.map((row) => ({ key: row.key, cells: { category: row.label, count: row.count } })),
      { key: 'total', cells: { category: 'Totale Altro', count: otherTotal }, total: true },
    ],
    protect,
  };
  table.notes = [
    ...(table.notes ?? []),
    `«Altro» raggruppa ${grouped.other.length} voci: sono elencate nella tabella «${footnote.title}».`,
  ];
  return [table, footnote];
}

export { OTHER_KEY };
