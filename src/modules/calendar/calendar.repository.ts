/** The centre's calendar: hours sets and their slots, closures. SQL only. */
import type { Insertable, Kysely } from 'kysely';
import type { ClosureRecord, HoursSet } from '../../contracts/calendar.js';
import { rowInCentres } from '../../db/queries.js';
import type { ClosuresTable, Database, OpeningHourSetsTable } from '../../db/schema.js';
import type { CentreCalendar, OpeningSlot, Weekday } from '../../domain/calendar.js';

type Db = Kysely<Database>;

/**
 * A centre's calendar as the domain rules take it (src/domain/calendar.ts): every hours set
 * with its slots, the closures, the patron day. Three small queries.
 */
export async function loadCentreCalendar(db: Db, centreId: number): Promise<CentreCalendar> {
  const centre = await db.selectFrom('centres').select('patronDay').where('id', '=', centreId).executeTakeFirst();
  const sets = await db
    .selectFrom('openingHourSets')
    .leftJoin('openingSlots', 'openingSlots.setId', 'openingHourSets.id')
    .select(['openingHourSets.id', 'openingHourSets.validFrom', 'openingSlots.weekday', 'openingSlots.fromTime', 'openingSlots.toTime'])
    .where('openingHourSets.centreId', '=', centreId)
    .orderBy('openingHourSets.validFrom')
    .orderBy('openingSlots.weekday')
    .orderBy('openingSlots.fromTime')
    .execute();
  const hours = new Map<number, CentreCalendar['hours'][number]>();
  for (const row of sets) {
    let set = hours.get(row.id);
    if (!set) {
      set = { validFrom: row.validFrom, slots: [] };
      hours.set(row.id, set);
    }
    if (row.weekday !== null && row.fromTime !== null && row.toTime !== null) {
      set.slots.push({ weekday: row.weekday as Weekday, from: row.fromTime, to: row.toTime });
    }
  }
  const closures = await db
    .selectFrom('closures')
    .select(['fromDate', 'toDate', 'reason'])
    .where('centreId', '=', centreId)
    .orderBy('fromDate')
    .execute();
  return {
    hours: [...hours.values()],
    closures: closures.map((c) => ({ from: c.fromDate, to: c.toDate, reason: c.reason })),
    patronDay: centre?.patronDay ?? null,
  };
}

// --- opening hours

/** A centre's hours sets with their slots, oldest first. */
export async function listHoursSets(db: Db, centreId: number): Promise<HoursSet[]> {
  const sets = await db
    .selectFrom('openingHourSets')
    .select(['id', 'centreId', 'validFrom', 'notes', 'version'])
    .where('centreId', '=', centreId)
    .orderBy('validFrom')
    .execute();
  const slots = await slotsOf(
    db,
    sets.map((s) => s.id),
  );
  return sets.map((set) => ({ ...set, slots: slots.get(set.id) ?? [] }));
}

async function slotsOf(db: Db, setIds: number[]) {
  const bySet = new Map<number, HoursSet['slots']>();
  if (setIds.length === 0) return bySet;
  const rows = await db
    .selectFrom('openingSlots')
    .select(['setId', 'weekday', 'fromTime', 'toTime'])
    .where('setId', 'in', setIds)
    .orderBy('weekday')
    .orderBy('fromTime')
    .execute();
  for (const row of rows) {
    const list = bySet.get(row.setId) ?? [];
    list.push({ weekday: row.weekday, from: row.fromTime, to: row.toTime });
    bySet.set(row.setId, list);
  }
  return bySet;
}

/** One hours set, among the sets of these centres. */
export async function findHoursSet(db: Db, id: number, centreIds: number[]): Promise<HoursSet | undefined> {
  const set = await rowInCentres(db, 'openingHourSets', id, centreIds, ['id', 'centreId', 'validFrom', 'notes', 'version']);
  if (!set) return undefined;
  const slots = await slotsOf(db, [id]);
  return { ...set, slots: slots.get(id) ?? [] };
}

export async function hoursSetOnDate(db: Db, centreId: number, validFrom: string) {
  return db
    .selectFrom('openingHourSets')
    .select('id')
    .where('centreId', '=', centreId)
    .where('validFrom', '=', validFrom)
    .executeTakeFirst();
}

/** A new hours set, without its slots; its id. */
export async function insertHoursSet(db: Db, values: Insertable<OpeningHourSetsTable>): Promise<number> {
  const row = await db.insertInto('openingHourSets').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceSlots(db: Db, setId: number, slots: readonly OpeningSlot[]) {
  await db.deleteFrom('openingSlots').where('setId', '=', setId).execute();
  if (slots.length > 0) {
    await db
      .insertInto('openingSlots')
      .values(slots.map((s) => ({ setId, weekday: s.weekday, fromTime: s.from, toTime: s.to })))
      .execute();
  }
}

// --- closures

const CLOSURE_COLUMNS = ['id', 'centreId', 'fromDate', 'toDate', 'reason', 'version'] as const;

type ClosureRow = { id: number; centreId: number; fromDate: string; toDate: string; reason: string; version: number };

const toClosure = (row: ClosureRow): ClosureRecord => ({
  id: row.id,
  centreId: row.centreId,
  from: row.fromDate,
  to: row.toDate,
  reason: row.reason,
  version: row.version,
});

/** The closures of these centres, with their columns: what a list and a closure read. */
function closuresOf(db: Db, centreIds: number[]) {
  return db.selectFrom('closures').select(CLOSURE_COLUMNS).where('centreId', 'in', centreIds);
}

/** The closures of a centre that overlap a period (all of them without one), in date order. */
export async function listClosures(db: Db, centreId: number, period: { from?: string; to?: string } = {}): Promise<ClosureRecord[]> {
  let query = closuresOf(db, [centreId]);
  if (period.from) query = query.where('toDate', '>=', period.from);
  if (period.to) query = query.where('fromDate', '<=', period.to);
  const rows = await query.orderBy('fromDate').orderBy('id').execute();
  return rows.map(toClosure);
}

export async function findClosure(db: Db, id: number, centreIds: number[]): Promise<ClosureRecord | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await closuresOf(db, centreIds).where('id', '=', id).executeTakeFirst();
  return row ? toClosure(row) : undefined;
}

export async function insertClosure(db: Db, values: Insertable<ClosuresTable>): Promise<number> {
  const row = await db.insertInto('closures').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
