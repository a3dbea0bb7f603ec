/**
 * A register's file read as a stream: its shape first (inspectFile: the format, a CSV's
 * encoding and delimiter, the header row), then its rows one at a time (readRows), so that a
 * 100,000-row file never sits whole in memory. XLSX through exceljs's streaming reader (the
 * first worksheet; dates as ISO text, numbers as text, a formula’s cached result or its text,
 * never run; rich text joined; a hyperlink's text), CSV through csv-parse after the encoding
 * (UTF-8, with or without BOM; UTF-16 with its BOM, as Excel’s “Unicode text”; else Windows-1252) and the delimiter (; , or tab, from the
 * header line) are found. A file that cannot be read is refused with one of the module's errors.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { foldText } from '../../../domain/imports/columns.js';
import { AppError } from '../../../errors/index.js';
import { emptyFile, MAX_IMPORT_COLUMNS, mergedHeader, noHeader, notSpreadsheet, tooManyColumns } from '../imports.errors.js';
import type { SheetInfo, SheetRow } from './types.js';
import { openZip, type Zip, type ZipEntry } from './zip.js';

/** The longest CSV record read (a cell of a register is short; a 1 MB "row" is not a register). */
const MAX_RECORD_BYTES = 1024 * 1024;

/** The shape of a register's file: refuses a file that is not a spreadsheet, is empty, or has no usable header row. */
export async function inspectFile(path: string): Promise<SheetInfo> {
  const { size } = await stat(path);
  if (size === 0) throw emptyFile();
  const head = await readHead(path, 64 * 1024);
  try {
    if (isZip(head)) return await inspectXlsx(path);
    if (!isUtf16(head) && looksBinary(head)) throw notSpreadsheet();
    return await inspectCsv(path, head);
  } catch (error) {
    throw asReadingError(error);
  }
}

/** What went wrong reading: the module's own error as it is, a file system's as it is, else the file is no spreadsheet we can read. */
function asReadingError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && 'syscall' in error) return error;
  return notSpreadsheet();
}

