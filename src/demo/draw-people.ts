/**
 * One synthetic person, drawn the way a desk meets them: citizenship, gender, names from the
 * pool of their first country, age, where they live, a codice fiscale when they would have one,
 * contacts and languages, and the days they come to the desk.
 */
import type { Gender } from '../contracts/enums.js';
import type { PeopleTable } from '../db/schema.js';
import { nameTokens } from '../domain/names.js';
import { findComune, findCountry, listComuni, resolveComuneName } from '../reference/index.js';
import { type DeskCalendar, drawMinute } from './desk-calendar.js';
import { personalFiscalCode, provisionalFiscalCode } from './fiscal-codes.js';
import { NAME_POOLS, type NamePool } from './names.js';
import { addDays, JESI_NEIGHBOURS, NATIONALITIES, NATURALISED_ITALIANS, type Nationality, RESIDENCE_SHARES } from './profiles.js';
import { deriveSeed, Rng, Weighted } from './random.js';

/** The ISTAT code of Jesi, the demo's comune. */
export const JESI_ISTAT = '042021';

/** What a centre is to get: its people and visits, and who records them. */
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

/** A centre while its people are drawn: its target, and where its people are born and live. */
export interface CentreContext {
  index: number;
  target: CentreTarget;
  hostCadastral: string | null;
  nearby: Weighted<string>;
}

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

/** The centres with where their people live: the host comune's neighbours unless given. */
export function centreContexts(targets: readonly CentreTarget[], seed: number): CentreContext[] {
  return targets.map((target, index) => ({
    index,
    target,
    hostCadastral: findComune(target.hostComune)?.cadastral ?? null,
    nearby: new Weighted(target.nearby ?? nearbyComuniOf(target.hostComune, seed)),
  }));
}

/** Each centre's people from its own random stream, centre after centre; no codice fiscale twice. */
export function drawPeople(
  seed: number,
  centres: readonly CentreContext[],
  calendar: DeskCalendar,
  progress: (phase: string, done: number, total: number) => void,
): { people: DraftPerson[]; centrePeople: Array<{ from: number; to: number }> } {
  const totalPeople = centres.reduce((a, c) => a + c.target.people, 0);
  const usedFiscalCodes = new Set<string>();
  const people: DraftPerson[] = [];
  const centrePeople: Array<{ from: number; to: number }> = [];
  for (const centre of centres) {
    const rng = new Rng(deriveSeed(seed, centre.target.stream, 1));
    const from = people.length;
    for (let i = 0; i < centre.target.people; i++) people.push(drawPerson(rng, centre, calendar, usedFiscalCodes));
    centrePeople.push({ from, to: people.length });
    progress('people drawn', people.length, totalPeople);
  }
  return { people, centrePeople };
}

/** The people columns a draw fills as they are, typed by the table. */
type DrawnColumns =
  | 'givenNames'
  | 'familyNames'
  | 'birthDate'
  | 'birthCountry'
  | 'citizenship'
  | 'fiscalCode'
  | 'phone'
  | 'email'
  | 'languages'
  | 'residenceComune';

/** A drawn person: the row's columns (gender and residence narrowed), and when and how often they come. */
export interface DraftPerson extends Pick<PeopleTable, DrawnColumns> {
  centre: number;
  nationality: Nationality;
  gender: Gender;
  residenceKind: 'comune' | 'no_fixed_abode' | 'unknown';
  firstDay: number;
  firstMinute: number;
  lastDay: number;
  weight: number;
  operatorId: number | null;
}

export const NATIONALITY_TABLE = new Weighted(NATIONALITIES.map((n) => [n, n.weight] as const));
const FOREIGN_TABLE = new Weighted(
  NATIONALITIES.filter((n) => n.code !== 'IT' && !n.code.startsWith('X')).map((n) => [n, n.weight] as const),
);

export function drawGender(rng: Rng, nationality: Nationality): Gender {
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
