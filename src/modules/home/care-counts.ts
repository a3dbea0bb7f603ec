/**
 * The home page's people in care (decision 014), counted by the report's rules (peopleInCareIn
 * over careMemberPeriods, on the periods as they stood on each period's last day) and counted
 * again only when the care data moved. The database keeps a version of each centre's care data
 * (migration 0019: its triggers give it a new value at every write the count reads, in the
 * writer's transaction), so the counts of an earlier answer over the same centres and days are
 * given again while the versions stay (kept-figures.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DayRange, periodsAsOf } from '../../domain/home.js';
import { ORIGIN_GROUPS, type OriginGroup } from '../../domain/origin-group.js';
import { peopleInCareIn } from '../reports/sections/care.js';
import { careMemberPeriods } from '../reports/visits-care.repository.js';
import { keptWhileUnchanged } from './kept-figures.js';

type Db = Kysely<Database>;

/** A period's people in care and the new ones, in total and by origin group. */
export interface CareCounts {
  inCare: number;
  newInCare: number;
  byOriginGroup: ReadonlyMap<OriginGroup, { inCare: number; newInCare: number }>;
}

/** The people in care of each period (from 1 January of a year to a day of it, up to `toYear`), over the centres. */
export function careCountsOf(db: Db, centreIds: readonly number[], periods: readonly DayRange[], toYear: number): Promise<CareCounts[]> {
  const key = `${periods.map((p) => `${p.from}..${p.to}`).join(' ')} ${toYear}`;
  return keptWhileUnchanged(db, 'careVersions', centreIds, key, async () => {
    // The rows of the people who can be in care since the first period's 1 January, with all their periods.
    const since = periods.map((p) => p.from).sort()[0] ?? `${toYear}-01-01`;
    const rows = await careMemberPeriods(db, centreIds, toYear, since);
    return periods.map((period) => countsOf(peopleInCareIn(periodsAsOf(rows, period.to), Number(period.from.slice(0, 4)))));
  });
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
