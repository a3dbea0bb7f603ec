/**
 * Which fields each register carries, which it needs, and the column headers people actually
 * write for them, in Italian and English. A header is compared folded (case, accents,
 * punctuation, spaces, a bracketed hint such as "(gg/mm/aaaa)" and small words such as "di"
 * ignored), so "Data d'accesso", "DATA ACCESSO" and "data di accesso (gg/mm/aaaa)" are one.
 */
import { type ImportFieldKey, type ImportKind, PERSON_FIELD_KEYS } from './fields.js';

/** Column index (as a string) → the field it holds, or null when ignored (read/types.ts ColumnMapping). */
export type ColumnFields = Record<string, ImportFieldKey | null>;

/** The fields each kind of register accepts, the person's first. */
export const KIND_FIELDS: Readonly<Record<ImportKind, readonly ImportFieldKey[]>> = {
  people: PERSON_FIELD_KEYS,
  visits: [...PERSON_FIELD_KEYS, 'visitDate', 'visitTime', 'topics', 'referralSource', 'channel', 'notes'],
  cases: [...PERSON_FIELD_KEYS, 'openedOn', 'closedOn', 'referralSource', 'caseSummary'],
  permits: [...PERSON_FIELD_KEYS, 'permitType', 'permitNumber', 'issuedOn', 'expiresOn'],
  enrolments: [...PERSON_FIELD_KEYS, 'course', 'programme', 'enrolledOn', 'withdrawnOn'],
};

/**
 * What a register needs: each requirement is met by any one of its alternatives, an
 * alternative being a set of fields all mapped. `[['familyNames', 'givenNames'], ['fullName']]`
 * reads "a surname and a name column, or one 'Cognome e nome' column".
 */
export type Requirement = readonly (readonly ImportFieldKey[])[];

const NAMES: readonly (readonly ImportFieldKey[])[] = [['familyNames', 'givenNames'], ['fullName']];

export const KIND_REQUIREMENTS: Readonly<Record<ImportKind, readonly Requirement[]>> = {
  people: [NAMES, [['gender']], [['citizenship']]],
  // A visits register without names records anonymous visits: gender and citizenship are enough.
  visits: [[['visitDate']], [['topics']], [...NAMES, ['gender', 'citizenship']]],
  cases: [NAMES, [['openedOn']]],
  permits: [NAMES, [['permitType']], [['expiresOn'], ['issuedOn']]],
  enrolments: [NAMES, [['course']], [['enrolledOn']]],
};

/** The requirements the mapping leaves unmet (none: the register can be read). */
export function missingRequired(kind: ImportKind, mapping: ColumnFields): Requirement[] {
  const mapped = new Set(Object.values(mapping).filter((field): field is ImportFieldKey => field !== null));
  return KIND_REQUIREMENTS[kind].filter((requirement) => !requirement.some((fields) => fields.every((field) => mapped.has(field))));
}

/** Whether a kind accepts a field. */
export function acceptsField(kind: ImportKind, field: ImportFieldKey): boolean {
  return KIND_FIELDS[kind].includes(field);
}

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

