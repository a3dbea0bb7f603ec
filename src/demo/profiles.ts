/**
 * What the synthetic population looks like: citizenships with their share, names and
 * languages; where people live; when the desk is open; what they ask. Proportions follow the
 * Jesi 2024 report (371 visits, ~13 % Italians, few EU citizens, mostly non-EU: Morocco,
 * Nigeria, Pakistan, Bangladesh, Tunisia, Senegal, Albania, Ukraine ...; 3/4 living in the
 * host comune, the rest in nearby comuni of the province of Ancona, a few without a fixed abode).
 */
import type { AgeBand, Channel, ReferralSource } from '../contracts/enums.js';
import type { NamePoolName } from './names.js';

export interface Nationality {
  /** Citizenship: ISO 3166-1 alpha-2 (or XK / XS / XU), as in src/reference. */
  readonly code: string;
  /** Relative share of the people. */
  readonly weight: number;
  readonly pool: NamePoolName;
  /** Share of women. */
  readonly female: number;
  readonly languages: readonly string[];
  /** Typical of asylum seekers and refugees: SAI referrals, provisional tax numbers. */
  readonly protection?: boolean;
}

export const NATIONALITIES: readonly Nationality[] = [
  { code: 'IT', weight: 13, pool: 'italian', female: 0.58, languages: ['it'] },
  { code: 'MA', weight: 13, pool: 'moroccan', female: 0.45, languages: ['ar', 'fr'] },
  { code: 'NG', weight: 9, pool: 'nigerian', female: 0.5, languages: ['en'], protection: true },
  { code: 'PK', weight: 8, pool: 'pakistani', female: 0.14, languages: ['ur', 'pa', 'en'], protection: true },
  { code: 'BD', weight: 7, pool: 'bangladeshi', female: 0.15, languages: ['bn'], protection: true },
  { code: 'TN', weight: 6, pool: 'tunisianAlgerian', female: 0.32, languages: ['ar', 'fr'] },
  { code: 'SN', weight: 5, pool: 'senegambian', female: 0.22, languages: ['wo', 'fr'], protection: true },
  { code: 'AL', weight: 5, pool: 'albanian', female: 0.52, languages: ['sq'] },
  { code: 'UA', weight: 5, pool: 'ukrainian', female: 0.76, languages: ['uk', 'ru'], protection: true },
  { code: 'EG', weight: 2, pool: 'egyptian', female: 0.2, languages: ['ar'] },
  { code: 'IN', weight: 2, pool: 'punjabi', female: 0.38, languages: ['pa', 'hi'] },
  { code: 'GH', weight: 1.5, pool: 'westAfricanCoast', female: 0.38, languages: ['en'], protection: true },
  { code: 'CI', weight: 1.2, pool: 'westAfricanCoast', female: 0.35, languages: ['fr'], protection: true },
  { code: 'GM', weight: 1.2, pool: 'senegambian', female: 0.12, languages: ['en', 'wo'], protection: true },
  { code: 'ML', weight: 1, pool: 'senegambian', female: 0.1, languages: ['bm', 'fr'], protection: true },
  { code: 'GN', weight: 1, pool: 'senegambian', female: 0.15, languages: ['fr'], protection: true },
  { code: 'CM', weight: 0.8, pool: 'westAfricanCoast', female: 0.4, languages: ['fr', 'en'], protection: true },
  { code: 'DZ', weight: 1, pool: 'tunisianAlgerian', female: 0.35, languages: ['ar', 'fr'] },
  { code: 'CN', weight: 0.8, pool: 'chinese', female: 0.5, languages: ['zh'] },
  { code: 'PE', weight: 1, pool: 'hispanic', female: 0.62, languages: ['es'] },
  { code: 'BR', weight: 0.6, pool: 'brazilian', female: 0.6, languages: ['pt'] },
  { code: 'AR', weight: 0.5, pool: 'hispanic', female: 0.55, languages: ['es'] },
  { code: 'CU', weight: 0.4, pool: 'hispanic', female: 0.65, languages: ['es'] },
  { code: 'DO', weight: 0.6, pool: 'hispanic', female: 0.65, languages: ['es'] },
  { code: 'SV', weight: 0.4, pool: 'hispanic', female: 0.55, languages: ['es'], protection: true },
  { code: 'VE', weight: 0.5, pool: 'hispanic', female: 0.55, languages: ['es'], protection: true },
  { code: 'MD', weight: 1, pool: 'moldovanRomanian', female: 0.66, languages: ['ro', 'ru'] },
  { code: 'GE', weight: 0.5, pool: 'georgian', female: 0.62, languages: ['ka', 'ru'] },
  { code: 'BF', weight: 0.5, pool: 'westAfricanCoast', female: 0.2, languages: ['fr'], protection: true },
  { code: 'CD', weight: 0.6, pool: 'westAfricanCoast', female: 0.45, languages: ['fr', 'ln'], protection: true },
  { code: 'SL', weight: 0.4, pool: 'senegambian', female: 0.3, languages: ['en'], protection: true },
  { code: 'SO', weight: 0.4, pool: 'hornOfAfrica', female: 0.35, languages: ['so'], protection: true },
  { code: 'AF', weight: 1, pool: 'afghan', female: 0.2, languages: ['fa', 'ps'], protection: true },
  { code: 'XK', weight: 0.4, pool: 'albanian', female: 0.45, languages: ['sq'] },
  { code: 'MK', weight: 0.6, pool: 'albanian', female: 0.45, languages: ['sq', 'mk'] },
  { code: 'RO', weight: 1.2, pool: 'moldovanRomanian', female: 0.62, languages: ['ro'] },
  { code: 'PL', weight: 0.3, pool: 'polish', female: 0.65, languages: ['pl'] },
  { code: 'BG', weight: 0.3, pool: 'bulgarian', female: 0.6, languages: ['bg'] },
  { code: 'GB', weight: 0.2, pool: 'english', female: 0.5, languages: ['en'] },
  { code: 'DE', weight: 0.1, pool: 'german', female: 0.5, languages: ['de'] },
  { code: 'HR', weight: 0.1, pool: 'croatian', female: 0.5, languages: ['hr'] },
  { code: 'XS', weight: 0.2, pool: 'egyptian', female: 0.4, languages: ['ar'], protection: true },
  { code: 'XU', weight: 0.4, pool: 'westAfricanCoast', female: 0.3, languages: [] },
];

