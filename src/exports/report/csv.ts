/**
 * One table of the report as CSV, as Italian spreadsheets read it: ";" between cells, decimal
 * commas, no thousands separator (it would be read as a decimal point), UTF-8 with a BOM,
 * formula-safe (src/exports/csv.ts). Hidden counts are "< 5" or "*"; the table's notes follow it.
 */
import type { ReportCell, ReportData, ReportTable } from '../../contracts/reports.js';
import { isHidden } from '../../contracts/reports.js';
import { CSV_BOM, csvRows } from '../csv.js';
import { cellText, reportTables } from './common.js';

const decimal = new Intl.NumberFormat('it-IT', { useGrouping: false, maximumFractionDigits: 10 });

function csvCell(cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isHidden(cell)) return cellText(cell);
  return typeof cell === 'number' ? decimal.format(cell) : cell;
}

/** The table's rows, then its notes (what it means, what it could not count) after an empty line, one a line. */
export function tableCsv(table: ReportTable): string {
  const notes = table.notes ?? [];
  return (
    CSV_BOM +
    csvRows([
      table.columns.map((column) => column.label),
      ...table.rows.map((row) => table.columns.map((column) => csvCell(row.cells[column.key]))),
      ...(notes.length > 0 ? [[], ...notes.map((note) => [note])] : []),
    ])
  );
}

export function findTable(data: ReportData, tableId: string): ReportTable | undefined {
  return reportTables(data).find(({ table }) => table.id === tableId)?.table;
}
