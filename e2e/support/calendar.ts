/**
 * The centre's calendar as the tests work it out by hand, without the app's code: dates, weekdays,
 * the Italian public holidays that fall on a working day, and the open days and hours of a month
 * under a weekly timetable.
 */

/** yyyy-mm-dd plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every day from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Easter Sunday (the anonymous Gregorian algorithm), yyyy-mm-dd. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** The Italian national public holidays of a year (Easter Sunday, a Sunday, is left out: the centre is closed anyway). */
export function italianHolidays(year: number): string[] {
  return [...FIXED_HOLIDAYS.map((day) => `${year}-${day}`), addDays(easterSunday(year), 1)].sort();
}

export const isHoliday = (date: string) => italianHolidays(Number(date.slice(0, 4))).includes(date);

/** The holiday nearest to `date` that falls on a working day (Monday to Friday). */
export function nearestWorkingDayHoliday(date: string): string {
  const year = Number(date.slice(0, 4));
  const candidates = [year - 1, year, year + 1].flatMap(italianHolidays).filter((d) => weekdayOf(d) <= 5);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(date));
  return candidates.sort((a, b) => distance(a) - distance(b))[0] as string;
}

/** The first day of the month after the one of `date`. */
export function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

export function lastOfMonth(date: string): string {
  return addDays(firstOfNextMonth(date), -1);
}

/** A weekly timetable: ISO weekday → slots as [from, to] ("09:00", "13:00"). */
export type Week = Record<number, Array<[string, string]>>;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const minutesOn = (week: Week, weekday: number) =>
  (week[weekday] ?? []).reduce((sum, [from, to]) => sum + minutesOf(to) - minutesOf(from), 0);

/**
 * Open days, open hours and closed days (days with hours, closed for a holiday or a closure) of
 * a month, under the timetable in force on each day.
 */
export function monthFigures(
  monthStart: string,
  weekOn: (date: string) => Week,
  closures: ReadonlyArray<{ from: string; to: string }> = [],
): { openDays: number; openHours: number; closedDays: number } {
  let openDays = 0;
  let openMinutes = 0;
  let closedDays = 0;
  for (const date of datesBetween(monthStart, lastOfMonth(monthStart))) {
    const minutes = minutesOn(weekOn(date), weekdayOf(date));
    if (minutes === 0) continue;
    if (isHoliday(date) || closures.some((c) => c.from <= date && date <= c.to)) closedDays++;
    else {
      openDays++;
      openMinutes += minutes;
    }
  }
  return { openDays, openHours: openMinutes / 60, closedDays };
}
