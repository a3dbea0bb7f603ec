/**
 * One row of a register read into what it describes: the person (or an anonymous visitor) and
 * the kind's record, with its fingerprint; or the reasons it is rejected, each with its column
 * and a message code of contracts/messages/imports.ts. The user's value mappings come first (a
 * value mapped to null rejects its row); a value that matches nothing is reported as unmatched
 * (once per row, field and value) for the user to map. No I/O but the hash. The person's fields
 * are read in row-person.ts, each kind's record in row-records.ts, the cells in row-reader.ts.
 */
import { createHash } from 'node:crypto';
import { todayInRome } from '../../../domain/dates.js';
import type { ImportKind } from '../../../domain/imports/fields.js';
import { fingerprintText } from '../../../domain/imports/values.js';
import { readAnonymous, readPerson } from './row-person.js';
import { distinctRejects, RowReader } from './row-reader.js';
import { readCase, readEnrolment, readPermit, readVisit } from './row-records.js';
import type { ColumnMapping, ImportLookups, ParsedRow, RowOutcome, ValueMappings } from './types.js';

/** The row's fingerprint: SHA-256 of its kind and values as stored (domain/imports/values.ts fingerprintText). */
export function rowFingerprint(kind: ImportKind, values: Omit<ParsedRow, 'rowNumber' | 'kind' | 'fingerprint'>): string {
  return createHash('sha256').update(fingerprintText(kind, values)).digest('hex');
}

/**
 * A row read into what it describes, or rejected with every reason found (not just the first)
 * and the values that matched nothing. `today` (Rome) bounds the dates that cannot be future.
 */
export function parseRow(
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping,
  cells: ReadonlyArray<string | null>,
  valueMappings: ValueMappings,
  lookups: ImportLookups,
  rowNumber: number,
  today: string = todayInRome(),
): RowOutcome {
  const reader = new RowReader(kind, headers, mapping, cells, valueMappings, today);
  const reading = readPerson(reader);
  const person = reading.person;
  const values: Omit<ParsedRow, 'rowNumber' | 'kind' | 'fingerprint'> = { person: person ?? null };
  switch (kind) {
    case 'people':
      break;
    case 'visits': {
      const anonymous = person === null ? readAnonymous(reader, reading) : null;
      const visit = readVisit(reader, lookups, anonymous);
      if (visit) values.visit = visit;
      break;
    }
    case 'cases': {
      const record = readCase(reader);
      if (record) values.case = record;
      break;
    }
    case 'permits': {
      const permit = readPermit(reader);
      if (permit) values.permit = permit;
      break;
    }
    case 'enrolments': {
      const enrolment = readEnrolment(reader, lookups);
      if (enrolment) values.enrolment = enrolment;
      break;
    }
  }
  const rejects = distinctRejects(reader.rejects);
  if (rejects.length > 0 || person === undefined) {
    return { ok: false, rowNumber, rejects, unmatched: reader.unmatched };
  }
  return { ok: true, row: { rowNumber, kind, ...values, fingerprint: rowFingerprint(kind, values) } };
}
