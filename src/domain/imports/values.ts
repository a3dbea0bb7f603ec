/**
 * Values read as people write them in their registers: dates in Italian, ISO or as Excel
 * serials, times, gender, channel, who sent the person, the course programme, the kind of
 * permit, "senza fissa dimora", names in one "Cognome e nome" column, topics several to a
 * cell. Each reader answers the stored value, or null when the text matches nothing (the
 * import lists it as unmatched, or rejects the row). Countries and comuni are in
 * reference/match.ts.
 */
import { foldText } from './columns.js';

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string | null {
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** A two-digit year as Excel reads it: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** The largest serial Excel shows as a date (9999-12-31). */
const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * An Excel date serial (1900 system) as an ISO date. Excel counts 1900 as a leap year (Lotus's
 * bug): serial 60 is the 29 February 1900 that never was, and is refused; serials after it are
 * one day ahead of a plain count.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  if (days < 1 || days > MAX_EXCEL_SERIAL || days === 60) return null;
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

const ITALIAN_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED_ISO = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:[.,]\d+)?$/;
const WORDED_DATE = /^(\d{1,2})(?:\s*[-/.\s]\s*)(\p{L}+)\.?(?:\s*[-/.\s]\s*)(\d{4}|\d{2})$/u;

/** Month names and their abbreviations, Italian and English ("5 marzo 2024", "05-mar-24", "5 Mar 2024"). */
const MONTHS = new Map<string, number>(
  [
    ['gennaio', 'gen', 'january', 'jan'],
    ['febbraio', 'feb', 'february'],
    ['marzo', 'mar', 'march'],
    ['aprile', 'apr', 'april'],
    ['maggio', 'mag', 'may'],
    ['giugno', 'giu', 'june', 'jun'],
    ['luglio', 'lug', 'july', 'jul'],
    ['agosto', 'ago', 'august', 'aug'],
    ['settembre', 'set', 'sett', 'september', 'sep', 'sept'],
    ['ottobre', 'ott', 'october', 'oct'],
    ['novembre', 'nov', 'november'],
    ['dicembre', 'dic', 'december', 'dec'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as [string, number])),
);

/**
 * A date as written (dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd with or without a
 * time, yyyymmdd, an Excel serial, "5 marzo 2024") as an ISO date; null when it is no date or an impossible one
 * (31/02/2023). A time after an Italian date ("05/03/2024 10:30") is ignored here (readTime reads it).
 */
export function readDate(value: string): string | null {
  const text = value.trim().replace(/\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$/, '');
  let match = ITALIAN_DATE.exec(text);
  if (match) return isoOf(fullYear(match[4] as string), Number(match[3]), Number(match[1]));
  match = ISO_DATE.exec(text) ?? SLASHED_ISO.exec(text) ?? COMPACT_DATE.exec(text);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (SERIAL.test(text)) return excelSerialToIso(Number(text.replace(',', '.')));
  match = WORDED_DATE.exec(text);
  const month = match ? MONTHS.get((match[2] as string).toLowerCase()) : undefined;
  if (match && month !== undefined) return isoOf(fullYear(match[3] as string), month, Number(match[1]));
  return null;
}

/**
 * A time as written (10:30, 9.05, 10:30:15, the time of an ISO date-time or of "05/03/2024 10:30",
 * an Excel day fraction such as 0.4375) as "HH:MM"; null when it is none.
 */
