/**
 * Small builders the sections of the centre's activities share (sections 1 and 5–10): text
 * blocks with their draft, headline figures, columns, and the check that a table's total row
 * (and total column) add up, which fails loudly like breakdownBlocks.
 */
import type { ReportCell, ReportColumn, ReportFigures, ReportRow, ReportTable, ReportText } from '../../../contracts/reports.js';
import { ReconciliationError } from '../blocks.js';

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
