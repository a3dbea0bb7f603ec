/**
 * The home page's people in care (decision 014), counted by the report's rules (peopleInCareIn
 * over careMemberPeriods, on the periods as they stood on each period's last day) from each
 * centre's part, read again only when that centre's care data moved. The database keeps a
 * version of each centre's care data (migration 0019: its triggers give it a new value at every
 * write the count reads, in the writer's transaction; kept-figures.ts).
 *
 * A person is counted once over all the centres, as the report counts them: their periods of
 * every centre are put together before the rule is applied. A centre's part holds the periods of
 * its people who can be in care in the periods asked (a period open on the first period's 1
 * January or later), and, of its other people, only their first opening (domain/home.ts:
 * splitBySince): a period closed before then cannot make anyone in care, only not new where
 * they are in care at another centre. Most people are named by one centre alone: each part
 * keeps its people counted on its own periods, and only the people named by several parts are
 * counted again from the periods of all of them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DayRange, periodsAsOf, splitBySince } from '../../domain/home.js';
import { ORIGIN_GROUPS, type OriginGroup } from '../../domain/origin-group.js';
import { type PersonInCare, peopleInCareIn, periodsByPerson } from '../reports/sections/care.js';
import { type CareMemberPeriod, careMemberPeriods } from '../reports/visits-care.repository.js';
import { keptByCentre } from './kept-figures.js';

type Db = Kysely<Database>;

/** A period's people in care and the new ones, in total and by origin group. */
export interface CareCounts {
  inCare: number;
  newInCare: number;
  byOriginGroup: ReadonlyMap<OriginGroup, { inCare: number; newInCare: number }>;
}

/** A centre's part: its people who can be in care with their periods, the first opening of its others. */
interface CentreCare {
  periodsOf: Map<number, CareMemberPeriod[]>;
  firstOpeningOfOthers: Map<number, string>;
  /** Its people in care in each period asked last, counted on its periods alone (`asked`: which periods). */
  alone?: { asked: string; inCare: PersonInCare[][] };
}

/** The people in care of each period (from 1 January of a year to a day of it, up to `toYear`), over the centres. */
export function careCountsOf(db: Db, centreIds: readonly number[], periods: readonly DayRange[], toYear: number): Promise<CareCounts[]> {
  // Nobody can be in care in a period without a period open on its 1 January or later.
  const since = periods.map((p) => p.from).sort()[0] ?? `${toYear}-01-01`;
  const countCentre = async (centreId: number): Promise<CentreCare> => {
    const { periods: rows, firstOpeningOfOthers } = splitBySince(await careMemberPeriods(db, [centreId], toYear), since);
    return { periodsOf: periodsByPerson(rows), firstOpeningOfOthers };
  };
  // A centre's part serves every day until its care data moves; the whole is of the periods asked.
  const part = `periods since ${since} to ${toYear}`;
  const asked = periods.map((p) => `${p.from}..${p.to}`).join(' ');
  return keptByCentre(db, 'careVersions', centreIds, { part, whole: `${part}, in care ${asked}` }, countCentre, (parts) => {
    const shared = namedBySeveral(parts);
    // The people named by several parts, counted on the periods of all of them.
    const sharedPeriods = new Map([...shared].map((key) => [key, parts.flatMap((p) => p.periodsOf.get(key) ?? [])]));
    const openedBefore = new Map<number, string>();
    for (const p of parts) {
      for (const key of shared) {
        const day = p.firstOpeningOfOthers.get(key);
        const known = openedBefore.get(key);
        if (day !== undefined && (known === undefined || day < known)) openedBefore.set(key, day);
      }
    }
    return periods.map((period, i) => {
      const people = peopleInCareIn(asOf(sharedPeriods, period.to), yearOf(period), openedBefore);
      for (const p of parts) {
        for (const person of inCareAlone(p, periods, asked)[i] ?? []) if (!shared.has(person.personKey)) people.push(person);
      }
      return countsOf(people);
    });
  });
}

const yearOf = (period: DayRange) => Number(period.from.slice(0, 4));

/** The people in care of each period on the part's periods alone, kept with the part for the periods asked last. */
function inCareAlone(part: CentreCare, periods: readonly DayRange[], asked: string): PersonInCare[][] {
  if (part.alone?.asked !== asked) {
    part.alone = { asked, inCare: periods.map((period) => peopleInCareIn(asOf(part.periodsOf, period.to), yearOf(period))) };
  }
  return part.alone.inCare;
}

/** Each person's periods as they stood at the end of `day` (periodsAsOf). */
function asOf(periodsOf: ReadonlyMap<number, CareMemberPeriod[]>, day: string): Map<number, CareMemberPeriod[]> {
  return new Map([...periodsOf].map(([key, periods]) => [key, periodsAsOf(periods, day)]));
}

/** The people who can be in care in one part and are named by another too (in care there, or earlier). */
function namedBySeveral(parts: readonly CentreCare[]): Set<number> {
  const partsNaming = new Map<number, number>();
  for (const part of parts) {
    for (const key of part.periodsOf.keys()) partsNaming.set(key, (partsNaming.get(key) ?? 0) + 1);
    for (const key of part.firstOpeningOfOthers.keys()) partsNaming.set(key, (partsNaming.get(key) ?? 0) + 1);
  }
  const shared = new Set<number>();
  for (const part of parts) for (const key of part.periodsOf.keys()) if ((partsNaming.get(key) ?? 0) > 1) shared.add(key);
  return shared;
}

function countsOf(people: readonly PersonInCare[]): CareCounts {
  const byOriginGroup = new Map(ORIGIN_GROUPS.map((group) => [group, { inCare: 0, newInCare: 0 }]));
  let newInCare = 0;
  for (const person of people) {
    if (person.isNew) newInCare += 1;
    const group = byOriginGroup.get(person.originGroup);
    if (!group) continue;
    group.inCare += 1;
    if (person.isNew) group.newInCare += 1;
  }
  return { inCare: people.length, newInCare, byOriginGroup };
}