/** Words a header may carry or leave out without changing what it names. */
const FILLER_WORDS = new Set(['di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'd', 'of', 'the', 'a', 'la', 'il', 'lo', 'le', 'l']);

/** Folds a text for comparison: accents, case, punctuation and spacing removed ("Nazionalità " → "nazionalita"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A header folded for recognition: a bracketed hint and small words dropped as well. */
export function foldHeader(header: string): string {
  const withoutHint = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const words = foldText(withoutHint)
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  // "Data di accesso (gg/mm/aaaa)" has a hint; "(M/F)" alone is no header at all.
  return words.length > 0 ? words.join(' ') : foldText(header);
}

/** The headers people write for each field, in any kind of register. */
const HEADERS: Readonly<Partial<Record<ImportFieldKey, readonly string[]>>> = {
  familyNames: ['Cognome', 'Cognomi', 'Surname', 'Family name', 'Family names', 'Last name', 'Lastname'],
  givenNames: ['Nome', 'Nomi', 'Name', 'First name', 'Firstname', 'Given name', 'Given names', 'Forename'],
  fullName: [
    'Cognome e nome',
    'Cognome nome',
    'Cognome/Nome',
    'Nominativo',
    'Nome e cognome',
    'Nome cognome',
    'Full name',
    'Utente',
    'Beneficiario',
    'Surname and name',
    'Name and surname',
  ],
  gender: ['Sesso', 'Genere', 'Gender', 'Sex', 'M/F', 'Sesso M/F'],
  birthDate: [
    'Data di nascita',
    'Data nascita',
    'Nato il',
    'Nata il',
    'Nato/a il',
    'Nascita',
    'Date of birth',
    'Birth date',
    'Birthdate',
    'DOB',
  ],
  citizenship: [
    'Nazionalità',
    'Nazionalita',
    'Cittadinanza',
    'Paese di provenienza',
    'Provenienza',
    'Paese provenienza',
    'Nazione',
    'Stato di provenienza',
    'Nationality',
    'Citizenship',
    'Country of origin',
    'Origin',
  ],
  birthCountry: [
    'Paese di nascita',
    'Stato di nascita',
    'Nazione di nascita',
    'Luogo di nascita',
    'Country of birth',
    'Birth country',
    'Place of birth',
  ],
  fiscalCode: ['Codice fiscale', 'Cod. fiscale', 'Cod fisc', 'CF', 'C.F.', 'Fiscal code', 'Tax code'],
  residence: [
    'Comune di residenza',
    'Residenza',
    'Comune',
    'Residente a',
    'Domicilio',
    'Comune di domicilio',
    'Residence',
    'Place of residence',
    'Municipality',
  ],
  phone: ['Telefono', 'Cellulare', 'Tel', 'Tel.', 'Cell', 'Recapito telefonico', 'Numero di telefono', 'Phone', 'Telephone', 'Mobile'],
  email: ['Email', 'E-mail', 'Mail', 'Indirizzo email', 'Posta elettronica', 'Email address'],
  visitDate: [
    'Data accesso',
    "Data d'accesso",
    'Data di accesso',
    'Data visita',
    'Data colloquio',
    'Data passaggio',
    'Visit date',
    'Date of visit',
  ],
  visitTime: ['Ora', 'Orario', 'Ora accesso', "Ora d'accesso", 'Ora di accesso', 'Time', 'Visit time'],
  topics: [
    'Tipologia richiesta',
    'Tipologia di richiesta',
    'Tipo di richiesta',
    'Tipo richiesta',
    'Tipologia richieste',
    'Richiesta',
    'Richieste',
    'Motivo',
    'Motivo accesso',
    "Motivo dell'accesso",
    'Bisogno',
    'Servizio richiesto',
    'Request',
    'Request type',
    'Topic',
    'Topics',
    'Reason',
  ],
  referralSource: [
    'Inviato da',
    'Inviata da',
    'Invio',
    'Inviante',
    'Segnalato da',
    'Segnalazione',
    'Ente inviante',
    'Referral',
    'Referred by',
    'Referral source',
  ],
  channel: ['Canale', 'Modalità', 'Modalità di accesso', 'Modalità contatto', 'Channel', 'Contact channel'],
  notes: ['Note', 'Annotazioni', 'Osservazioni', 'Notes', 'Comments', 'Commenti'],
  openedOn: [
    'Data presa in carico',
    'Data di presa in carico',
    'Presa in carico',
    'Data apertura',
    'Apertura',
    'Data inizio',
    'Opened on',
    'Opening date',
    'Start date',
  ],
  closedOn: ['Data chiusura', 'Chiusura', 'Data fine', 'Data conclusione', 'Closed on', 'Closing date', 'End date'],
  caseSummary: ['Sintesi', 'Sintesi della situazione', 'Situazione', 'Descrizione', 'Summary', 'Case summary'],
  permitType: [
    'Tipo permesso',
    'Tipo di permesso',
    'Tipologia permesso',
    'Permesso di soggiorno',
    'Permesso',
    'Motivo del permesso',
    'Motivo permesso',
    'Titolo di soggiorno',
    'Tipo titolo di soggiorno',
    'Permit type',
    'Residence permit',
  ],
  permitNumber: [
    'Numero permesso',
    'N. permesso',
    'Nr permesso',
    'Numero del permesso',
    'Numero titolo',
    'Numero documento',
    'Permit number',
  ],
  issuedOn: ['Data rilascio', 'Data di rilascio', 'Rilascio', 'Rilasciato il', 'Issued on', 'Issue date', 'Date of issue'],
  expiresOn: [
    'Scadenza',
    'Data scadenza',
    'Data di scadenza',
    'Scade il',
    'Valido fino al',
    'Expires on',
    'Expiry',
    'Expiry date',
    'Expiration date',
  ],
  course: ['Corso', 'Nome corso', 'Titolo corso', 'Course', 'Course title'],
  programme: ['Programma', 'Progetto', 'Provenienza utente', 'Programme', 'Program', 'Project'],
  enrolledOn: ['Data iscrizione', 'Data di iscrizione', 'Iscrizione', 'Iscritto il', 'Enrolled on', 'Enrolment date', 'Enrollment date'],
  withdrawnOn: ['Data ritiro', 'Data di ritiro', 'Ritiro', 'Ritirato il', 'Withdrawn on', 'Withdrawal date'],
};

/** A bare "Data"/"Date"/"Note" names the kind's own date or text. */
const KIND_HEADERS: Readonly<Record<ImportKind, Partial<Record<ImportFieldKey, readonly string[]>>>> = {
  people: {},
  visits: { visitDate: ['Data', 'Date', 'Giorno', 'Day'] },
  cases: { openedOn: ['Data', 'Date'], caseSummary: ['Note', 'Annotazioni', 'Notes'], referralSource: ['Provenienza segnalazione'] },
  permits: { permitNumber: ['Numero', 'Number', 'N.'] },
  enrolments: { enrolledOn: ['Data', 'Date'] },
};

function headerIndex(kind: ImportKind): Map<string, ImportFieldKey> {
  const index = new Map<string, ImportFieldKey>();
  // The kind's own words first: for a case, "Note" is the case's summary.
  for (const [field, headers] of Object.entries(KIND_HEADERS[kind]) as Array<[ImportFieldKey, readonly string[]]>) {
    for (const header of headers) index.set(foldHeader(header), field);
  }
  for (const field of KIND_FIELDS[kind]) {
    for (const header of HEADERS[field] ?? []) {
      const key = foldHeader(header);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

const HEADER_INDEX = new Map<ImportKind, Map<string, ImportFieldKey>>();

/** The field a header names in a kind of register, or null. */
export function fieldOfHeader(kind: ImportKind, header: string): ImportFieldKey | null {
  let index = HEADER_INDEX.get(kind);
  if (!index) {
    index = headerIndex(kind);
    HEADER_INDEX.set(kind, index);
  }
  const folded = foldHeader(header);
  return folded === '' ? null : (index.get(folded) ?? null);
}

/** Each column's field as recognised from its header: each field at most once (the first column naming it), unknown headers null. */
export function recogniseColumns(kind: ImportKind, headers: readonly string[]): ColumnFields {
  const taken = new Set<ImportFieldKey>();
  const mapping: ColumnFields = {};
  headers.forEach((header, column) => {
    const field = fieldOfHeader(kind, header);
    if (field !== null && !taken.has(field)) {
      taken.add(field);
      mapping[String(column)] = field;
    } else {
      mapping[String(column)] = null;
    }
  });
  // Separate surname and name columns win over a "Cognome e nome" one.
  if (taken.has('familyNames') && taken.has('givenNames') && taken.has('fullName')) {
    for (const [column, field] of Object.entries(mapping)) if (field === 'fullName') mapping[column] = null;
  }
  return mapping;
}

/** The longest header key stored as written: a unique index on PostgreSQL takes at most ~2,700 bytes. */
const HEADER_KEY_MAX = 400;

/**
 * The file's shape: its headers folded, in order. Files of the same shape share a saved mapping.
 * A long one (many or long headers) is cut, with a hash of the whole after the cut.
 */
export function headerKey(headers: readonly string[]): string {
  const key = headers.map((header) => foldText(header)).join('|');
  return key.length <= HEADER_KEY_MAX ? key : `${key.slice(0, HEADER_KEY_MAX - 18)}#${fnv1a64(key)}`;
}

/** FNV-1a, 64 bits, as 16 hex digits: a pure hash, enough to tell two long header rows apart. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Whether a "Cognome e nome" column writes the given names first ("Nome e cognome", "Name and surname"). */
export function givenNamesFirst(header: string): boolean {
  const words = foldHeader(header).split(' ');
  const given = words.findIndex((word) => word === 'nome' || word === 'name' || word === 'first');
  const family = words.findIndex((word) => word === 'cognome' || word === 'surname' || word === 'last');
  return given !== -1 && family !== -1 && given < family;
}
