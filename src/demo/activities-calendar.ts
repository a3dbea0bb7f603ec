/**
 * The calendar the generator gives a centre, like Jesi's in 2024: opening hours with a change on
 * 15 October of the last full year (Tuesday afternoon closed), the year's closures, the patron day.
 */
import { type CentreCalendar, type Closure, dayOf, type OpeningSlot } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import { loadCentreCalendar } from '../modules/calendar/calendar.repository.js';
import type { ActivitiesRun } from './activities-writers.js';

/** Patron days by the comune's ISTAT code (MM-DD). Jesi: San Settimio, 22 September. Others are left unset. */
export const PATRON_DAYS: Readonly<Record<string, string>> = { '042021': '09-22' };

const MORNING = { from: '09:00', to: '12:00' } as const;
const AFTERNOON = { from: '15:00', to: '18:00' } as const;

/** The Jesi hours before the change: mornings Monday to Friday but Thursday, afternoons Tuesday and Thursday. */
export const HOURS_BEFORE: readonly OpeningSlot[] = [
  { weekday: 1, ...MORNING },
  { weekday: 2, ...MORNING },
  { weekday: 2, ...AFTERNOON },
  { weekday: 3, ...MORNING },
  { weekday: 4, ...AFTERNOON },
  { weekday: 5, ...MORNING },
];
/** From 15 October: Tuesday afternoon closed. */
export const HOURS_AFTER: readonly OpeningSlot[] = HOURS_BEFORE.filter((s) => !(s.weekday === 2 && s.from === AFTERNOON.from));

/** The last year wholly inside the data set, or null. */
export function lastFullYear(startDate: string, endDate: string): number | null {
  const year = Number(endDate.slice(0, 4)) - (endDate.slice(5) === '12-31' ? 0 : 1);
  return `${year}-01-01` >= startDate ? year : null;
}

/** The closures of a year, like Jesi's: 2–5 January, 5–23 August (three weeks), 24–27 and 31 December. */
export function closuresOfYear(year: number): Closure[] {
  return [
    { from: `${year}-01-02`, to: `${year}-01-05`, reason: 'Chiusura invernale' },
    { from: `${year}-08-05`, to: `${year}-08-23`, reason: 'Chiusura estiva' },
    { from: `${year}-12-24`, to: `${year}-12-27`, reason: 'Chiusura natalizia' },
    { from: `${year}-12-31`, to: `${year}-12-31`, reason: 'Chiusura di fine anno' },
  ];
}

/**
 * The calendar the generator gives a centre without one: the hours from 1 January of the data
 * set's first year, the change on 15 October of the last full year (if any), every year's closures.
 */
export function generatedCalendar(startDate: string, endDate: string, patronDay: string | null): CentreCalendar {
  const first = Number(startDate.slice(0, 4));
  const last = Number(endDate.slice(0, 4));
  const full = lastFullYear(startDate, endDate);
  const hours = [{ validFrom: `${first}-01-01`, slots: [...HOURS_BEFORE] }];
  if (full !== null) hours.push({ validFrom: `${full}-10-15`, slots: [...HOURS_AFTER] });
  const closures: Closure[] = [];
  for (let year = first; year <= last; year++) closures.push(...closuresOfYear(year));
  return { hours, closures, patronDay };
}

/** The first open day (desk hours, no closure) from `date`, within `days`; null if none. */
export function openDayFrom(calendar: CentreCalendar, date: string, days = 7): string | null {
  for (let i = 0; i < days; i++) {
    const day = addDays(date, i);
    if (dayOf(calendar, day).closedBecause === null) return day;
  }
  return null;
}

/**
 * The centre's calendar: its own if it has hours already, else the generated one, written (and
 * the patron day of its comune, if it has none).
 */
export async function centreCalendar(
  run: ActivitiesRun,
  centreId: number,
  centreRow: { comuneIstat: string | null; patronDay: string | null },
): Promise<CentreCalendar> {
  const { session, startDate, endDate, stamp, writers, ids, counts } = run;
  let patronDay = centreRow.patronDay;
  if (patronDay === null && centreRow.comuneIstat && PATRON_DAYS[centreRow.comuneIstat]) {
    patronDay = PATRON_DAYS[centreRow.comuneIstat] as string;
    await (await session.connection()).updateTable('centres').set({ patronDay }).where('id', '=', centreId).execute();
    counts.patronDays++;
  }
  let calendar = await loadCentreCalendar(await session.connection(), centreId);
  calendar.patronDay = patronDay;
  if (calendar.hours.length === 0) {
    const existingClosures = calendar.closures;
    calendar = generatedCalendar(startDate, endDate, patronDay);
    for (const [i, set] of calendar.hours.entries()) {
      const setId = ++ids.set;
      await writers.sets.add(
        setId,
        centreId,
        set.validFrom,
        i === 0 ? null : 'Chiuso il martedì pomeriggio, per garantire la presenza delle operatrici in tutti gli orari di apertura',
        stamp,
        stamp,
        1,
      );
      for (const slot of set.slots) await writers.slots.add(setId, slot.weekday, slot.from, slot.to);
      counts.hoursSets++;
    }
    if (existingClosures.length === 0) {
      for (const closure of calendar.closures) {
        await writers.closures.add(centreId, closure.from, closure.to, closure.reason, stamp, stamp, 1);
        counts.closures++;
      }
    } else {
      calendar.closures = existingClosures;
    }
  }
  return calendar;
}
