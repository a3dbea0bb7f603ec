/**
 * A look inside an XLSX before exceljs reads its rows, through yauzl: the entries of the zip's
 * central directory, and the few it needs (the workbook, its relationships, the first worksheet)
 * streamed as they inflate, never the whole file in memory. It tells a workbook from any other
 * zip, and finds the first worksheet and its merged cells (which exceljs's streaming reader skips).
 */

import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export type ZipEntry = yauzl.Entry;

/** An open zip file: its entries by name, each to stream; closed by its user. */
export interface Zip {
  entries: ReadonlyMap<string, ZipEntry>;
  /** One entry's content, inflated as it streams (yauzl checks its size as it goes). */
  open(entry: ZipEntry): Promise<Readable>;
  /** A small entry's whole text (the workbook, its relationships); refused past `limit` bytes. */
  readText(entry: ZipEntry, limit?: number): Promise<string>;
  /** The file is closed once the streams opened have ended too. */
  close(): void;
}

/** The zip file at `path`, or null when it is not one (no end-of-directory record, a damaged directory). */
export async function openZip(path: string): Promise<Zip | null> {
  let zip: yauzl.ZipFile;
  try {
    // Entries read one at a time and the file kept open after them, for the streams opened later.
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    if (error instanceof Error && 'syscall' in error) throw error;
    return null;
  }
  const entries = new Map<string, ZipEntry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch {
    zip.close();
    return null;
  }
  const open = (entry: ZipEntry): Promise<Readable> => zip.openReadStreamPromise(entry);
  return {
    entries,
    open,
    async readText(entry, limit = 5 * 1024 * 1024) {
      if (entry.uncompressedSize > limit) throw new Error(`zip entry ${entry.fileName} too large`);
      const chunks: Buffer[] = [];
      for await (const chunk of (await open(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => zip.close(),
  };
}
