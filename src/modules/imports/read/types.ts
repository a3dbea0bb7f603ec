/**
 * What reading a register gives the import: the file's shape, its rows as text, and each row
 * read into the records it describes (or the reasons it is rejected). The reading
 * (files and values) is in read/; the writing, matching and jobs are in the module's use cases.
 */

import type { Channel, EnrolmentProgramme, Gender, PermitType, ReferralSource, ResidenceKind } from '../../../contracts/enums.js';
import type { MessageCode, MessageParams } from '../../../contracts/messages/index.js';
import type { ImportFieldKey, ImportKind } from '../../../domain/imports/fields.js';

/** The file as inspected before any row is read. */
export interface SheetInfo {
  format: 'xlsx' | 'csv';
  /** A CSV's encoding as detected (utf-8 or windows-1252) and its delimiter (',' or ';'). */
  encoding: string | null;
  delimiter: string | null;
  /** The header row as written (trimmed), one entry per column. */
  headers: string[];
}

/** A data row: its number as a spreadsheet shows it (the header is row 1), its cells as text (null when empty). */
export interface SheetRow {
  rowNumber: number;
  cells: Array<string | null>;
}

/** Column index (as a string) → the field it holds, or null when ignored. */
export type ColumnMapping = Record<string, ImportFieldKey | null>;

/** Field → { value as written → the value to store, or null to reject its rows }. */
export type ValueMappings = Partial<Record<ImportFieldKey, Record<string, string | null>>>;

/** The centre's catalogues and courses that values are matched against. */
export interface ImportLookups {
  topics: ReadonlyArray<{ id: number; code: string; labelIt: string; labelEn: string }>;
  courses: ReadonlyArray<{ id: number; title: string; startDate: string }>;
}

export interface ParsedPerson {
  familyNames: string;
  givenNames: string;
  gender: Gender;
  birthDate: string | null;
  citizenship: string;
  birthCountry: string | null;
  fiscalCode: string | null;
  residence: { kind: ResidenceKind; comuneIstat: string | null };
  phone: string | null;
  email: string | null;
}

export interface ParsedVisit {
  /** Rome date and time (time defaults to noon when the register has none). */
  date: string;
  time: string;
  topicIds: number[];
  referralSource: ReferralSource;
  channel: Channel;
  notes: string | null;
  /** Without a person: the visitor's gender and citizenship (age band unknown unless a birth date was given). */
  anonymous: { gender: Gender; citizenship: string; birthDate: string | null } | null;
}

export interface ParsedCase {
  openedOn: string;
  closedOn: string | null;
  referralSource: ReferralSource;
  summary: string | null;
}

export interface ParsedPermit {
  permitType: PermitType;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface ParsedEnrolment {
  courseId: number;
  programme: EnrolmentProgramme;
  enrolledOn: string;
  withdrawnOn: string | null;
}

/** A row read into what it describes: the person (null for an anonymous visit) and the kind's record. */
export interface ParsedRow {
  rowNumber: number;
  kind: ImportKind;
  person: ParsedPerson | null;
  visit?: ParsedVisit;
  case?: ParsedCase;
  permit?: ParsedPermit;
  enrolment?: ParsedEnrolment;
  /** The row's values as stored, hashed: the same row in a later file is found by it. */
  fingerprint: string;
}

/** Why a row is refused: the column (its header) and a message code of contracts/messages/imports.ts. */
export interface RowReject {
  column: string | null;
  code: MessageCode;
  params?: MessageParams;
}

/** A value that matched nothing (and has no mapping yet): listed once with its count. */
export interface UnmatchedValue {
  field: ImportFieldKey;
  value: string;
}

export type RowOutcome = { ok: true; row: ParsedRow } | { ok: false; rowNumber: number; rejects: RowReject[]; unmatched: UnmatchedValue[] };
