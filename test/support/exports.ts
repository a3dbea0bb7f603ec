/**
 * The list exports read back as a person's spreadsheet would: the CSV's cells (BOM and
 * semicolons), the XLSX's first sheet's cell values and types (exceljs).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/** The CSV's rows of cells, the header row first. */
export function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { delimiter: ';' }) as string[][];
}

/** The XLSX's first sheet: its rows of cell values (the header row first) and the sheet itself. */
export async function readXlsx(bytes: Buffer | Uint8Array): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const value = row.getCell(i).value;
      cells.push(value === undefined ? null : value);
    }
    rows.push(cells);
  });
  return { rows, sheet };
}

/** An XLSX cell's value as the CSV writes it: a date cell as dd/mm/yyyy, an empty one as ''. */
export function asCsvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10).split('-').reverse().join('/');
  return String(value);
}
