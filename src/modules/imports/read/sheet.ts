/**
 * A register's file read as a stream: its shape first (inspectFile: the format, a CSV's
 * encoding and delimiter, the header row), then its rows one at a time (readRows), so that a
 * 100,000-row file never sits whole in memory. What the file is is told here; an XLSX is read in
 * xlsx.ts, a CSV in csv.ts, the header row checked in header-row.ts. A file that cannot be read
 * is refused with one of the module's errors.
 */
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../../errors/index.js';
import { emptyFile, notSpreadsheet } from '../imports.errors.js';
import { csvRows, inspectCsv, isUtf16 } from './csv.js';
import type { SheetInfo, SheetRow } from './types.js';
import { inspectXlsx, xlsxRows } from './xlsx.js';

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
