/**
 * An XLSX register read as a stream through exceljs's streaming reader: the workbook's first
 * worksheet (found through zip.ts, with its merged header cells, which the streaming reader
 * skips); dates as ISO text, numbers as text, a formula's cached result or its text, never run;
 * rich text joined; a hyperlink's text.
 */
import type { Readable } from 'node:stream';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import { AppError } from '../../../errors/index.js';
import { emptyFile, mergedHeader, noHeader, notSpreadsheet } from '../imports.errors.js';
import { checkHeaders, fitCells } from './header-row.js';
import type { SheetInfo, SheetRow } from './types.js';
import { openZip, type Zip, type ZipEntry } from './zip.js';

interface FirstSheet {
  entry: ZipEntry;
}

export async function inspectXlsx(path: string): Promise<SheetInfo> {
  const merged = await withWorkbook(path, async (zip) => mergedHeaderColumns(zip, (await firstSheet(zip)).entry));
  for await (const row of xlsxRows(path, Number.POSITIVE_INFINITY)) {
    if (row.rowNumber !== 1) throw noHeader();
    if (merged.length > 0) throw mergedHeader({ columns: merged });
    return { format: 'xlsx', encoding: null, delimiter: null, headers: checkHeaders(row.cells, row.valueLike) };
  }
  throw emptyFile();
}

/** The zip at `path` open for `use`, closed after it. Not a zip: not a spreadsheet. */
async function withWorkbook<T>(path: string, use: (zip: Zip) => Promise<T>): Promise<T> {
  const zip = await openZip(path);
  if (!zip) throw notSpreadsheet();
  try {
    return await use(zip);
  } finally {
    zip.close();
  }
}

/** The workbook's first worksheet (the first in the workbook's list, whatever its part is called). Not a workbook: not a spreadsheet. */
async function firstSheet(zip: Zip): Promise<FirstSheet> {
  const workbook = zip.entries.get('xl/workbook.xml');
  if (!workbook) throw notSpreadsheet();
  try {
    const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(await zip.readText(workbook))?.[0];
    const relationId = sheetTag ? /\br:id="([^"]*)"/.exec(sheetTag)?.[1] : undefined;
    const rels = zip.entries.get('xl/_rels/workbook.xml.rels');
    let target: string | undefined;
    if (rels && relationId) {
      for (const tag of (await zip.readText(rels)).match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
        if (/\bId="([^"]*)"/.exec(tag)?.[1] === relationId) target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
      }
    }
    const part = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
    const entry = zip.entries.get(part) ?? [...zip.entries.values()].find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName));
    if (!entry) throw notSpreadsheet();
    return { entry };
  } catch (error) {
    throw error instanceof AppError ? error : notSpreadsheet();
  }
}

/** A column's letters as its number (A → 1, AA → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/**
 * The columns of row 1 that belong to a merged range. The sheet's merges are written after its
 * rows, so the part is scanned to its end, as text, as it inflates (nothing of it is kept).
 */
async function mergedHeaderColumns(zip: Zip, entry: ZipEntry): Promise<number[]> {
  const columns = new Set<number>();
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
  let carry = '';
  try {
    const stream = await zip.open(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      for (const match of text.matchAll(pattern)) {
        const [, fromColumn, fromRow, toColumn, toRow] = match as unknown as [string, string, string, string?, string?];
        if (Number(fromRow) !== 1 || toRow === undefined || toColumn === undefined) continue;
        if (Number(toRow) === 1 && toColumn === fromColumn) continue;
        for (let c = columnNumber(fromColumn); c <= columnNumber(toColumn); c += 1) columns.add(c);
      }
      carry = text.slice(-300);
    }
  } catch {
    throw notSpreadsheet();
  }
  return [...columns].sort((a, b) => a - b);
}

/** A row of the worksheet as text, with which cells are numbers or dates (for the header's check). */
interface XlsxRow extends SheetRow {
  valueLike: boolean[];
}

/** The parts exceljs reads before a worksheet, in the order that lets it read the worksheet as it streams. */
const PARTS_BEFORE_THE_SHEET = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * The workbook as exceljs's streaming reader should see it: its relationships, styles and shared
 * strings first, then the first worksheet alone, named sheet1.xml, in a zip made as it streams
 * (stored, not compressed). Excel writes the shared strings after the worksheets, and exceljs then
 * copies each worksheet to a temporary file to read it later: under load that copy has come back
 * short (rows missing, or none), so a register is never read that way.
 */
async function orderedWorkbook(path: string): Promise<{ stream: Readable; close: () => void }> {
  const zip = await openZip(path);
  if (!zip) throw notSpreadsheet();
  const { entry } = await firstSheet(zip).catch((error: unknown) => {
    zip.close();
    throw error;
  });
  const archive = archiver('zip', { store: true });
  for (const name of PARTS_BEFORE_THE_SHEET) {
    const part = zip.entries.get(name);
    if (part) archive.append(await zip.open(part), { name });
  }
  const strings = zip.entries.get(SHARED_STRINGS);
  archive.append(strings ? await zip.open(strings) : EMPTY_SHARED_STRINGS, { name: SHARED_STRINGS });
  archive.append(await zip.open(entry), { name: 'xl/worksheets/sheet1.xml' });
  void archive.finalize();
  return { stream: archive, close: () => zip.close() };
}

/** The rows of the first worksheet (row 1 included), each as wide as `width` (its own length when infinite). */
export async function* xlsxRows(path: string, width: number): AsyncGenerator<XlsxRow> {
  const { stream, close } = await orderedWorkbook(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const last = width === Number.POSITIVE_INFINITY ? values.length - 1 : width;
        const cells: Array<string | null> = [];
        const valueLike: boolean[] = [];
        for (let column = 1; column <= last; column += 1) {
          const value = values[column];
          cells.push(value === undefined || value === null ? null : cellText(value, row.getCell(column).numFmt));
          valueLike.push(typeof value === 'number' || value instanceof Date);
        }
        const fitted = fitCells(cells, Math.max(cells.length, 0));
        if (row.number > 1 && fitted.every((cell) => cell === null)) continue;
        yield { rowNumber: row.number, cells: fitted, valueLike };
      }
      return;
    }
  } catch (error) {
    throw error instanceof AppError ? error : notSpreadsheet();
  } finally {
    stream.destroy();
    close();
  }
}

/** Whether a number format shows a date or a time (its d, m, y, h or s outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A date as ISO text: the day alone at midnight, else the day and the time to the second. */
function dateText(date: Date): string | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** An Excel serial (1900 system) as a Date, as exceljs reads a date cell. */
const serialDate = (serial: number): Date => new Date(Math.round((serial - 25569) * 86_400_000));

/** A cell's value as text: never a formula run, never an object. */
function cellText(value: unknown, numFmt?: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) return (object.richText as Array<{ text?: string }>).map((part) => part.text ?? '').join('');
    if ('formula' in object || 'sharedFormula' in object) {
      const result = object.result;
      if (result !== undefined && result !== null && !(typeof result === 'object' && 'error' in (result as object))) {
        return typeof result === 'number' && isDateFormat(numFmt) ? dateText(serialDate(result)) : cellText(result, numFmt);
      }
      const formula = (object.formula ?? object.sharedFormula) as string | undefined;
      return formula ? `=${formula}` : null;
    }
    if ('text' in object) return cellText(object.text, numFmt);
    if ('error' in object) return String(object.error);
  }
  return String(value);
}