export function readTime(value: string): string | null {
  const text = value.trim();
  const clock = /(?:^|[T ])(\d{1,2})[:.](\d{2})(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (clock) {
    const hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;
  }
  if (/^0?[.,]\d+$/.test(text)) {
    const minutes = Math.round(Number(text.replace(',', '.')) * 24 * 60);
    return minutes < 24 * 60 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Value lists
// ---------------------------------------------------------------------------------------------

/** A reader of one value list: the folded words (whole cell) that name each value. */
function wordsReader<V extends string>(words: Readonly<Record<V, readonly string[]>>): (value: string) => V | null {
  const index = new Map<string, V>();
  for (const [stored, written] of Object.entries(words) as Array<[V, readonly string[]]>) {
    for (const word of written) index.set(foldText(word), stored);
  }
  return (value) => index.get(foldText(value)) ?? null;
}

export type ImportGender = 'female' | 'male' | 'other' | 'not_stated';

export const readGender = wordsReader<ImportGender>({
  male: ['M', 'Maschio', 'Maschile', 'Uomo', 'Masc', 'Male', 'Man', 'U'],
  female: ['F', 'Femmina', 'Femminile', 'Donna', 'Fem', 'Female', 'Woman', 'D'],
  other: ['Altro', 'Altra identità', 'Another identity', 'Other', 'Non binario', 'Non-binary', 'X'],
  not_stated: ['Non dichiarato', 'Non specificato', 'ND', 'N.D.', 'Not stated', 'Prefer not to say'],
});

export type ImportChannel = 'in_person' | 'phone' | 'email' | 'messaging';

export const readChannel = wordsReader<ImportChannel>({
  in_person: [
    'Di persona',
    'Sportello',
    'Allo sportello',
    'Presenza',
    'In presenza',
    'Persona',
    'Diretto',
    'Accesso diretto',
    'In person',
    'Desk',
  ],
  phone: ['Telefono', 'Telefonico', 'Telefonata', 'Tel', 'Tel.', 'Cellulare', 'Phone', 'Telephone', 'Phone call'],
  email: ['Email', 'E-mail', 'Mail', 'Posta elettronica', 'PEC'],
  messaging: ['WhatsApp', 'Whats app', 'Messaggio', 'Messaggi', 'Messaggistica', 'SMS', 'Telegram', 'Chat', 'Messaging', 'Message'],
});

export type ImportReferralSource = 'spontaneous' | 'municipal_service' | 'asp' | 'sai' | 'other_body';

export const readReferralSource = wordsReader<ImportReferralSource>({
  spontaneous: [
    'Spontaneo',
    'Spontanea',
    'Accesso spontaneo',
    'Spontaneamente',
    'Autonomo',
    'Autonomamente',
    'Da solo',
    'Da sola',
    'Passaparola',
    'Nessuno',
    'Spontaneous',
    'Self-referred',
    'Self',
  ],
  municipal_service: [
    'Servizi sociali',
    'Servizio sociale',
    'Servizi sociali comunali',
    'Assistente sociale',
    'Comune',
    'Servizio comunale',
    'Ufficio comunale',
    'Ambito sociale',
    'ATS',
    'Municipal service',
    'Social services',
    'Municipality',
  ],
  asp: ['ASP', 'ASL', 'AST', 'ASUR', 'Azienda sanitaria', 'Servizio sanitario', 'Consultorio', 'SerD', 'CSM', 'Health services'],
  sai: ['SAI', 'Progetto SAI', 'SPRAR', 'SIPROIMI', 'CAS', 'Accoglienza', 'SAI project'],
  other_body: [
    'Altro ente',
    'Altri enti',
    'Ente',
    'Associazione',
    'Altra associazione',
    'Caritas',
    'Parrocchia',
    'Sindacato',
    'Patronato',
    'Scuola',
    'Centro per l’impiego',
    "Centro per l'impiego",
    'CPI',
    'Questura',
    'Prefettura',
    'Altro',
    'Other body',
    'Other',
    'Association',
  ],
});

export type ImportProgramme = 'sai' | 'centre_user' | 'other';

export const readProgramme = wordsReader<ImportProgramme>({
  sai: ['SAI', 'Beneficiario SAI', 'Progetto SAI', 'SPRAR', 'SIPROIMI', 'SAI beneficiary'],
  centre_user: ['Utente del centro', 'Utente', 'Utenti del centro', 'Centro', 'Centro servizi', 'CSI', 'Centre user', 'Center user'],
  other: ['Altro', 'Altri', 'Esterno', 'Other'],
});

export type ImportPermitType =
  | 'employment'
  | 'self_employment'
  | 'family'
  | 'asylum'
  | 'subsidiary_protection'
  | 'special_protection'
  | 'special_cases'
  | 'study'
  | 'job_seeking'
  | 'eu_long_term'
  | 'medical_treatment'
  | 'minor'
  | 'asylum_request'
  | 'other';

/**
 * The kind of permesso di soggiorno by the words of its reason, in the order they are tried:
 * the more specific first ("richiesta asilo" before "asilo", "lavoro autonomo" before "lavoro").
 * Each entry: the folded words that must all appear in the cell.
 */
const PERMIT_WORDS: ReadonlyArray<[ImportPermitType, readonly string[][]]> = [
  [
    'eu_long_term',
    [['lungo', 'periodo'], ['lungo', 'soggiornant'], ['carta', 'soggiorno'], ['slp'], ['long', 'term'], ['ce', 'lungo'], ['illimitato']],
  ],
  [
    'asylum_request',
    [['richiesta', 'asilo'], ['richiedente'], ['richiesta', 'protezione'], ['asylum', 'request'], ['asylum', 'seeker'], ['applicant']],
  ],
  ['subsidiary_protection', [['sussidiaria'], ['subsidiary']]],
  [
    'special_protection',
    [
      ['protezione', 'speciale'],
      ['special', 'protection'],
    ],
  ],
  ['special_cases', [['casi', 'speciali'], ['caso', 'speciale'], ['umanitari'], ['special', 'cases'], ['humanitarian']]],
  ['asylum', [['asilo'], ['rifugiat'], ['asylum'], ['refugee']]],
  ['self_employment', [['autonomo'], ['self', 'employ']]],
  [
    'job_seeking',
    [
      ['attesa', 'occupazione'],
      ['ricerca', 'lavoro'],
      ['attesa', 'lavoro'],
      ['awaiting', 'employment'],
      ['job', 'seeking'],
    ],
  ],
  ['employment', [['subordinato'], ['lavoro'], ['employment'], ['stagional']]],
  ['family', [['famil'], ['famig'], ['coesione'], ['ricongiungimento']]],
  ['study', [['studio'], ['studente'], ['study'], ['student']]],
  ['medical_treatment', [['cure', 'mediche'], ['cure'], ['medic'], ['gravidanza']]],
  ['minor', [['minore'], ['minor']]],
  ['other', [['altro'], ['other']]],
];

/** The kind of permit from its Italian (or English) wording, or null. */
export function readPermitType(value: string): ImportPermitType | null {
  const words = foldText(value).split(' ');
  const has = (stem: string): boolean => words.some((word) => word.startsWith(stem));
  for (const [type, alternatives] of PERMIT_WORDS) {
    if (alternatives.some((stems) => stems.every(has))) return type;
  }
  return null;
}

const NO_FIXED_ABODE = new Set(
  ['Senza fissa dimora', 'SFD', 'S.F.D.', 'Senza dimora', 'Senza residenza', 'Senza tetto', 'Senzatetto', 'No fixed abode', 'Homeless'].map(
    foldText,
  ),
);

/** Whether a residence cell says the person has no fixed abode. */
export function isNoFixedAbode(value: string): boolean {
  return NO_FIXED_ABODE.has(foldText(value));
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const hasLetters = (word: string): boolean => /\p{L}/u.test(word);
const isAllCaps = (word: string): boolean =>
  hasLetters(word) && word === word.toLocaleUpperCase('it') && word !== word.toLocaleLowerCase('it');

/**
 * A name written all in capitals (or all in small letters) with an initial capital to each
 * part: "ROSSI" → "Rossi", "D'ANGELO" → "D'Angelo", "ANNA-MARIA" → "Anna-Maria". A name
 * written in mixed case is left as written; spaces are tidied.
 */
export function tidyName(value: string): string {
  const text = value.trim().replace(/\s+/g, ' ');
  const letters = text.replace(/[^\p{L}]/gu, '');
  const uniform = letters === letters.toLocaleUpperCase('it') || letters === letters.toLocaleLowerCase('it');
  if (!uniform) return text;
  return text
    .toLocaleLowerCase('it')
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('it'));
}

/** Small words that begin a family name made of more than one word ("De Luca", "El Amrani", "Van der Berg"). */
const PARTICLES = new Set([
  'de',
  'di',
  'del',
  'della',
  'da',
  'dal',
  'dalla',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'lo',
  'el',
  'al',
  'dos',
  'das',
  'du',
  'ben',
  'bin',
  'abu',
  'ould',
  'mc',
  'mac',
  'st',
  'san',
  'santa',
]);

/**
 * A "Cognome e nome" cell split in two. Words written in capitals among others that are not are
 * the family name, wherever they stand ("ROSSI Mario", "Mario ROSSI", "DE LUCA Anna Maria").
 * Otherwise the first word (with the particles before it: "De Luca Mario") is the family name,
 * or the last when the column writes the given names first ("Nome e cognome"). Null for one word.
 */
export function splitFullName(value: string, givenFirst = false): { familyNames: string; givenNames: string } | null {
  const words = value
    .trim()
    .replace(/\s*,\s*/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length < 2) return null;
  const caps = words.map((word) => isAllCaps(word) && word.replace(/[^\p{L}]/gu, '').length > 1);
  const capsCount = caps.filter(Boolean).length;
  if (capsCount > 0 && capsCount < words.length) {
    const family = words.filter((_, i) => caps[i]);
    const given = words.filter((_, i) => !caps[i]);
    return { familyNames: tidyName(family.join(' ')), givenNames: tidyName(given.join(' ')) };
  }
  // "Rossi, Mario" writes the family name before the comma.
  const comma = value.indexOf(',');
  if (comma > 0) {
    const family = value.slice(0, comma).trim();
    const given = value.slice(comma + 1).trim();
    if (family !== '' && given !== '') return { familyNames: tidyName(family), givenNames: tidyName(given) };
  }
  if (givenFirst) {
    let start = words.length - 1;
    while (start > 1 && PARTICLES.has(foldText(words[start - 1] as string))) start -= 1;
    return { familyNames: tidyName(words.slice(start).join(' ')), givenNames: tidyName(words.slice(0, start).join(' ')) };
  }
  let end = 1;
  while (end < words.length - 1 && PARTICLES.has(foldText(words[end - 1] as string))) end += 1;
  return { familyNames: tidyName(words.slice(0, end).join(' ')), givenNames: tidyName(words.slice(end).join(' ')) };
}

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------

/** The topics of a cell: several separated by , ; / + or a new line, each trimmed. */
export function splitTopics(value: string): string[] {
  return value
    .split(/[,;/+\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The entry a written value names, by its code or its Italian or English label, folded; null when none. */
export function matchByLabel<T extends { code: string; labelIt: string; labelEn: string }>(value: string, entries: readonly T[]): T | null {
  const folded = foldText(value);
  if (folded === '') return null;
  return (
    entries.find((entry) => foldText(entry.code) === folded || foldText(entry.labelIt) === folded || foldText(entry.labelEn) === folded) ??
    null
  );
}

// ---------------------------------------------------------------------------------------------
// The row's fingerprint
// ---------------------------------------------------------------------------------------------

/**
 * The text a row's fingerprint is the hash of: the kind and the values as stored, with the
 * object keys sorted, so that the same row read from another file (other column order, other
 * spelling of the same value) gives the same text.
 */
export function fingerprintText(kind: string, values: unknown): string {
  return `${kind}:${stableJson(values)}`;
}

function stableJson(value: unknown): string {
  // Written with plain loops: it runs once per row of a 100,000-row register.
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + stableJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${stableJson(item)}`;
  }
  return `${out}}`;
}