/** Share of Italian citizens who were born abroad and carry the names of their first country. */
export const NATURALISED_ITALIANS = 0.18;

/** The centres of a multi-centre deployment: comuni of the province of Ancona. The first is Jesi. */
export const CENTRE_SITES: ReadonlyArray<{ code: string; comune: string }> = [
  { code: 'JESI', comune: 'Jesi' },
  { code: 'ANCONA', comune: 'Ancona' },
  { code: 'SENIGALLIA', comune: 'Senigallia' },
  { code: 'FABRIANO', comune: 'Fabriano' },
  { code: 'OSIMO', comune: 'Osimo' },
  { code: 'FALCONARA', comune: 'Falconara Marittima' },
  { code: 'CASTELFIDARDO', comune: 'Castelfidardo' },
  { code: 'CHIARAVALLE', comune: 'Chiaravalle' },
  { code: 'LORETO', comune: 'Loreto' },
  { code: 'FILOTTRANO', comune: 'Filottrano' },
  { code: 'CAMERANO', comune: 'Camerano' },
  { code: 'CORINALDO', comune: 'Corinaldo' },
  { code: 'SASSOFERRATO', comune: 'Sassoferrato' },
  { code: 'ARCEVIA', comune: 'Arcevia' },
  { code: 'MONTEMARCIANO', comune: 'Montemarciano' },
  { code: 'OSTRA', comune: 'Ostra' },
  { code: 'CUPRAMONTANA', comune: 'Cupramontana' },
  { code: 'NUMANA', comune: 'Numana' },
  { code: 'POLVERIGI', comune: 'Polverigi' },
  { code: 'SERRASQ', comune: 'Serra San Quirico' },
];

/** Where the people of the Jesi centre live when not in Jesi (the 2024 report, plus a few neighbours). */
export const JESI_NEIGHBOURS: ReadonlyArray<readonly [string, number]> = [
  ['Santa Maria Nuova', 8],
  ['Cupramontana', 6],
  ['Staffolo', 4],
  ["Serra de' Conti", 3],
  ['Castelplanio', 2],
  ['Falconara Marittima', 2],
  ['Maiolati Spontini', 2],
  ['Monsano', 2],
  ['Chiaravalle', 2],
  ['Ancona', 1],
  ['Monte Roberto', 1],
  ['Montecarotto', 1],
  ["Morro d'Alba", 1],
  ['San Marcello', 1],
  ['Serra San Quirico', 1],
  ['Rosora', 1],
  ['San Paolo di Jesi', 1],
  ['Castelbellino', 1],
];

