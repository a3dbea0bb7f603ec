/**
 * A register's header row checked, and its rows' cells fitted to it: shared by the CSV and the
 * XLSX reading.
 */
import { foldText } from '../../../domain/imports/columns.js';
import { MAX_IMPORT_COLUMNS, mergedHeader, noHeader, tooManyColumns } from '../imports.errors.js';

/** A header cell that is a number or a date rather than a name: the first row is data. */
const VALUE_LIKE = /^[-+]?[\d\s.,/:]+$/;

/**
 * The header row checked: trailing empty cells dropped; refused when nothing is left or every
 * header is a number or date, when it has too many columns, and when two headers are the same
 * (two empty ones included: what merged cells leave).
 */
export function checkHeaders(cells: ReadonlyArray<string | null>, valueLike: readonly boolean[]): string[] {
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
export function fitCells(cells: ReadonlyArray<string | null | undefined>, width: number): Array<string | null> {
  const fitted: Array<string | null> = [];
  for (let i = 0; i < width; i += 1) {
    // PostgreSQL stores no NUL character: it is no part of a register's text anyway.
    const text = cells[i]?.replaceAll('\u0000', '').trim() ?? '';
    fitted.push(text === '' ? null : text);
  }
  return fitted;
}