/** The data rows (the header aside), numbered as a spreadsheet shows them; rows with every cell empty are skipped. */
export async function* readRows(path: string, info: SheetInfo): AsyncGenerator<SheetRow> {
  const rows = info.format === 'xlsx' ? xlsxRows(path, info.headers.length) : csvRows(path, info);
  try {
    for await (const { rowNumber, cells } of rows) if (rowNumber > 1) yield { rowNumber, cells };
  } catch (error) {
    throw asReadingError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// What the file is
// ---------------------------------------------------------------------------------------------

async function readHead(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const isZip = (head: Buffer): boolean => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

/** NUL bytes, or more than one control character in a hundred: a PDF, an image, an old .xls, a UTF-16 text… */
function looksBinary(head: Buffer): boolean {
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return true;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  return controls * 100 > head.length;
}

// ---------------------------------------------------------------------------------------------
// The header row
// ---------------------------------------------------------------------------------------------

/** A header cell that is a number or a date rather than a name: the first row is data. */
const VALUE_LIKE = /^[-+]?[\d\s.,/:]+$/;

/**
 * The header row checked: trailing empty cells dropped; refused when nothing is left or every
 * header is a number or date, when it has too many columns, and when two headers are the same
 * (two empty ones included: what merged cells leave).
 */
function checkHeaders(cells: ReadonlyArray<string | null>, valueLike: readonly boolean[]): string[] {
  let length = cells.length;
  while (length > 0 && (cells[length - 1] ?? '') === '') length -= 1;
  const headers = cells.slice(0, length).map((cell) => cell ?? '');
  if (headers.length === 0) throw noHeader();
  if (headers.length > MAX_IMPORT_COLUMNS) throw tooManyColumns({ columns: headers.length });
  const named = headers.map((header, i) => ({ header, i })).filter(({ header }) => header !== '');
  if (named.every(({ header, i }) => valueLike[i] === true || VALUE_LIKE.test(header))) throw noHeader();
  const seen = new Map<string, number>();
  const repeated = new Set<number>();
  headers.forEach((header, i) => {
    const key = foldText(header);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else repeated.add(first + 1).add(i + 1);
  });
  if (repeated.size > 0) throw mergedHeader({ columns: [...repeated].sort((a, b) => a - b) });
  return headers;
}

/** Cells trimmed, empty ones null, as many as the headers. */
function fitCells(cells: ReadonlyArray<string | null | undefined>, width: number): Array<string | null> {
  const fitted: Array<string | null> = [];
  for (let i = 0; i < width; i += 1) {
    // PostgreSQL stores no NUL character: it is no part of a register's text anyway.
    const text = cells[i]?.replaceAll('\u0000', '').trim() ?? '';
    fitted.push(text === '' ? null : text);
  }
  return fitted;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Excel's "Unicode text" is UTF-16 (little-endian) with its byte order mark, tab-separated. */
const isUtf16 = (head: Buffer): boolean => head.length >= 2 && head[0] === 0xff && head[1] === 0xfe;

async function inspectCsv(path: string, head: Buffer): Promise<SheetInfo> {
  const bom = head.subarray(0, 3).equals(UTF8_BOM);
  const encoding = isUtf16(head) ? 'utf-16le' : bom || (await isUtf8(path)) ? 'utf-8' : 'windows-1252';
  // The decoder drops a byte order mark.
  const text = new TextDecoder(encoding).decode(head);
  if (text.trim() === '') throw emptyFile();
  const delimiter = detectDelimiter(text);
  const info: SheetInfo = { format: 'csv', encoding, delimiter, headers: [] };
  for await (const row of csvRows(path, info, true)) {
    if (row.rowNumber !== 1) throw noHeader();
    return { ...info, headers: checkHeaders(row.cells, []) };
  }
  throw emptyFile();
}

/** Whether the whole file is valid UTF-8 (a Windows-1252 "à" is not). */
async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The delimiter of the header line: the most frequent of ; , and tab outside quotes (a comma when none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Every record of the file (the header included) as a row; with `keepEmpty` the empty ones too. */
async function* csvRows(path: string, info: SheetInfo, keepEmpty = false): AsyncGenerator<SheetRow> {
  const encoding = info.encoding ?? 'utf-8';
  const source = createReadStream(path);
  const decoder = new TextDecoder(encoding);
  // The decoder drops a byte order mark, and keeps a character split between chunks for the next.
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = parse({
    delimiter: info.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  source.on('error', (error) => parser.destroy(error));
  decode.on('error', (error) => parser.destroy(error));
  source.pipe(decode).pipe(parser);
  // Before the header is known (inspecting), a record is as wide as it is.
  const width = info.headers.length;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const cells = fitCells(record, width > 0 ? width : record.length);
      if (!keepEmpty && cells.every((cell) => cell === null)) continue;
      yield { rowNumber, cells };
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

interface FirstSheet {
  entry: ZipEntry;
  /** N of its part xl/worksheets/sheetN.xml (the parts exceljs reads), null for another part. */
  part: string | null;
}

async function inspectXlsx(path: string): Promise<SheetInfo> {
  const { part, merged } = await withWorkbook(path, async (zip) => {
    const sheet = await firstSheet(zip);
    return { part: sheet.part, merged: await mergedHeaderColumns(zip, sheet.entry) };
  });
  for await (const row of xlsxRows(path, Number.POSITIVE_INFINITY, part)) {
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
    return { entry, part: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.fileName)?.[1] ?? null };
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

/** The rows of the first worksheet (row 1 included), each as wide as `width` (its own length when infinite). */
async function* xlsxRows(path: string, width: number, sheetPart?: string | null): AsyncGenerator<XlsxRow> {
  const part = sheetPart === undefined ? (await withWorkbook(path, firstSheet)).part : sheetPart;
  const source = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // The part of the worksheet about to be given (exceljs announces each part before reading it).
  let current: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: unknown }) => {
    if (entry.type === 'worksheet') current = String(entry.id);
  });
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      if (part !== null && current !== part) continue;
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
  } finally {
    source.destroy();
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
