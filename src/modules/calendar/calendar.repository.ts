import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CentreCalendar, Weekday } from '../../domain/calendar.js';

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
