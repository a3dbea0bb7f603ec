/**
 * A seeded, reproducible generator of synthetic centres, people and visits, shared by the
 * demo (`approdo demo`) and the benchmark. Same seed and sizes, same rows.
 *
 * Everything derived is computed by the domain's own functions, as the application does when
 * an operator records the same facts: origin group (`originGroupOf`), age band (`ageBandOn`),
 * instants and dates in Europe/Rome (`romeInstant`, `romeDateOf`, `todayInRome`) and the rows of
 * the name search index (`nameIndexEntries`). Check characters of codici fiscali come from the
 * domain too.
 *
 * Rows go in with multi-row INSERTs in batches (see bulk.ts), people and visits in time order
 * as a real desk would have written them, with explicit ids taken after the current maximum.
 * Run it on a database nobody else writes to at the same time (a demo or benchmark copy).
 */
import type { Kysely } from 'kysely';
import type { Gender } from '../contracts/enums.js';
import type { Database } from '../db/schema.js';
import { personalCheckCharacter, provisionalCheckDigit } from '../domain/codice-fiscale.js';
import { ageBandOn, romeInstant, romeTimeOf, todayInRome } from '../domain/dates.js';
import { nameIndexEntries, nameTokens } from '../domain/names.js';
import { originGroupOf } from '../domain/origin-group.js';
import { createCentre, createOrganisation, createUser } from '../modules/accounts/accounts.usecases.js';
import { recordAudit } from '../modules/audit/audit.repository.js';
import { listTopics } from '../modules/topics/topics.repository.js';
import { findComune, findCountry, listComuni, resolveComuneName } from '../reference/index.js';
import { BulkWriter, WriteSession } from './bulk.js';
import { type PopulateCareResult, populateCare } from './care-generator.js';
import { NAME_POOLS, type NamePool } from './names.js';
import {
  ANONYMOUS_AGE_BANDS,
  addDays,
  CENTRE_SITES,
  CHANNEL_WEIGHTS,
  isClosedDay,
  isoWeekday,
  JESI_NEIGHBOURS,
  NATIONALITIES,
  NATURALISED_ITALIANS,
  type Nationality,
  NOT_FOR_EU,
  NOT_FOR_ITALIANS,
  openingSlots,
  REFERRAL_WEIGHTS,
  RESIDENCE_SHARES,
  TOPIC_WEIGHTS,
  TWO_TOPICS,
  VISIT_NOTES,
} from './profiles.js';
import { deriveSeed, Rng, searchCumulative, Weighted } from './random.js';

type Db = Kysely<Database>;

export { deriveSeed, mulberry32, Rng } from './random.js';

export const JESI_ISTAT = '042021';

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

