/**
 * One row of a register read into what it describes: the person (or an anonymous visitor) and
 * the kind's record, with its fingerprint; or the reasons it is rejected, each with its column
 * and a message code of contracts/messages/imports.ts. The user's value mappings come first (a
 * value mapped to null rejects its row); a value that matches nothing is reported as unmatched
 * (once per row, field and value) for the user to map. No I/O but the hash.
 */
import { createHash } from 'node:crypto';
import type { Channel, EnrolmentProgramme, Gender, PermitType, ReferralSource } from '../../../contracts/enums.js';
import { CHANNELS, ENROLMENT_PROGRAMMES, GENDERS, PERMIT_TYPES, REFERRAL_SOURCES } from '../../../contracts/enums.js';
import type { MessageCode, MessageParams } from '../../../contracts/messages/index.js';
import { isValidFiscalCode, normaliseFiscalCode } from '../../../domain/codice-fiscale.js';
import { todayInRome } from '../../../domain/dates.js';
import { foldText, givenNamesFirst, KIND_FIELDS } from '../../../domain/imports/columns.js';
import type { ImportFieldKey, ImportKind } from '../../../domain/imports/fields.js';
import {
  fingerprintText,
  isNoFixedAbode,
  matchByLabel,
  readChannel,
  readDate,
  readGender,
  readPermitType,
  readProgramme,
  readReferralSource,
  readTime,
  splitFullName,
  splitTopics,
  tidyName,
} from '../../../domain/imports/values.js';
import { findComune, findCountry, isCitizenship } from '../../../reference/index.js';
import { matchCitizenship, matchComune, matchCountry } from '../../../reference/match.js';
import type {
  ColumnMapping,
  ImportLookups,
  ParsedCase,
  ParsedEnrolment,
  ParsedPermit,
  ParsedPerson,
  ParsedRow,
  ParsedVisit,
  RowOutcome,
  RowReject,
  UnmatchedValue,
  ValueMappings,
} from './types.js';

/** The longest texts, as the API takes them (contracts/people.ts, visits.ts, cases.ts, documents.ts). */
export const IMPORT_TEXT_LIMITS = {
  name: 100,
  phone: 40,
  email: 254,
  notes: 2000,
  caseSummary: 4000,
  permitNumber: 40,
  fiscalCode: 32,
} as const;

/** The most topics one visit carries (contracts/visits.ts). */
const MAX_TOPICS = 20;
/** A visit without its time is put at noon. */
const DEFAULT_TIME = '12:00';
/** The earliest date the API stores (contracts/common.ts isoDate). */
const EARLIEST = '1900-01-01';

const PHONE = /^[+0-9 ()./-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The longest value as written that a value mapping names (contracts/imports.ts importUpdateInput). */
const MAX_MAPPED_VALUE = 200;

/** A reason's values as shown: a long value cut (a cell may hold thousands of characters). */
function shortParams(params: MessageParams): MessageParams {
  const short: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    short[name] = typeof value === 'string' && value.length > MAX_MAPPED_VALUE ? `${value.slice(0, MAX_MAPPED_VALUE)}…` : value;
  }
  return short;
}

/** What a mapped value resolved to: a stored value, nothing written, or the row rejected (the reason already noted). */
type Resolved<T> = { value: T } | { empty: true } | { failed: true };

/** The reading of one row: its cells by field, and the rejects and unmatched values noted as it goes. */
class RowReader {
  readonly rejects: RowReject[] = [];
  readonly unmatched: UnmatchedValue[] = [];
  private readonly columns = new Map<ImportFieldKey, number>();

  constructor(
    readonly kind: ImportKind,
    private readonly headers: readonly string[],
    mapping: ColumnMapping,
    private readonly cells: ReadonlyArray<string | null>,
    private readonly valueMappings: ValueMappings,
    readonly today: string,
  ) {
    const accepted = new Set(KIND_FIELDS[kind]);
    for (const [column, field] of Object.entries(mapping)) {
      if (field !== null && accepted.has(field) && !this.columns.has(field)) this.columns.set(field, Number(column));
    }
  }

  has(field: ImportFieldKey): boolean {
    return this.columns.has(field);
  }

  /** The column's header as written (the file's column number when it has none). */
  header(field: ImportFieldKey): string | null {
    const column = this.columns.get(field);
    if (column === undefined) return null;
    const header = this.headers[column]?.trim();
    return header ? header : `#${column + 1}`;
  }

  /** The cell of a field, trimmed; null when the field is not mapped or the cell is empty. */
  raw(field: ImportFieldKey): string | null {
    const column = this.columns.get(field);
    if (column === undefined) return null;
    const text = this.cells[column]?.trim() ?? '';
    return text === '' ? null : text;
  }

