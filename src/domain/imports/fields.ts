/**
 * The registers a centre can import and the fields each can carry. Every register names a
 * person with the person's fields (a visits register without names records anonymous visits:
 * gender and citizenship are enough); each kind adds its own. The headers people write for each
 * field, and how a value is read, are in the rest of domain/imports/.
 */
export const IMPORT_KINDS = ['people', 'visits', 'cases', 'permits', 'enrolments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The person's fields, which every register carries (read/row-person.ts reads them). */
export const PERSON_FIELD_KEYS = [
  'familyNames',
  'givenNames',
  /** "Cognome e nome" in one column: the first word(s) the family name, as Italian registers write it. */
  'fullName',
  'gender',
  'birthDate',
  'citizenship',
  'birthCountry',
  'fiscalCode',
  'residence',
  'phone',
  'email',
] as const;

/** Every field of every register, in the order a mapping lists them. */
export const IMPORT_FIELD_KEYS = [
  ...PERSON_FIELD_KEYS,
  // a visit
  'visitDate',
  'visitTime',
  'topics',
  'referralSource',
  'channel',
  'notes',
  // a case
  'openedOn',
  'closedOn',
  'caseSummary',
  // a residence permit
  'permitType',
  'permitNumber',
  'issuedOn',
  'expiresOn',
  // a course enrolment
  'course',
  'programme',
  'enrolledOn',
  'withdrawnOn',
] as const;
export type ImportFieldKey = (typeof IMPORT_FIELD_KEYS)[number];
