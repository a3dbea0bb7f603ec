/**
 * CSV as Italian spreadsheets expect it (semicolons, UTF-8 with BOM), and safe to open:
 * a cell that a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number is never read as a formula, negative or not.
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const CSV_BOM = '\uFEFF';

export function csvRows(rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(spreadsheetSafe)),
    { delimiter: ';', record_delimiter: '\r\n' },
  );
}