/** The open days of the desk between two dates, with their opening slots (minutes from midnight, [start, end)). */
export interface DeskCalendar {
  readonly days: readonly string[];
  readonly slots: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/**
 * Open days from `startDate` to `endDate` (Europe/Rome dates). Nothing is placed after `now`:
 * on today's date only the slots already begun count, and later dates are dropped.
 */
export function deskCalendar(startDate: string, endDate: string, now: Date = new Date()): DeskCalendar {
  const today = todayInRome(now);
  const last = endDate < today ? endDate : today;
  const nowMinute = minutesOf(romeTimeOf(now));
  const days: string[] = [];
  const slots: Array<ReadonlyArray<readonly [number, number]>> = [];
  for (let date = startDate; date <= last; date = addDays(date, 1)) {
    if (isClosedDay(date)) continue;
    let open = openingSlots(date, isoWeekday(date));
    if (date === today) {
      open = open.filter(([start]) => start <= nowMinute).map(([start, end]) => [start, Math.min(end, nowMinute + 1)] as const);
    }
    if (open.length === 0) continue;
    days.push(date);
    slots.push(open);
  }
  return { days, slots };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function clockTimeOf(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** A minute inside the slots, leaving the last 5 minutes of each slot free. */
function drawMinute(rng: Rng, slots: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (const [start, end] of slots) total += Math.max(1, end - start - 5);
  let at = Math.floor(rng.float() * total);
  for (const [start, end] of slots) {
    const width = Math.max(1, end - start - 5);
    if (at < width) return start + at;
    at -= width;
  }
  const lastSlot = slots[slots.length - 1] as readonly [number, number];
  return lastSlot[0];
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

interface DraftPerson {
  centre: number;
  nationality: Nationality;
  givenNames: string;
  familyNames: string;
  gender: Gender;
  birthDate: string | null;
  birthCountry: string | null;
  citizenship: string;
  fiscalCode: string | null;
  phone: string | null;
  email: string | null;
  languages: string;
  residenceKind: 'comune' | 'no_fixed_abode' | 'unknown';
  residenceComune: string | null;
  firstDay: number;
  firstMinute: number;
  lastDay: number;
  weight: number;
  operatorId: number | null;
}

const NATIONALITY_TABLE = new Weighted(NATIONALITIES.map((n) => [n, n.weight] as const));
const FOREIGN_TABLE = new Weighted(
  NATIONALITIES.filter((n) => n.code !== 'IT' && !n.code.startsWith('X')).map((n) => [n, n.weight] as const),
);

function drawGender(rng: Rng, nationality: Nationality): Gender {
  const u = rng.float();
  if (u < 0.004) return 'other';
  if (u < 0.012) return 'not_stated';
  return rng.chance(nationality.female) ? 'female' : 'male';
}

/**
 * Names are drawn with weight 1 / rank^exponent. Real registries are more varied than the
 * pools, so the curves are kept flat enough that namesakes stay plausible (a few dozen of the
 * commonest full names in 100,000 people, not hundreds).
 */
const GIVEN_RANK_EXPONENT = 0.6;
const FAMILY_RANK_EXPONENT = 0.45;

function drawName(rng: Rng, pool: NamePool, female: boolean): { givenNames: string; familyNames: string } {
  const givenList = female ? pool.female : pool.male;
  let given = rng.ranked(givenList, GIVEN_RANK_EXPONENT);
  if (pool.secondGiven && rng.chance(pool.secondGiven)) {
    const second = rng.ranked(givenList, GIVEN_RANK_EXPONENT);
    if (second !== given) given = `${given} ${second}`;
  }
  if (!female && pool.malePrefix && rng.chance(pool.malePrefix.chance)) given = `${rng.pick(pool.malePrefix.names)} ${given}`;
  const familyList = female && pool.familyFemale ? pool.familyFemale : pool.family;
  let family = rng.ranked(familyList, FAMILY_RANK_EXPONENT);
  if (pool.secondFamily && rng.chance(pool.secondFamily)) {
    const second = rng.ranked(familyList, FAMILY_RANK_EXPONENT);
    if (second !== family) family = `${family} ${second}`;
  }
  return { givenNames: given, familyNames: family };
}

const CF_MONTHS = 'ABCDEHLMPRST';

function lettersOf(name: string): { consonants: string; vowels: string } {
  const letters = nameTokens(name)
    .join('')
    .replace(/[^a-z]/g, '')
    .toUpperCase();
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** A codice fiscale built the official way from the person's data (no omocodia), with the domain's check character. */
export function personalFiscalCode(
  familyNames: string,
  givenNames: string,
  birthDate: string,
  female: boolean,
  cadastral: string,
): string | null {
  const family = lettersOf(familyNames);
  const given = lettersOf(givenNames);
  const familyPart = `${family.consonants}${family.vowels}XXX`.slice(0, 3);
  const givenPart =
    given.consonants.length >= 4
      ? `${given.consonants[0]}${given.consonants[2]}${given.consonants[3]}`
      : `${given.consonants}${given.vowels}XXX`.slice(0, 3);
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const dayPart = String(day + (female ? 40 : 0)).padStart(2, '0');
  const first15 = `${familyPart}${givenPart}${String(year % 100).padStart(2, '0')}${CF_MONTHS[month - 1]}${dayPart}${cadastral}`;
  if (!/^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}$/.test(first15)) return null;
  return first15 + personalCheckCharacter(first15);
}

/** The 11-digit provisional number given to asylum seekers, with the domain's check digit. */
export function provisionalFiscalCode(rng: Rng): string {
  let first10 = String(rng.int(1, 9));
  for (let i = 0; i < 9; i++) first10 += String(rng.int(0, 9));
  return first10 + String(provisionalCheckDigit(first10));
}

interface CentreContext {
  index: number;
  target: CentreTarget;
  hostCadastral: string | null;
  nearby: Weighted<string>;
}

function drawPerson(rng: Rng, centre: CentreContext, calendar: DeskCalendar, usedFiscalCodes: Set<string>): DraftPerson {
  const nationality = NATIONALITY_TABLE.draw(rng);
  const gender = drawGender(rng, nationality);
  const female = gender === 'female' || ((gender === 'other' || gender === 'not_stated') && rng.chance(0.5));

  // Some Italian citizens were born abroad and carry their first country's names and languages.
  let origin = nationality;
  if (nationality.code === 'IT' && rng.chance(NATURALISED_ITALIANS)) origin = FOREIGN_TABLE.draw(rng);
  const { givenNames, familyNames } = drawName(rng, NAME_POOLS[origin.pool], female);

  const nDays = calendar.days.length;
  const firstDay = rng.int(0, nDays - 1);
  const firstMinute = drawMinute(rng, calendar.slots[firstDay] as ReadonlyArray<readonly [number, number]>);
  const firstDate = calendar.days[firstDay] as string;
  // People come for a while (a permit, an application, a case), then stop.
  const lastDay = Math.min(nDays - 1, firstDay + Math.ceil(rng.exponential(0.35 * nDays)));
  const weight = Math.exp(0.9 * rng.normal());

  const ageDraw = rng.float();
  const age =
    ageDraw < 0.05
      ? rng.int(6, 17)
      : ageDraw < 0.09
        ? rng.int(65, 82)
        : nationality.code === 'IT'
          ? 25 + Math.floor(((rng.float() + rng.float()) / 2) * 40)
          : 18 + Math.floor(((rng.float() + rng.float()) / 2) * 42);
  const birthDate = rng.chance(0.03) ? null : addDays(firstDate, -(age * 365 + Math.floor(age / 4) + rng.int(0, 364)));

  const bornInItaly = origin.code === 'IT';
  const birthCountry = bornInItaly ? 'IT' : rng.chance(0.92) ? origin.code : null;

  const residenceDraw = rng.float();
  let residenceKind: DraftPerson['residenceKind'] = 'comune';
  let residenceComune: string | null = centre.target.hostComune;
  if (residenceDraw >= RESIDENCE_SHARES.host) {
    if (residenceDraw < RESIDENCE_SHARES.host + RESIDENCE_SHARES.nearby) residenceComune = centre.nearby.draw(rng);
    else if (residenceDraw < RESIDENCE_SHARES.host + RESIDENCE_SHARES.nearby + RESIDENCE_SHARES.noFixedAbode) {
      residenceKind = 'no_fixed_abode';
      residenceComune = null;
    } else {
      residenceKind = 'unknown';
      residenceComune = null;
    }
  }

  let fiscalCode: string | null = null;
  if (birthDate) {
    if (nationality.protection && rng.chance(0.2)) {
      fiscalCode = provisionalFiscalCode(rng);
    } else if (rng.chance(bornInItaly ? 0.92 : 0.6)) {
      const cadastral = bornInItaly
        ? rng.chance(0.6)
          ? centre.hostCadastral
          : (findComune(centre.nearby.draw(rng))?.cadastral ?? null)
        : birthCountry
          ? (findCountry(birthCountry)?.cadastral ?? null)
          : null;
      if (cadastral) fiscalCode = personalFiscalCode(familyNames, givenNames, birthDate, female, cadastral);
    }
  }
  if (fiscalCode && usedFiscalCodes.has(fiscalCode)) fiscalCode = null;
  if (fiscalCode) usedFiscalCodes.add(fiscalCode);

  const phone = rng.chance(0.8) ? `+39 3${rng.int(20, 93)} ${rng.int(1_000_000, 9_999_999)}` : null;
  const givenToken = nameTokens(givenNames).at(-1);
  const familyToken = nameTokens(familyNames).join('');
  const email = givenToken && familyToken && rng.chance(0.2) ? `${givenToken}.${familyToken}${rng.int(1, 99)}@example.org` : null;

  const languages = new Set(nationality.code === 'IT' ? ['it', ...(bornInItaly ? [] : origin.languages)] : nationality.languages);
  if (rng.chance(0.35)) languages.add('it');

  return {
    centre: centre.index,
    nationality,
    givenNames,
    familyNames,
    gender,
    birthDate,
    birthCountry,
    citizenship: nationality.code,
    fiscalCode,
    phone,
    email,
    languages: JSON.stringify([...languages]),
    residenceKind,
    residenceComune,
    firstDay,
    firstMinute,
    lastDay,
    weight,
    operatorId: centre.target.operatorIds.length > 0 ? rng.pick(centre.target.operatorIds) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Populating centres
// ---------------------------------------------------------------------------------------------

export interface CentreTarget {
  centreId: number;
  /** The centre's own random stream: keep it stable (its position in the organisation). */
  stream: number;
  /** ISTAT code of the comune the centre serves. */
  hostComune: string;
  /** Other comuni its people live in, with weights; derived from the host comune when omitted. */
  nearby?: ReadonlyArray<readonly [string, number]>;
  people: number;
  visits: number;
  /** Operators the visits are recorded by (none: no operator). */
  operatorIds: readonly number[];
}

export interface PopulateOptions {
  seed: number;
  organisationId: number;
  centres: readonly CentreTarget[];
  /** First and last date of the visits (Europe/Rome); nothing is placed after `now`. */
  startDate: string;
  endDate: string;
  now?: Date;
  /** Share of anonymous visits (default 0.12). */
  anonymousShare?: number;
  /** Commit every so many rows when not given a transaction (default 250,000). */
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface PopulateResult {
  people: number;
  visits: number;
  visitTopics: number;
  nameTokens: number;
  /** Ids of the first and last rows written (ids are consecutive). */
  personIds: [number, number] | null;
  visitIds: [number, number] | null;
}

const CHANNEL_TABLE = new Weighted(CHANNEL_WEIGHTS);
const REFERRAL_TABLE = new Weighted(REFERRAL_WEIGHTS);
const REFERRAL_NO_SAI = new Weighted(REFERRAL_WEIGHTS.filter(([k]) => k !== 'sai'));
const ANONYMOUS_AGE_TABLE = new Weighted(ANONYMOUS_AGE_BANDS);

/** Comuni of the province near a host: the Jesi list from the report, or a seeded pick elsewhere. */
export function nearbyComuniOf(hostIstat: string, seed: number): ReadonlyArray<readonly [string, number]> {
  if (hostIstat === JESI_ISTAT) {
    return JESI_NEIGHBOURS.map(([name, weight]) => {
      const comune = resolveComuneName(name, 'AN');
      if (!comune) throw new Error(`Unknown comune in the Jesi neighbours: ${name}`);
      return [comune.istat, weight] as const;
    });
  }
  const host = findComune(hostIstat);
  const candidates = listComuni(host?.province ?? 'AN').filter((c) => c.istat !== hostIstat);
  const rng = new Rng(deriveSeed(seed, Number(hostIstat)));
  const chosen = new Map<string, number>();
  for (let i = 0; chosen.size < Math.min(10, candidates.length) && i < 1000; i++) {
    const comune = rng.pick(candidates);
    if (!chosen.has(comune.istat)) chosen.set(comune.istat, 1 / (chosen.size + 1) ** 0.8);
  }
  return [...chosen];
}

/** Integers proportional to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/**
 * Writes people (with their search index rows) and visits (with their topics) for the given
 * centres of one organisation. The organisation must have active request topics.
 */
export async function populateCentres(db: Db, options: PopulateOptions): Promise<PopulateResult> {
  const now = options.now ?? new Date();
  const anonymousShare = options.anonymousShare ?? 0.12;
  const progress = options.onProgress ?? (() => {});
  const calendar = deskCalendar(options.startDate, options.endDate, now);
  const nDays = calendar.days.length;
  const totalVisits = options.centres.reduce((a, c) => a + c.visits, 0);
  const totalPeople = options.centres.reduce((a, c) => a + c.people, 0);
  if (nDays === 0 && totalVisits + totalPeople > 0)
    throw new Error(`The desk is never open between ${options.startDate} and ${options.endDate}`);

  const topics = await listTopics(db, options.organisationId, true);
  if (topics.length === 0) throw new Error(`Organisation ${options.organisationId} has no active request topics`);
  const topicTable = (excluded: Set<string>) => {
    const usable = topics.filter((t) => !excluded.has(t.code));
    return new Weighted((usable.length > 0 ? usable : topics).map((t) => [t.id, TOPIC_WEIGHTS[t.code] ?? 2] as const));
  };
  const topicsFor = { italian: topicTable(NOT_FOR_ITALIANS), eu: topicTable(NOT_FOR_EU), other: topicTable(new Set()) };

  // --- people, centre by centre, each from its own random stream
  const usedFiscalCodes = new Set<string>();
  const people: DraftPerson[] = [];
  const centres: CentreContext[] = options.centres.map((target, index) => ({
    index,
    target,
    hostCadastral: findComune(target.hostComune)?.cadastral ?? null,
    nearby: new Weighted(target.nearby ?? nearbyComuniOf(target.hostComune, options.seed)),
  }));
  const centrePeople: Array<{ from: number; to: number }> = [];
  for (const centre of centres) {
    const rng = new Rng(deriveSeed(options.seed, centre.target.stream, 1));
    const from = people.length;
    for (let i = 0; i < centre.target.people; i++) people.push(drawPerson(rng, centre, calendar, usedFiscalCodes));
    centrePeople.push({ from, to: people.length });
    progress('people drawn', people.length, totalPeople);
  }

  // --- visits, in columns (a million objects would be slow and large)
  const vDay = new Int32Array(totalVisits);
  const vMinute = new Int16Array(totalVisits);
  const vPerson = new Int32Array(totalVisits); // index into people, -1 anonymous
  const vCentre = new Uint16Array(totalVisits);
  const vChannel = new Uint8Array(totalVisits);
  const vReferral = new Uint8Array(totalVisits);
  const vTopicA = new Int32Array(totalVisits);
  const vTopicB = new Int32Array(totalVisits); // 0: none
  const vOperator = new Int32Array(totalVisits); // 0: none
  const vNote = new Int16Array(totalVisits); // -1: none
  const vNationality = new Uint8Array(totalVisits); // anonymous visitors
  const vGender = new Uint8Array(totalVisits);
  const vAgeBand = new Uint8Array(totalVisits);
  const genders: Gender[] = ['female', 'male', 'other', 'not_stated'];
  let k = 0;
  for (const centre of centres) {
    const rng = new Rng(deriveSeed(options.seed, centre.target.stream, 2));
    const { from, to } = centrePeople[centre.index] as { from: number; to: number };
    const count = to - from;
    const linked = count > 0 ? Math.round(centre.target.visits * (1 - anonymousShare)) : 0;
    const firsts = Math.min(count, linked);
    const cumulative = new Float64Array(count);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += (people[from + i] as DraftPerson).weight;
      cumulative[i] = sum;
    }
    const operators = centre.target.operatorIds;
    for (let v = 0; v < centre.target.visits; v++, k++) {
      let nationality: Nationality;
      if (v < linked) {
        // Each person's first visit is the day they were registered; later ones fall in their active period.
        const index = v < firsts ? from + v : from + searchCumulative(cumulative, rng.float());
        const person = people[index] as DraftPerson;
        let day = person.firstDay;
        let minute = person.firstMinute;
        if (v >= firsts) {
          day = person.firstDay + Math.floor(rng.float() * (person.lastDay - person.firstDay + 1));
          minute = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
          if (day === person.firstDay && minute <= person.firstMinute) {
            // Not before (nor at) the first visit: another day of the active period, or later that day.
            if (person.lastDay > person.firstDay) {
              day = person.firstDay + 1 + Math.floor(rng.float() * (person.lastDay - person.firstDay));
              minute = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
            } else {
              minute = person.firstMinute;
            }
          }
        }
        vDay[k] = day;
        vMinute[k] = minute;
        vPerson[k] = index;
        nationality = person.nationality;
        vOperator[k] = v < firsts ? (person.operatorId ?? 0) : operators.length > 0 ? rng.pick(operators) : 0;
      } else {
        const day = rng.int(0, nDays - 1);
        vDay[k] = day;
        vMinute[k] = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
        vPerson[k] = -1;
        nationality = NATIONALITY_TABLE.draw(rng);
        vNationality[k] = NATIONALITIES.indexOf(nationality);
        vGender[k] = genders.indexOf(drawGender(rng, nationality));
        vAgeBand[k] = ANONYMOUS_AGE_TABLE.drawIndex(rng);
        vOperator[k] = operators.length > 0 ? rng.pick(operators) : 0;
      }
      vCentre[k] = centre.index;
      const group = originGroupOf(nationality.code, calendar.days[vDay[k] as number] as string);
      const table = group === 'italian' ? topicsFor.italian : group === 'eu' ? topicsFor.eu : topicsFor.other;
      vChannel[k] = CHANNEL_TABLE.drawIndex(rng);
      vReferral[k] = REFERRAL_TABLE.keys.indexOf((nationality.protection ? REFERRAL_TABLE : REFERRAL_NO_SAI).draw(rng));
      const topicA = table.draw(rng);
      vTopicA[k] = topicA;
      const topicB = rng.chance(TWO_TOPICS) ? table.draw(rng) : 0;
      vTopicB[k] = topicB === topicA ? 0 : topicB;
      vNote[k] = rng.chance(0.06) ? rng.int(0, VISIT_NOTES.length - 1) : -1;
    }
    progress('visits drawn', k, totalVisits);
  }

  // --- time order: ids grow with time, as they would at a real desk
  const SHIFT = 2 ** 24; // room for 16 million rows per sort
  if (totalPeople >= SHIFT || totalVisits >= SHIFT) throw new Error('At most 16 million people and visits per run');
  const personKeys = new Float64Array(people.length);
  people.forEach((p, i) => {
    personKeys[i] = (p.firstDay * 1440 + p.firstMinute) * SHIFT + i;
  });
  personKeys.sort();
  const visitKeys = new Float64Array(totalVisits);
  for (let i = 0; i < totalVisits; i++) visitKeys[i] = ((vDay[i] as number) * 1440 + (vMinute[i] as number)) * SHIFT + i;
  visitKeys.sort();

  // The instant of a desk minute, by the domain's own conversion (memoised: a million visits share few minutes).
  const instants = new Map<number, string>();
  const instantOf = (day: number, minute: number): string => {
    const key = day * 1440 + minute;
    let iso = instants.get(key);
    if (iso === undefined) {
      iso = romeInstant(calendar.days[day] as string, clockTimeOf(minute)).toISOString();
      instants.set(key, iso);
    }
    return iso;
  };

  // --- write
  const session = new WriteSession(db, options.commitEvery);
  try {
    const connection = await session.connection();
    const maxPerson = await connection
      .selectFrom('people')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const maxVisit = await connection
      .selectFrom('visits')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const personBase = Number(maxPerson.m ?? 0);
    const visitBase = Number(maxVisit.m ?? 0);

    const personWriter = new BulkWriter(session, db, 'people', [
      'id',
      'centreId',
      'givenNames',
      'familyNames',
      'gender',
      'birthDate',
      'birthCountry',
      'citizenship',
      'fiscalCode',
      'phone',
      'email',
      'languages',
      'residenceKind',
      'residenceComune',
      'createdBy',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const tokenWriter = new BulkWriter(session, db, 'personNameTokens', ['personId', 'centreId', 'token', 'skeleton']);
    tokenWriter.parent = personWriter;
    const personIdOf = new Int32Array(people.length);
    for (let rank = 0; rank < personKeys.length; rank++) {
      const index = (personKeys[rank] as number) % SHIFT;
      const p = people[index] as DraftPerson;
      const id = personBase + rank + 1;
      personIdOf[index] = id;
      const centreId = (centres[p.centre] as CentreContext).target.centreId;
      const createdAt = instantOf(p.firstDay, p.firstMinute);
      await personWriter.add(
        id,
        centreId,
        p.givenNames,
        p.familyNames,
        p.gender,
        p.birthDate,
        p.birthCountry,
        p.citizenship,
        p.fiscalCode,
        p.phone,
        p.email,
        p.languages,
        p.residenceKind,
        p.residenceComune,
        p.operatorId,
        createdAt,
        createdAt,
        1,
      );
      // Exactly the rows the people repository writes for these names.
      for (const entry of nameIndexEntries(p.givenNames, p.familyNames)) await tokenWriter.add(id, centreId, entry.token, entry.skeleton);
      if ((rank + 1) % 20_000 === 0) progress('people written', rank + 1, totalPeople);
    }
    await personWriter.flush();
    await tokenWriter.flush();
    progress('people written', totalPeople, totalPeople);

    const visitWriter = new BulkWriter(session, db, 'visits', [
      'id',
      'centreId',
      'occurredAt',
      'visitDate',
      'visitYear',
      'channel',
      'personId',
      'gender',
      'citizenship',
      'ageBand',
      'originGroup',
      'referralSource',
      'notes',
      'operatorId',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const topicWriter = new BulkWriter(session, db, 'visitTopics', ['visitId', 'topicId']);
    topicWriter.parent = visitWriter;
    for (let rank = 0; rank < totalVisits; rank++) {
      const i = (visitKeys[rank] as number) % SHIFT;
      const id = visitBase + rank + 1;
      const day = vDay[i] as number;
      const visitDate = calendar.days[day] as string;
      const occurredAt = instantOf(day, vMinute[i] as number);
      const personIndex = vPerson[i] as number;
      let personId: number | null = null;
      let gender: string;
      let citizenship: string;
      let ageBand: string;
      if (personIndex >= 0) {
        // A snapshot of the person on the day, as createVisit takes it.
        const person = people[personIndex] as DraftPerson;
        personId = personIdOf[personIndex] as number;
        gender = person.gender;
        citizenship = person.citizenship;
        ageBand = ageBandOn(person.birthDate, visitDate);
      } else {
        gender = genders[vGender[i] as number] as string;
        citizenship = (NATIONALITIES[vNationality[i] as number] as Nationality).code;
        ageBand = ANONYMOUS_AGE_TABLE.keys[vAgeBand[i] as number] as string;
      }
      const note = vNote[i] as number;
      const operatorId = vOperator[i] as number;
      await visitWriter.add(
        id,
        (centres[vCentre[i] as number] as CentreContext).target.centreId,
        occurredAt,
        visitDate,
        Number(visitDate.slice(0, 4)),
        CHANNEL_TABLE.keys[vChannel[i] as number],
        personId,
        gender,
        citizenship,
        ageBand,
        originGroupOf(citizenship, visitDate),
        REFERRAL_TABLE.keys[vReferral[i] as number] ?? 'spontaneous',
        note >= 0 ? VISIT_NOTES[note] : null,
        operatorId > 0 ? operatorId : null,
        occurredAt,
        occurredAt,
        1,
      );
      await topicWriter.add(id, vTopicA[i]);
      if ((vTopicB[i] as number) > 0) await topicWriter.add(id, vTopicB[i]);
      if ((rank + 1) % 100_000 === 0) progress('visits written', rank + 1, totalVisits);
    }
    await visitWriter.flush();
    await topicWriter.flush();
    progress('visits written', totalVisits, totalVisits);

    await session.resetSequences(['people', 'visits']);
    await session.commit();
    return {
      people: totalPeople,
      visits: totalVisits,
      visitTopics: topicWriter.written,
      nameTokens: tokenWriter.written,
      personIds: totalPeople > 0 ? [personBase + 1, personBase + totalPeople] : null,
      visitIds: totalVisits > 0 ? [visitBase + 1, visitBase + totalVisits] : null,
    };
  } catch (error) {
    await session.rollback().catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// A whole organisation (the benchmark's data set)
// ---------------------------------------------------------------------------------------------

export interface GenerateOptions {
  seed: number;
  centres: number;
  people: number;
  visits: number;
  /** Years of visits up to `endDate`. */
  years: number;
  /** Last date of the visits (Europe/Rome; default today). Fix it for reproducible data. */
  endDate?: string;
  now?: Date;
  organisationName?: string;
  /** Prepended to the centre codes (which are unique in a database). */
  codePrefix?: string;
  /** Operators per centre, besides the coordinator (default 2). */
  operatorsPerCentre?: number;
  anonymousShare?: number;
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface GeneratedCentre {
  id: number;
  code: string;
  name: string;
  comuneIstat: string;
  people: number;
  visits: number;
  /** The coordinator first, then the operators: accounts without a password. */
  userIds: number[];
}

export interface GeneratedOrganisation extends PopulateResult {
  organisationId: number;
  care: PopulateCareResult;
  centres: GeneratedCentre[];
  startDate: string;
  endDate: string;
}

/** How people and visits spread over centres: a few large ones (the first is the largest), many small. */
export const CENTRE_SIZE_EXPONENT = 0.6;

/**
 * Creates an organisation with its request topics, `centres` centres in comuni of the province
 * of Ancona (Jesi first), a coordinator and operators per centre (no passwords), and fills them
 * with `people` people and `visits` visits over `years` years.
 */
export async function generateOrganisation(db: Db, options: GenerateOptions): Promise<GeneratedOrganisation> {
  const now = options.now ?? new Date();
  const endDate = options.endDate ?? todayInRome(now);
  const startDate = addDays(endDate, -Math.round(options.years * 365.25) + 1);
  const prefix = options.codePrefix ?? '';
  const rng = new Rng(deriveSeed(options.seed, 0xc0ffee));
  const organisationId = await createOrganisation(
    db,
    options.organisationName ?? 'Ambito Territoriale Sociale (dati sintetici)',
    now.toISOString(),
  );

  const weights = Array.from({ length: options.centres }, (_, i) => 1 / (i + 1) ** CENTRE_SIZE_EXPONENT);
  const peopleCounts = apportion(options.people, weights);
  const visitCounts = apportion(options.visits, weights);
  const centres: GeneratedCentre[] = [];
  const targets: CentreTarget[] = [];
  const italian = NAME_POOLS.italian;
  for (let i = 0; i < options.centres; i++) {
    const site = CENTRE_SITES[i % CENTRE_SITES.length] as { code: string; comune: string };
    const round = Math.floor(i / CENTRE_SITES.length);
    const comune = resolveComuneName(site.comune, 'AN');
    if (!comune) throw new Error(`Unknown comune ${site.comune}`);
    const code = `${prefix}${site.code}${round > 0 ? `-${round + 1}` : ''}`;
    const name = `Centro Servizi per l'Integrazione Sociale – ${comune.name}${round > 0 ? ` (${round + 1})` : ''}`;
    const centre = await createCentre(db, { organisationId, code, name, comuneIstat: comune.istat }, null);
    const userIds: number[] = [];
    const staff = 1 + (options.operatorsPerCentre ?? 2);
    for (let u = 0; u < staff; u++) {
      const female = rng.chance(0.7);
      const displayName = `${rng.ranked(female ? italian.female : italian.male)} ${rng.ranked(italian.family, 0.7)}`;
      const user = await createUser(
        db,
        {
          organisationId,
          email: `${u === 0 ? 'coordinatore' : `operatore${u}`}.${code.toLowerCase()}@example.org`,
          displayName,
          role: u === 0 ? 'coordinator' : 'operator',
          centreIds: [centre.id],
        },
        null,
      );
      userIds.push(user.id);
    }
    centres.push({
      id: centre.id,
      code,
      name,
      comuneIstat: comune.istat,
      people: peopleCounts[i] as number,
      visits: visitCounts[i] as number,
      userIds,
    });
    targets.push({
      centreId: centre.id,
      stream: i + 1,
      hostComune: comune.istat,
      people: peopleCounts[i] as number,
      visits: visitCounts[i] as number,
      // Operators record most visits; the coordinator some.
      operatorIds: [...userIds.slice(1), ...userIds.slice(1), userIds[0] as number],
    });
  }

  const result = await populateCentres(db, {
    seed: options.seed,
    organisationId,
    centres: targets,
    startDate,
    endDate,
    now,
    anonymousShare: options.anonymousShare,
    commitEvery: options.commitEvery,
    onProgress: options.onProgress,
  });
  // Cases for a fifth of the people, and residence permits (see care-generator.ts).
  const care = await populateCare(db, {
    seed: options.seed,
    centres: centres.map((centre, i) => ({ centreId: centre.id, stream: i + 1, userIds: centre.userIds })),
    endDate,
    commitEvery: options.commitEvery,
    onProgress: options.onProgress,
  });
  for (const centre of centres) {
    await recordAudit(db, {
      userId: null,
      centreId: centre.id,
      action: 'create',
      entity: 'synthetic_data',
      entityId: centre.id,
      details: { seed: options.seed, people: centre.people, visits: centre.visits, startDate, endDate },
    });
  }
  return { ...result, organisationId, care, centres, startDate, endDate };
}
