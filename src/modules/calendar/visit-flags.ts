import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type CentreCalendar, isOutsideHours } from '../../domain/calendar.js';
import { loadCentreCalendar } from './calendar.repository.js';

/**
 * Visits with `outsideOpeningHours`: recorded at a time when their centre was closed (a
 * catch-up, allowed but flagged). Computed on read, never when recording (the desk's hot
 * path); each centre's calendar is loaded once.
 */
export async function withOpeningFlags<T extends { centreId: number; date: string; time: string }>(
  db: Kysely<Database>,
  visits: T[],
): Promise<Array<T & { outsideOpeningHours: boolean }>> {
  const calendars = new Map<number, CentreCalendar>();
  for (const centreId of new Set(visits.map((v) => v.centreId))) calendars.set(centreId, await loadCentreCalendar(db, centreId));
  return visits.map((visit) => {
    const calendar = calendars.get(visit.centreId) as CentreCalendar;
    return { ...visit, outsideOpeningHours: isOutsideHours(calendar, visit.date, visit.time) };
  });
}