/** Residence of the people of a centre: [host comune, a nearby comune, no fixed abode, unknown]. */
export const RESIDENCE_SHARES = { host: 0.74, nearby: 0.2, noFixedAbode: 0.04, unknown: 0.02 } as const;

/** Relative frequency of the default request topics (by code); topics added later get 2. */
export const TOPIC_WEIGHTS: Readonly<Record<string, number>> = {
  residence_permit: 22,
  applications: 16,
  registry: 10,
  work: 10,
  italian_courses: 8,
  housing: 8,
  health: 6,
  citizenship: 6,
  family_reunification: 5,
  school: 4,
  legal: 3,
  other: 4,
};

/** Topics that do not concern Italian citizens, or EU citizens. */
export const NOT_FOR_ITALIANS = new Set(['residence_permit', 'citizenship', 'family_reunification']);
export const NOT_FOR_EU = new Set(['residence_permit']);

/** Share of visits with two request topics instead of one. */
export const TWO_TOPICS = 0.35;

export const CHANNEL_WEIGHTS: ReadonlyArray<readonly [Channel, number]> = [
  ['in_person', 78],
  ['phone', 14],
  ['messaging', 6],
  ['email', 2],
];

export const REFERRAL_WEIGHTS: ReadonlyArray<readonly [ReferralSource, number]> = [
  ['spontaneous', 68],
  ['municipal_service', 12],
  ['asp', 8],
  ['sai', 9],
  ['other_body', 3],
];

/** Age band an operator notes for an anonymous visitor. */
export const ANONYMOUS_AGE_BANDS: ReadonlyArray<readonly [AgeBand, number]> = [
  ['0-17', 3],
  ['18-29', 30],
  ['30-44', 38],
  ['45-64', 20],
  ['65+', 4],
  ['unknown', 5],
];

/** Short operational notes (never personal details). */
export const VISIT_NOTES: readonly string[] = [
  'Richiesta appuntamento per il rinnovo',
  'Portare copia del passaporto la prossima volta',
  'Inviata PEC alla Questura',
  'Da richiamare la prossima settimana',
  'Compilata la domanda online',
  'Consegnato elenco dei documenti necessari',
  'Prenotato appuntamento in Anagrafe',
  'Indirizzata al CPIA per il corso di italiano',
  'Accompagnamento al Centro per l’impiego',
  'In attesa della risposta della Prefettura',
  'Informazioni sul bonus affitto',
  'Contattato il servizio sociale comunale',
];

// ---------------------------------------------------------------------------------------------
// The desk's calendar
// ---------------------------------------------------------------------------------------------

/** Opening slots in minutes from midnight [start, end), by ISO weekday (1 = Monday). The Jesi timetable. */
export function openingSlots(isoDate: string, weekday: number): ReadonlyArray<readonly [number, number]> {
  const morning = [540, 720] as const; // 9-12
  const afternoon = [900, 1080] as const; // 15-18
  switch (weekday) {
    case 1:
    case 3:
    case 5:
      return [morning];
    case 2:
      // From 15 October 2024 the Tuesday afternoon closed.
      return isoDate < '2024-10-15' ? [morning, afternoon] : [morning];
    case 4:
      return [afternoon];
    default:
      return [];
  }
}

function easterSunday(year: number): { month: number; day: number } {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const FIXED_HOLIDAYS = new Set(['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26']);

/** Closed: national holidays, and the yearly closures of the Jesi centre (early January, August, Christmas). */
export function isClosedDay(isoDate: string): boolean {
  const monthDay = isoDate.slice(5);
  if (FIXED_HOLIDAYS.has(monthDay)) return true;
  if (monthDay >= '01-02' && monthDay <= '01-05') return true;
  if (monthDay >= '08-05' && monthDay <= '08-23') return true;
  if ((monthDay >= '12-24' && monthDay <= '12-27') || monthDay === '12-31') return true;
  const easter = easterSunday(Number(isoDate.slice(0, 4)));
  const easterMonday = new Date(Date.UTC(Number(isoDate.slice(0, 4)), easter.month - 1, easter.day + 1)).toISOString().slice(5, 10);
  return monthDay === easterMonday;
}

export { addDays } from '../domain/dates.js';

/** The earlier and the later of two ISO dates (as text they compare as dates). */
export const dateMin = (a: string, b: string) => (a < b ? a : b);
export const dateMax = (a: string, b: string) => (a > b ? a : b);

export function isoWeekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