  reject(field: ImportFieldKey | null, code: MessageCode, params?: MessageParams): void {
    const column = field && this.header(field);
    this.rejects.push(params ? { column, code, params: shortParams(params) } : { column, code });
  }

  /** A value that matched nothing: noted for the user to map (once per field and value) and rejected with its reason. */
  unmatchedValue(field: ImportFieldKey, value: string, code: MessageCode): void {
    // A value longer than a mapping may name (contracts/imports.ts) cannot be mapped: its rows are only rejected.
    const mappable = value.length <= MAX_MAPPED_VALUE;
    if (mappable && !this.unmatched.some((u) => u.field === field && u.value === value)) this.unmatched.push({ field, value });
    this.reject(field, code, { value });
  }

  /** The user's mapping of a value as written: undefined when none, null when its rows are to be rejected. */
  mapped(field: ImportFieldKey, value: string): string | null | undefined {
    const mappings = this.valueMappings[field];
    if (!mappings) return undefined;
    if (Object.hasOwn(mappings, value)) return mappings[value];
    const folded = foldText(value);
    for (const [written, stored] of Object.entries(mappings)) if (foldText(written) === folded) return stored;
    return undefined;
  }

  /**
   * A value read by its mapping first, then by `read`; `valid` checks a mapped value. Unmatched
   * when neither gives one.
   */
  resolve<T>(
    field: ImportFieldKey,
    value: string,
    read: (value: string) => T | null | undefined,
    valid: (stored: string) => T | null | undefined,
    unknown: MessageCode,
  ): Resolved<T> {
    const mapped = this.mapped(field, value);
    if (mapped === null) {
      this.reject(field, 'import.value_rejected', { value });
      return { failed: true };
    }
    if (mapped !== undefined) {
      const stored = valid(mapped);
      if (stored === null || stored === undefined) {
        this.reject(field, 'import.value_mapping_invalid', { value: mapped });
        return { failed: true };
      }
      return { value: stored };
    }
    const found = read(value);
    if (found === null || found === undefined) {
      this.unmatchedValue(field, value, unknown);
      return { failed: true };
    }
    return { value: found };
  }

  /** A field of a value list read from its cell: empty, matched, or failed. */
  listValue<T>(
    field: ImportFieldKey,
    read: (value: string) => T | null | undefined,
    valid: (stored: string) => T | null | undefined,
    unknown: MessageCode,
  ): Resolved<T> {
    const value = this.raw(field);
    if (value === null) return { empty: true };
    return this.resolve(field, value, read, valid, unknown);
  }

  /** A text within its limit; null when empty, undefined when too long (rejected). */
  text(field: ImportFieldKey, max: number): string | null | undefined {
    const value = this.raw(field);
    if (value === null) return null;
    if (value.length > max) {
      this.reject(field, 'import.text_too_long', { max });
      return undefined;
    }
    return value;
  }

  /** A date: null when empty, undefined when unreadable or (unless allowed) in the future (rejected). */
  date(field: ImportFieldKey, options: { future?: boolean; birth?: boolean } = {}): string | null | undefined {
    const value = this.raw(field);
    if (value === null) return null;
    const date = readDate(value);
    if (date === null || date < EARLIEST || date > '2100-12-31') {
      this.reject(field, 'import.date_invalid', { value });
      return undefined;
    }
    if (!options.future && date > this.today) {
      this.reject(field, options.birth ? 'import.birth_date_in_future' : 'import.date_in_future', { value });
      return undefined;
    }
    return date;
  }

