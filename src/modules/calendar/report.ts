/**
 * What the annual report (issue 5) takes from the calendar, the staff and the projects of a
 * centre and a year: every figure computed from the records, none typed.
 */
import type { Kysely } from 'kysely';
import type { CalendarFigures, ClosureRecord } from '../../contracts/calendar.js';
import type { Database } from '../../db/schema.js';
import { addDays } from '../../domain/calendar.js';
import { listClosures, listHoursSets } from './calendar.repository.js';
import { calendarFigures } from './days.usecases.js';

export { calendarFigures } from './days.usecases.js';
export { projectsOfYear } from './projects.usecases.js';
export { staffOfCentre, staffOfYear } from './staff.usecases.js';

export interface CalendarOfYear {
  /** Open days and hours, month by month, and the days closed with why (holidays, patron day, closures). */
  figures: CalendarFigures;
  /** The hours sets in force at some moment of the year, each with the last day it applied (null: still). */
  hours: Array<{ validFrom: string; validTo: string | null; slots: Array<{ weekday: number; from: string; to: string }> }>;
  /** The closures that overlap the year, as entered. */
  closures: ClosureRecord[];
}

/** The centre's calendar of a year: figures, the opening hours with their changes, the closures. */
export async function calendarOfYear(db: Kysely<Database>, centreId: number, year: number): Promise<CalendarOfYear> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const sets = await listHoursSets(db, centreId);
  const hours = sets
    .map((set, i) => ({
      validFrom: set.validFrom,
      validTo: sets[i + 1] ? addDays((sets[i + 1] as { validFrom: string }).validFrom, -1) : null,
      slots: set.slots,
    }))
    .filter((set) => set.validFrom <= last && (set.validTo === null || set.validTo >= first));
  return {
    figures: await calendarFigures(db, centreId, year),
    hours,
    closures: await listClosures(db, centreId, { from: first, to: last }),
  };
}
