/**
 * A CSV register read as a stream through csv-parse, after its encoding (UTF-8, with or without
 * BOM; UTF-16 with its BOM, as Excel's "Unicode text"; else Windows-1252) and its delimiter (; ,
 * or tab, from the header line) are found.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { emptyFile, noHeader } from '../imports.errors.js';
import { checkHeaders, fitCells } from './header-row.js';
import type { SheetInfo, SheetRow } from './types.js';

/** The longest CSV record read (a cell of a register is short; a 1 MB "row" is not a register). */
const MAX_RECORD_BYTES = 1024 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Excel's "Unicode text" is UTF-16 (little-endian) with its byte order mark, tab-separated. */
export const isUtf16 = (head: Buffer): boolean => head.length >= 2 && head[0] === 0xff && head[1] === 0xfe;

export async function inspectCsv(path: string, head: Buffer): Promise<SheetInfo> {
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
export async function* csvRows(path: string, info: SheetInfo, keepEmpty = false): AsyncGenerator<SheetRow> {
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
