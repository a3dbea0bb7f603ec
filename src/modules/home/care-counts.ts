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
 * they are in care at another centre.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DayRange, periodsAsOf, splitBySince } from '../../domain/home.js';
import { ORIGIN_GROUPS, type OriginGroup } from '../../domain/origin-group.js';
import { peopleInCareIn } from '../reports/sections/care.js';
import { careMemberPeriods } from '../reports/visits-care.repository.js';
import { keptByCentre } from './kept-figures.js';

type Db = Kysely<Database>;

/** A period's people in care and the new ones, in total and by origin group. */
export interface CareCounts {
  inCare: number;
  newInCare: number;
  byOriginGroup: ReadonlyMap<OriginGroup, { inCare: number; newInCare: number }>;
}

/** The people in care of each period (from 1 January of a year to a day of it, up to `toYear`), over the centres. */
export function careCountsOf(db: Db, centreIds: readonly number[], periods: readonly DayRange[], toYear: number): Promise<CareCounts[]> {
  // Nobody can be in care in a period without a period open on its 1 January or later.
  const since = periods.map((p) => p.from).sort()[0] ?? `${toYear}-01-01`;
  const countCentre = async (centreId: number) => splitBySince(await careMemberPeriods(db, [centreId], toYear), since);
  // A centre's part serves every day until its care data moves; the whole is of the periods asked.
  const part = `periods since ${since} to ${toYear}`;
  const keys = { part, whole: `${part}, in care ${periods.map((p) => `${p.from}..${p.to}`).join(' ')}` };
  return keptByCentre(db, 'careVersions', centreIds, keys, countCentre, (parts) => {
    const rows = parts.flatMap((part) => part.periods);
    const openedBefore = earliestOf(parts.map((part) => part.firstOpeningOfOthers));
    return periods.map((period) => countsOf(peopleInCareIn(periodsAsOf(rows, period.to), Number(period.from.slice(0, 4)), openedBefore)));
  });
}

/** Each person's earliest day of the maps. */
function earliestOf(maps: readonly ReadonlyMap<number, string>[]): Map<number, string> {
  const earliest = new Map<number, string>();
  for (const map of maps) {
    for (const [person, day] of map) {
      const known = earliest.get(person);
      if (known === undefined || day < known) earliest.set(person, day);
    }
  }
  return earliest;
}

function countsOf(people: ReturnType<typeof peopleInCareIn>): CareCounts {
  const byOriginGroup = new Map(ORIGIN_GROUPS.map((group) => [group, { inCare: 0, newInCare: 0 }]));
  for (const person of people) {
    const group = byOriginGroup.get(person.originGroup);
    if (!group) continue;
    group.inCare += 1;
    if (person.isNew) group.newInCare += 1;
  }
  return { inCare: people.length, newInCare: people.filter((p) => p.isNew).length, byOriginGroup };
}
