/**
 * A register read row by row into what the import does with each row (no SQL): rejected (with
 * its reasons), already imported (its fingerprint was written by an earlier import of the
 * centre), or accepted with the person it names (matched, new or doubtful). The dry run counts
 * these; the import writes the accepted ones. The file is streamed: a row is planned, handed
 * on and forgotten (only the file's people stay, one entry each).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ImportKind } from '../../domain/imports/fields.js';
import { collectGarbageOver } from './memory.js';
import type { FilePeople, FilePerson } from './people-matching.js';
import { parseRow } from './read/row.js';
import { readRows } from './read/sheet.js';
import type {
  ColumnMapping,
  ImportLookups,
  ParsedRow,
  RowOutcome,
  RowReject,
  SheetInfo,
  UnmatchedValue,
  ValueMappings,
} from './read/types.js';

export interface PlanInput {
  kind: ImportKind;
  path: string;
  info: SheetInfo;
  mapping: ColumnMapping;
  valueMappings: ValueMappings;
  lookups: ImportLookups;
  people: FilePeople;
  /** Fingerprints of rows earlier imports of the centre wrote. */
  alreadyImported: ReadonlySet<string>;
  /** People of the register with an open case (a cases register may not open a second one). */
  withOpenCase: ReadonlySet<number>;
}

export type PlannedRow =
  | { status: 'rejected'; rowNumber: number; cells: Array<string | null>; rejects: RowReject[]; unmatched: UnmatchedValue[] }
  | { status: 'already'; rowNumber: number }
  | { status: 'accepted'; row: ParsedRow; cells: Array<string | null>; person: FilePerson | null; first: boolean };

/** A row read, with what reading it gave. */
export interface ReadRow {
  rowNumber: number;
  cells: Array<string | null>;
  outcome: RowOutcome;
}

/** The file's rows, each read into what it describes. */
export async function* parsedRows(input: PlanInput): AsyncGenerator<ReadRow> {
  const { kind, info, mapping, valueMappings, lookups } = input;
  for await (const { rowNumber, cells } of readRows(input.path, info)) {
    // A row of empty cells is no row (registers end with formatted blank lines).
    if (cells.every((cell) => cell === null || cell.trim() === '')) continue;
    yield { rowNumber, cells, outcome: parseRow(kind, info.headers, mapping, cells, valueMappings, lookups, rowNumber) };
  }
}

/**
 * The accepted rows a dry run kept (one JSON line each, beside the file): the import reads them
 * instead of reading and parsing the register again. Every other check is made again.
 */
export async function* plannedRows(path: string): AsyncGenerator<ReadRow> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line === '') continue;
    const row = JSON.parse(line) as ParsedRow;
    yield { rowNumber: row.rowNumber, cells: [], outcome: { ok: true, row } };
  }
}

/** Where a dry run keeps the accepted rows of an uploaded file. */
export const planPathOf = (storedPath: string) => `${storedPath}.plan`;

const YIELD_EVERY = 200;
/** The heap is looked at every so many rows, and collected if it grew too much (memory.ts). */
const COLLECT_CHECK_EVERY = 500;

export async function* planRows(input: PlanInput, source: AsyncIterable<ReadRow> = parsedRows(input)): AsyncGenerator<PlannedRow> {
  const { kind, people, alreadyImported, withOpenCase } = input;
  // A person of the file whose open case an earlier row planned.
  const openedInFile = new Set<FilePerson>();
  // Identical rows (two anonymous visits on one day, alike in all) are each a record: the second
  // is fingerprinted `…#2`, so that the same file again adds nothing and a longer file adds the third.
  const occurrences = new Map<string, number>();
  let count = 0;
  for await (const { rowNumber, cells, outcome } of source) {
    // Back to the event loop now and then: rows read from memory run on microtasks alone, and the
    // server's other requests (the page polling the progress) would wait for the end.
    if (++count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (count % COLLECT_CHECK_EVERY === 0) collectGarbageOver();
    if (!outcome.ok) {
      yield { status: 'rejected', rowNumber, cells, rejects: outcome.rejects, unmatched: outcome.unmatched };
      continue;
    }
    const row = outcome.row;
    const occurrence = (occurrences.get(row.fingerprint) ?? 0) + 1;
    occurrences.set(row.fingerprint, occurrence);
    if (occurrence > 1) row.fingerprint = `${row.fingerprint}#${occurrence}`;
    if (alreadyImported.has(row.fingerprint)) {
      yield { status: 'already', rowNumber };
      continue;
    }
    let person: FilePerson | null = null;
    let first = false;
    if (row.person) ({ filePerson: person, first } = people.personOf(rowNumber, row.person));
    if (kind === 'cases' && person && row.case && row.case.closedOn === null) {
      const resolution = person.resolution;
      if (openedInFile.has(person) || (resolution.kind === 'existing' && withOpenCase.has(resolution.personId))) {
        yield { status: 'rejected', rowNumber, cells, rejects: [{ column: null, code: 'import.case_already_open' }], unmatched: [] };
        continue;
      }
      openedInFile.add(person);
    }
    yield { status: 'accepted', row, cells, person, first };
  }
}
