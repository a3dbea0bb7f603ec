/**
 * The open days and hours of a centre, computed from its hours sets, closures and patron day
 * (src/domain/calendar.ts): for the calendar page, the desk's warning and the annual report.
 */
import type { Kysely } from 'kysely';
import type { CalendarDay, CalendarFigures } from '../../contracts/calendar.js';
import type { Database } from '../../db/schema.js';
import {
  addDays,
  type CentreCalendar,
  closedDaysBetween,
  type Day,
  datesBetween,
  dayOf,
  hoursSetOn,
  openFigures,
  openFiguresOfMonth,
} from '../../domain/calendar.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import { loadCentreCalendar } from './calendar.repository.js';

type Db = Kysely<Database>;

function toCalendarDay(calendar: CentreCalendar, day: Day): CalendarDay {
  return { ...day, hoursKnown: hoursSetOn(calendar.hours, day.date) !== undefined };
}

/** Every day of a period, open with its slots or closed and why. */
export async function calendarDays(db: Db, centreId: number, from: string, to: string): Promise<CalendarDay[]> {
  const calendar = await loadCentreCalendar(db, centreId);
  return datesBetween(from, to).map((date) => toCalendarDay(calendar, dayOf(calendar, date)));
}

export async function calendarDaysFor(db: Db, actor: Actor, query: { centreId?: number; from: string; to: string }) {
  return calendarDays(db, targetCentre(actor, query.centreId), query.from, query.to);
}

/**
 * Open days, open minutes and closed days of a centre for a year (month by month) or one month,
 * with the list of the days closed and why. For the calendar page and the annual report.
 */
export async function calendarFigures(db: Db, centreId: number, year: number, month?: number): Promise<CalendarFigures> {
  const calendar = await loadCentreCalendar(db, centreId);
  const months = (month ? [month] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).map((m) => {
    const { openDays, openMinutes, closedDays } = openFiguresOfMonth(calendar, year, m);
    return { month: m, openDays, openMinutes, closedDays };
  });
  const from = month ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`;
  const to = month ? addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1) : `${year}-12-31`;
  const { openDays, openMinutes, closedDays } = openFigures(calendar, from, to);
  return {
    centreId,
    year,
    month: month ?? null,
    from,
    to,
    openDays,
    openMinutes,
    closedDays,
    months,
    closed: closedDaysBetween(calendar, from, to).map((day) => toCalendarDay(calendar, day)),
  };
}

export async function calendarFiguresFor(db: Db, actor: Actor, query: { centreId?: number; year: number; month?: number }) {
  return calendarFigures(db, targetCentre(actor, query.centreId), query.year, query.month);
}
