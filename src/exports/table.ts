/**
 * A list as a table people take away: its columns declared once (the Italian header, the value
 * of a row, what kind of value it is), written as CSV or as XLSX, a batch of rows at a time so
 * that a long list never sits whole in memory.
 *
 * - CSV: as Italian spreadsheets expect it (csv.ts: semicolons, UTF-8 with BOM, formula-safe),
 *   dates written dd/mm/yyyy.
 * - XLSX: exceljs's streaming writer; the header row bold and frozen, each column its width,
 *   dates as date cells shown dd/mm/yyyy, numbers as numbers, every other value a text cell
 *   (never a formula, whatever it starts with).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvRows } from './csv.js';

/** What a cell holds: text, a calendar date (ISO YYYY-MM-DD) or a number. */
export type ColumnKind = 'text' | 'date' | 'number';

export interface TableColumn<Row> {
  /** The header, in Italian. */
  header: string;
  /** Text unless said otherwise. */
  kind?: ColumnKind;
  /** The column's width in characters in the XLSX (the kind's usual width unless said). */
  width?: number;
  value(row: Row): string | number | null | undefined;
}

const WIDTHS: Record<ColumnKind, number> = { text: 24, date: 12, number: 10 };

/** An ISO date (or an instant) as Italians write it: dd/mm/yyyy. */
export function italianDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function csvCell<Row>(column: TableColumn<Row>, row: Row): string | number {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return '';
  return column.kind === 'date' ? italianDay(String(value)) : value;
}

/** The table as CSV text: the headers, then a chunk of text per batch of rows. */
export async function* tableCsv<Row>(columns: readonly TableColumn<Row>[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRows([columns.map((c) => c.header)]);
  for await (const batch of batches) {
    if (batch.length > 0) yield csvRows(batch.map((row) => columns.map((c) => csvCell(c, row))));
  }
}

/** Characters XML 1.0 does not allow: a stray one would make the whole file unreadable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what is removed
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xlsxCell<Row>(column: TableColumn<Row>, row: Row): string | number | Date | null {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  if (column.kind === 'date') {
    const [year, month, day] = String(value).slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(year as number, (month as number) - 1, day));
  }
  if (column.kind === 'number' && typeof value === 'number') return value;
  // A string is written as a text cell: exceljs makes a formula only of a { formula } value.
  return String(value).replace(NOT_IN_XML, '');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The table as an XLSX workbook of one sheet named `sheetName`, streamed as it is written.
 * A failure while reading the rows ends the stream with that error.
 */
export function tableXlsx<Row>(columns: readonly TableColumn<Row>[], batches: AsyncIterable<Row[]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width ?? WIDTHS[c.kind ?? 'text'] }));
  const dates = columns.flatMap((c, i) => (c.kind === 'date' ? [i + 1] : []));
  const write = async () => {
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const row of batch) {
        const written = sheet.addRow(columns.map((c) => xlsxCell(c, row)));
        for (const index of dates) written.getCell(index).numFmt = 'dd/mm/yyyy';
        written.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