  /** A date the row cannot do without. */
  requiredDate(field: ImportFieldKey, options: { future?: boolean } = {}): string | undefined {
    const date = this.date(field, options);
    if (date === null) {
      this.reject(field, 'import.value_missing');
      return undefined;
    }
    return date;
  }
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (stored: string): T | null =>
    (values as readonly string[]).includes(stored) ? (stored as T) : null;

const resolvedOr = <T>(resolved: Resolved<T>, fallback: T): T | undefined =>
  'value' in resolved ? resolved.value : 'empty' in resolved ? fallback : undefined;

// ---------------------------------------------------------------------------------------------
// The person
// ---------------------------------------------------------------------------------------------

function readNames(reader: RowReader): { familyNames: string | null; givenNames: string | null; failed: boolean } {
  let familyNames = reader.raw('familyNames');
  let givenNames = reader.raw('givenNames');
  let failed = false;
  const fullName = reader.raw('fullName');
  if (fullName !== null && familyNames === null && givenNames === null) {
    const split = splitFullName(fullName, givenNamesFirst(reader.header('fullName') ?? ''));
    if (split) ({ familyNames, givenNames } = split);
    else {
      reader.reject('fullName', 'import.full_name_unsplit', { value: fullName });
      failed = true;
    }
  } else {
    familyNames = familyNames === null ? null : tidyName(familyNames);
    givenNames = givenNames === null ? null : tidyName(givenNames);
  }
  for (const [field, name] of [
    ['familyNames', familyNames],
    ['givenNames', givenNames],
  ] as const) {
    if (name !== null && name.length > IMPORT_TEXT_LIMITS.name) {
      reader.reject(reader.has(field) ? field : 'fullName', 'import.text_too_long', { max: IMPORT_TEXT_LIMITS.name });
      failed = true;
    }
  }
  return { familyNames, givenNames, failed };
}

const readGenderValue = (reader: RowReader): Resolved<Gender> =>
  reader.listValue<Gender>('gender', readGender, oneOf(GENDERS), 'import.gender_unknown');

const readCitizenship = (reader: RowReader): Resolved<string> =>
  reader.listValue(
    'citizenship',
    (value) => matchCitizenship(value)?.code,
    (stored) => (isCitizenship(stored) ? stored.toUpperCase() : null),
    'import.citizenship_unknown',
  );

/** The person's other fields: undefined when one is rejected. */
function readPersonDetails(reader: RowReader): Omit<ParsedPerson, 'familyNames' | 'givenNames' | 'gender' | 'citizenship'> | undefined {
  const before = reader.rejects.length;
  const birthDate = reader.date('birthDate', { birth: true });
  const birthCountry = resolvedOr(
    reader.listValue(
      'birthCountry',
      (value) => matchCountry(value)?.code,
      (stored) => findCountry(stored)?.code,
      'import.birth_country_unknown',
    ),
    null as string | null,
  );

  let fiscalCode: string | null = null;
  const rawFiscal = reader.raw('fiscalCode');
  if (rawFiscal !== null) {
    const normalised = rawFiscal.length <= IMPORT_TEXT_LIMITS.fiscalCode ? normaliseFiscalCode(rawFiscal) : '';
    if (isValidFiscalCode(normalised)) fiscalCode = normalised;
    else reader.reject('fiscalCode', 'import.fiscal_code_invalid', { value: rawFiscal });
  }

  let residence: ParsedPerson['residence'] = { kind: 'unknown', comuneIstat: null };
  const rawResidence = reader.raw('residence');
  if (rawResidence !== null) {
    const resolved = reader.resolve<ParsedPerson['residence']>(
      'residence',
      rawResidence,
      (value) => {
        if (isNoFixedAbode(value)) return { kind: 'no_fixed_abode', comuneIstat: null };
        const comune = matchComune(value);
        return comune ? { kind: 'comune', comuneIstat: comune.istat } : null;
      },
      (stored) => {
        if (stored === 'no_fixed_abode' || stored === 'unknown') return { kind: stored, comuneIstat: null };
        const comune = /^\d{6}$/.test(stored) ? findComune(stored) : undefined;
        return comune ? { kind: 'comune', comuneIstat: comune.istat } : null;
      },
      'import.residence_unknown',
    );
    if ('value' in resolved) residence = resolved.value;
  }

  const phone = reader.text('phone', IMPORT_TEXT_LIMITS.phone);
  if (phone && !PHONE.test(phone)) reader.reject('phone', 'import.phone_invalid', { value: phone });
  const email = reader.text('email', IMPORT_TEXT_LIMITS.email);
  if (email && !EMAIL.test(email)) reader.reject('email', 'import.email_invalid', { value: email });

  if (
    reader.rejects.length > before ||
    birthDate === undefined ||
    birthCountry === undefined ||
    phone === undefined ||
    email === undefined
  ) {
    return undefined;
  }
  return { birthDate, birthCountry, fiscalCode, residence, phone, email: email === null ? null : email.toLowerCase() };
}

/**
 * The person a row names, null for an anonymous visit (a visits row without names), undefined
 * when rejected. A register other than people may leave gender and citizenship out: not
 * stated, and unknown (XU).
 */
interface PersonReading {
  person: ParsedPerson | null | undefined;
  gender: Resolved<Gender>;
  citizenship: Resolved<string>;
}

function readPerson(reader: RowReader): PersonReading {
  const names = readNames(reader);
  const gender = readGenderValue(reader);
  const citizenship = readCitizenship(reader);
  const noNames = names.familyNames === null && names.givenNames === null && !names.failed;
  if (reader.kind === 'visits' && noNames) {
    // An anonymous visit: its visitor's gender and citizenship are its only facts.
    if ('empty' in gender && 'empty' in citizenship) reader.reject(null, 'import.person_missing');
    else if ('empty' in gender) reader.reject(reader.has('gender') ? 'gender' : null, 'import.gender_missing');
    else if ('empty' in citizenship) reader.reject(reader.has('citizenship') ? 'citizenship' : null, 'import.citizenship_missing');
    return { person: null, gender, citizenship };
  }
  if (!names.failed) {
    if (names.familyNames === null) reader.reject(reader.has('familyNames') ? 'familyNames' : 'fullName', 'import.family_name_missing');
    if (names.givenNames === null) reader.reject(reader.has('givenNames') ? 'givenNames' : 'fullName', 'import.given_name_missing');
  }
  if (reader.kind === 'people') {
    if ('empty' in gender) reader.reject('gender', 'import.gender_missing');
    if ('empty' in citizenship) reader.reject('citizenship', 'import.citizenship_missing');
  }
  const details = readPersonDetails(reader);
  const genderValue = resolvedOr<Gender>(gender, 'not_stated');
  const citizenshipValue = resolvedOr(citizenship, 'XU');
  if (
    names.failed ||
    names.familyNames === null ||
    names.givenNames === null ||
    genderValue === undefined ||
    citizenshipValue === undefined ||
    details === undefined
  ) {
    return { person: undefined, gender, citizenship };
  }
  const person = {
    familyNames: names.familyNames,
    givenNames: names.givenNames,
    gender: genderValue,
    citizenship: citizenshipValue,
    ...details,
  };
  return { person, gender, citizenship };
}

/** An anonymous visitor's facts (a missing or unknown gender or citizenship was rejected by readPerson). */
function readAnonymous(reader: RowReader, { gender, citizenship }: PersonReading): ParsedVisit['anonymous'] | undefined {
  const birthDate = reader.date('birthDate', { birth: true });
  if (!('value' in gender) || !('value' in citizenship) || birthDate === undefined) return undefined;
  return { gender: gender.value, citizenship: citizenship.value, birthDate };
}

function dedupe(rejects: readonly RowReject[]): RowReject[] {
  const seen = new Set<string>();
  return rejects.filter((reject) => {
    const key = JSON.stringify([reject.column, reject.code, reject.params ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The kinds' records
// ---------------------------------------------------------------------------------------------

const readReferral = (reader: RowReader): ReferralSource | undefined =>
  resolvedOr<ReferralSource>(
    reader.listValue<ReferralSource>('referralSource', readReferralSource, oneOf(REFERRAL_SOURCES), 'import.referral_unknown'),
    'spontaneous',
  );

function readTopics(reader: RowReader, lookups: ImportLookups): number[] | undefined {
  const cell = reader.raw('topics');
  if (cell === null) {
    reader.reject('topics', 'import.topics_missing');
    return undefined;
  }
  const ids = new Set<number>();
  let failed = false;
  const parts = splitTopics(cell);
  // The whole cell may be one mapped value ("Casa / affitto" as the user wrote it).
  const whole = reader.mapped('topics', cell);
  for (const part of whole !== undefined || parts.length === 0 ? [cell] : parts) {
    const resolved = reader.resolve<number>(
      'topics',
      part,
      (value) => matchByLabel(value, lookups.topics)?.id,
      (stored) => lookups.topics.find((topic) => String(topic.id) === stored.trim())?.id,
      'import.topic_unknown',
    );
    if ('value' in resolved) ids.add(resolved.value);
    else failed = true;
  }
  if (failed) return undefined;
  if (ids.size > MAX_TOPICS) {
    reader.reject('topics', 'import.too_many_topics', { count: ids.size, max: MAX_TOPICS });
    return undefined;
  }
  return [...ids].sort((a, b) => a - b);
}

function readVisit(reader: RowReader, lookups: ImportLookups, anonymous: ParsedVisit['anonymous'] | undefined): ParsedVisit | undefined {
  const date = reader.requiredDate('visitDate');
  let time: string | null | undefined = DEFAULT_TIME;
  const rawTime = reader.raw('visitTime');
  if (rawTime !== null) {
    time = readTime(rawTime);
    if (time === null) reader.reject('visitTime', 'import.time_invalid', { value: rawTime });
  } else {
    // "05/03/2024 10:30" or a date-time cell carries its time.
    const rawDate = reader.raw('visitDate');
    if (rawDate !== null && /\d[:.]\d{2}(?::\d{2})?$/.test(rawDate) && /[ T]/.test(rawDate)) time = readTime(rawDate) ?? DEFAULT_TIME;
  }
  const topicIds = readTopics(reader, lookups);
  const referralSource = readReferral(reader);
  const channel = resolvedOr<Channel>(
    reader.listValue<Channel>('channel', readChannel, oneOf(CHANNELS), 'import.channel_unknown'),
    'in_person',
  );
  const notes = reader.text('notes', IMPORT_TEXT_LIMITS.notes);
  if (
    date === undefined ||
    time === null ||
    topicIds === undefined ||
    referralSource === undefined ||
    channel === undefined ||
    notes === undefined ||
    anonymous === undefined
  ) {
    return undefined;
  }
  return { date, time, topicIds, referralSource, channel, notes, anonymous };
}

function readCase(reader: RowReader): ParsedCase | undefined {
  const openedOn = reader.requiredDate('openedOn');
  const closedOn = reader.date('closedOn');
  const referralSource = readReferral(reader);
  const summary = reader.text('caseSummary', IMPORT_TEXT_LIMITS.caseSummary);
  if (openedOn && closedOn && closedOn < openedOn) {
    reader.reject('closedOn', 'import.closed_before_opened', { openedOn, closedOn });
    return undefined;
  }
  if (openedOn === undefined || closedOn === undefined || referralSource === undefined || summary === undefined) return undefined;
  return { openedOn, closedOn, referralSource, summary };
}

function readPermit(reader: RowReader): ParsedPermit | undefined {
  const type = reader.listValue<PermitType>('permitType', readPermitType, oneOf(PERMIT_TYPES), 'import.permit_type_unknown');
  if ('empty' in type) reader.reject('permitType', 'import.value_missing');
  const number = reader.text('permitNumber', IMPORT_TEXT_LIMITS.permitNumber);
  const issuedOn = reader.date('issuedOn');
  const expiresOn = reader.date('expiresOn', { future: true });
  if (issuedOn === null && expiresOn === null) reader.reject(reader.has('expiresOn') ? 'expiresOn' : 'issuedOn', 'import.value_missing');
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    reader.reject('expiresOn', 'import.expiry_before_issue', { issuedOn, expiresOn });
    return undefined;
  }
  if (
    !('value' in type) ||
    number === undefined ||
    issuedOn === undefined ||
    expiresOn === undefined ||
    (issuedOn === null && expiresOn === null)
  ) {
    return undefined;
  }
  return { permitType: type.value, number, issuedOn, expiresOn };
}

/** The course a cell names: by its title, folded; of two courses of one title, the one starting nearest the enrolment. */
function findCourse(value: string, lookups: ImportLookups, enrolledOn: string | null | undefined): number | undefined {
  const folded = foldText(value);
  const candidates = lookups.courses.filter((course) => foldText(course.title) === folded);
  if (candidates.length <= 1) return candidates[0]?.id;
  if (!enrolledOn) return undefined;
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(enrolledOn));
  return [...candidates].sort((a, b) => distance(a.startDate) - distance(b.startDate) || a.id - b.id)[0]?.id;
}

function readEnrolment(reader: RowReader, lookups: ImportLookups): ParsedEnrolment | undefined {
  const enrolledOn = reader.requiredDate('enrolledOn');
  const withdrawnOn = reader.date('withdrawnOn');
  const course = reader.listValue<number>(
    'course',
    (value) => findCourse(value, lookups, enrolledOn),
    (stored) => lookups.courses.find((c) => String(c.id) === stored.trim())?.id,
    'import.course_unknown',
  );
  if ('empty' in course) reader.reject('course', 'import.value_missing');
  const programme = resolvedOr<EnrolmentProgramme>(
    reader.listValue<EnrolmentProgramme>('programme', readProgramme, oneOf(ENROLMENT_PROGRAMMES), 'import.programme_unknown'),
    'centre_user',
  );
  if (enrolledOn && withdrawnOn && withdrawnOn < enrolledOn) {
    reader.reject('withdrawnOn', 'import.withdrawn_before_enrolled', { enrolledOn, withdrawnOn });
    return undefined;
  }
  if (enrolledOn === undefined || withdrawnOn === undefined || !('value' in course) || programme === undefined) return undefined;
  return { courseId: course.value, programme, enrolledOn, withdrawnOn };
}

// ---------------------------------------------------------------------------------------------
// The row
// ---------------------------------------------------------------------------------------------

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
  const rejects = dedupe(reader.rejects);
  if (rejects.length > 0 || person === undefined) {
    return { ok: false, rowNumber, rejects, unmatched: reader.unmatched };
  }
  return { ok: true, row: { rowNumber, kind, ...values, fingerprint: rowFingerprint(kind, values) } };
}
