/**
 * The home page's people in care (decision 014), counted by the report's rules (peopleInCareIn
 * over careMemberPeriods, on the periods as they stood on each period's last day) and counted
 * again only when the care data moved. The database keeps a version of each centre's care data
 * (migration 0019: its triggers give it a new value at every write the count reads, in the
 * writer's transaction), so an answer reads its centres' versions first (one indexed query) and
 * gives the counts of an earlier answer over the same centres and days at the same versions, or
 * counts again. Exact across server instances, as the versions are the database's: the rows
 * read after the versions are as new or newer, and then the next answer sees another version
 * and counts again. Kept per database object, so that two databases never share an entry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DayRange, periodsAsOf } from '../../domain/home.js';
import { ORIGIN_GROUPS, type OriginGroup } from '../../domain/origin-group.js';
import { peopleInCareIn } from '../reports/sections/care.js';
import { careMemberPeriods } from '../reports/visits-care.repository.js';
import { careVersionsOf } from './home.repository.js';

type Db = Kysely<Database>;

/** A period's people in care and the new ones, in total and by origin group. */
export interface CareCounts {
  inCare: number;
  newInCare: number;
  byOriginGroup: ReadonlyMap<OriginGroup, { inCare: number; newInCare: number }>;
}

/** The counts of some centres and periods, with the versions they were counted at (the newest last). */
type Kept = Map<string, { versions: string; counts: Promise<CareCounts[]> }>;

/** Counts of this many sets of centres and periods are kept (a few each day: one per coordinator's scope). */
const KEPT_COUNTS = 200;
const keptOf = new WeakMap<Db, Kept>();

/** The people in care of each period (from 1 January of a year to a day of it, up to `toYear`), over the centres. */
export async function careCountsOf(
  db: Db,
  centreIds: readonly number[],
  periods: readonly DayRange[],
  toYear: number,
): Promise<CareCounts[]> {
  let kept = keptOf.get(db);
  if (!kept) {
    kept = new Map();
    keptOf.set(db, kept);
  }
  // The versions first: whatever is read after them is at least as new.
  const versions = await careVersionsOf(db, centreIds);
  const key = `${centreIds.join(',')} ${periods.map((p) => `${p.from}..${p.to}`).join(' ')} ${toYear}`;
  const stamp = centreIds.map((id) => versions.get(id) ?? 'none').join(' ');
  const known = kept.get(key);
  if (known?.versions === stamp) return known.counts;

  // The rows of the people who can be in care since the first period's 1 January, with all their periods.
  const since = periods.map((p) => p.from).sort()[0] ?? `${toYear}-01-01`;
  const counts = careMemberPeriods(db, centreIds, toYear, since).then((rows) =>
    periods.map((period) => countsOf(peopleInCareIn(periodsAsOf(rows, period.to), Number(period.from.slice(0, 4))))),
  );
  kept.delete(key);
  kept.set(key, { versions: stamp, counts });
  if (kept.size > KEPT_COUNTS) kept.delete(kept.keys().next().value as string);
  // A failed count is not kept: the next answer counts again.
  counts.catch(() => {
    if (kept.get(key)?.counts === counts) kept.delete(key);
  });
  return counts;
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
