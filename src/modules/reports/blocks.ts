/**
 * The one way the report builds its blocks: a breakdown (a table of categories with its total
 * row and its chart, and, when small categories are grouped as "Altro", the footnote table
 * listing them), text blocks with their draft, headline figures, columns and total rows. Parts
 * must add up to their total: a table that does not is a bug, and fails loudly.
 */
import type {
  ChartSpec,
  ReportBlock,
  ReportCell,
  ReportColumn,
  ReportFigures,
  ReportRow,
  ReportTable,
  ReportText,
} from '../../contracts/reports.js';
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

/** A narrative block: the draft is what is shown until the coordinator writes their own. */
export const textBlock = (id: string, title: string, draft: string): ReportText => ({
  kind: 'text',
  id,
  title,
  markdown: draft,
  draft,
  edited: false,
});

export const figuresBlock = (
  id: string,
  title: string,
  protect: boolean,
  items: Array<{ key: string; label: string; value: ReportCell }>,
): ReportFigures => ({ kind: 'figures', id, title, protect, items });

/** A section's totals: figures without a title, protected like the counts they add up. */
export const totalsBlock = (id: string, items: ReportFigures['items']): ReportFigures => ({ kind: 'figures', id, items, protect: true });

export const textColumn = (key: string, label: string): ReportColumn => ({ key, label, numeric: false });
export const numberColumn = (key: string, label: string): ReportColumn => ({ key, label, numeric: true });
/** Lessons, hours: numbers that are not counts of people (shown whatever the disclosure threshold). */
export const measureColumn = (key: string, label: string): ReportColumn => ({ key, label, numeric: true, measure: true });

/** The total row of the numeric columns given (the first column gets the label). */
export function totalRow(columns: readonly ReportColumn[], rows: readonly ReportRow[], label = 'Totale'): ReportRow {
  const cells: Record<string, ReportCell> = {};
  columns.forEach((column, i) => {
    if (i === 0) cells[column.key] = label;
    else if (column.numeric) cells[column.key] = round2(rows.reduce((sum, row) => sum + numberOf(row.cells[column.key]), 0));
    else cells[column.key] = null;
  });
  return { key: 'total', cells, total: true };
}

const numberOf = (cell: ReportCell | undefined) => (typeof cell === 'number' ? cell : 0);
export const round2 = (value: number) => Math.round(value * 100) / 100;
/** Minutes as hours, two decimals at most. */
export const hoursOfMinutes = (minutes: number) => round2(minutes / 60);

/**
 * Fails when a table's rows do not add up to its total row (column by column, over the numeric
 * columns) or, with a total column, when a row's parts do not add up to it.
 */
export function assertReconciles(table: ReportTable): ReportTable {
  const total = table.rows.find((row) => row.total);
  const parts = table.rows.filter((row) => !row.total);
  const numeric = table.columns.filter((c) => c.numeric).map((c) => c.key);
  if (total) {
    for (const key of numeric) {
      const sum = round2(parts.reduce((s, row) => s + numberOf(row.cells[key]), 0));
      if (sum !== numberOf(total.cells[key])) {
        throw new ReconciliationError(`${table.id}: column ${key} adds up to ${sum}, not to the total ${String(total.cells[key])}`);
      }
    }
  }
  if (table.totalColumn) {
    const totalKey = table.totalColumn;
    const counts = table.columns.filter((c) => c.numeric && !c.measure && c.key !== totalKey).map((c) => c.key);
    for (const row of table.rows) {
      const sum = round2(counts.reduce((s, k) => s + numberOf(row.cells[k]), 0));
      if (sum !== numberOf(row.cells[totalKey])) {
        throw new ReconciliationError(`${table.id}: row ${row.key} adds up to ${sum}, not to its total ${String(row.cells[totalKey])}`);
      }
    }
  }
  return table;
}
