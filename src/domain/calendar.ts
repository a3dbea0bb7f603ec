/**
 * The centre's calendar as pure rules: weekly opening hours in sets valid from a date, closures
 * (date ranges), Italian public holidays (Easter Monday included) and the comune's patron day.
 * From them: whether a day is open and when, open days and open hours of any period.
 *
 * Dates are Europe/Rome calendar dates as ISO text (YYYY-MM-DD), times are HH:mm. Weekdays are
 * ISO numbers: 1 Monday … 7 Sunday. Server-side only: the holiday tables are large, the web app
 * gets computed calendars from the API.
 */
import Holidays from 'date-holidays';
import { addDays } from './dates.js';

export { addDays };

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpeningSlot {
  weekday: Weekday;
  /** HH:mm, from included, to excluded. */
  from: string;
  to: string;
}

/** Weekly hours that apply from `validFrom` until the next set's `validFrom`. */
export interface OpeningHoursSet {
  validFrom: string;
  slots: OpeningSlot[];
}

export interface Closure {
  from: string;
  /** Included. */
  to: string;
  reason: string;
}

export interface CentreCalendar {
  hours: OpeningHoursSet[];
  closures: Closure[];
  /** The comune's patron day as MM-DD (San Settimio in Jesi: 09-22), or null. */
  patronDay: string | null;
}

export type ClosedBecause =
  | { kind: 'holiday'; name: string }
  | { kind: 'patron_day' }
  | { kind: 'closure'; reason: string }
  | { kind: 'no_hours' };

export interface Day {
  date: string;
  weekday: Weekday;
  /** The slots of the day, empty when closed. */
  slots: OpeningSlot[];
  closedBecause: ClosedBecause | null;
}

const DAY_MS = 86_400_000;

function utcOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): Weekday {
  const day = new Date(utcOf(date)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = utcOf(from), end = utcOf(to); ms <= end; ms += DAY_MS) dates.push(isoOf(ms));
  return dates;
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const italy = new Holidays('IT');
const holidaysByYear = new Map<number, Map<string, string>>();

/** Italian national public holidays of a year (date → Italian name), Easter Monday included. */
export function italianPublicHolidays(year: number): Map<string, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map(
      italy
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The hours set in force on a date: the one with the latest `validFrom` not after it. */
export function hoursSetOn(hours: readonly OpeningHoursSet[], date: string): OpeningHoursSet | undefined {
  let found: OpeningHoursSet | undefined;
  for (const set of hours) {
    if (set.validFrom <= date && (!found || set.validFrom > found.validFrom)) found = set;
  }
  return found;
}

/** Why the centre is closed on a day that has hours, or null. Holidays first, then the patron day, then closures. */
export function closureOn(calendar: CentreCalendar, date: string): ClosedBecause | null {
  const holiday = italianPublicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return { kind: 'holiday', name: holiday };
  if (calendar.patronDay && date.slice(5) === calendar.patronDay) return { kind: 'patron_day' };
  const closure = calendar.closures.find((c) => c.from <= date && date <= c.to);
  return closure ? { kind: 'closure', reason: closure.reason } : null;
}

/** A day of the calendar: open with its slots, or closed and why. */
export function dayOf(calendar: CentreCalendar, date: string): Day {
  const weekday = weekdayOf(date);
  const slots = (hoursSetOn(calendar.hours, date)?.slots ?? [])
    .filter((s) => s.weekday === weekday)
    .sort((a, b) => a.from.localeCompare(b.from));
  if (slots.length === 0) return { date, weekday, slots: [], closedBecause: { kind: 'no_hours' } };
  const closed = closureOn(calendar, date);
  return closed ? { date, weekday, slots: [], closedBecause: closed } : { date, weekday, slots, closedBecause: null };
}

/** Whether the centre is open at a time of a day (a visit outside this is recorded, but flagged). */
export function isOpenAt(calendar: CentreCalendar, date: string, time: string): boolean {
  const minute = minutesOf(time);
  return dayOf(calendar, date).slots.some((s) => minutesOf(s.from) <= minute && minute < minutesOf(s.to));
}

export interface OpenFigures {
  from: string;
  to: string;
  openDays: number;
  openMinutes: number;
  /** Days that would have been open but for a holiday, the patron day or a closure. */
  closedDays: number;
}

/** Open days and open time over a period (both ends included). */
export function openFigures(calendar: CentreCalendar, from: string, to: string): OpenFigures {
  let openDays = 0;
  let openMinutes = 0;
  let closedDays = 0;
  for (const date of datesBetween(from, to)) {
    const day = dayOf(calendar, date);
    if (day.closedBecause === null) {
      openDays++;
      openMinutes += day.slots.reduce((sum, s) => sum + minutesOf(s.to) - minutesOf(s.from), 0);
    } else if (day.closedBecause.kind !== 'no_hours') {
      closedDays++;
    }
  }
  return { from, to, openDays, openMinutes, closedDays };
}

export function openFiguresOfYear(calendar: CentreCalendar, year: number): OpenFigures {
  return openFigures(calendar, `${year}-01-01`, `${year}-12-31`);
}

export function openFiguresOfMonth(calendar: CentreCalendar, year: number, month: number): OpenFigures {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  return openFigures(calendar, first, last);
}

/** Problems of a set of weekly slots: a slot that ends before it starts, or two that overlap. */
export type SlotProblem =
  | { code: 'hours.slot_ends_before_start'; params: { from: string; to: string } }
  | { code: 'hours.slots_overlap'; params: { weekday: number } };

export function slotProblems(slots: readonly OpeningSlot[]): SlotProblem[] {
  const problems: SlotProblem[] = [];
  for (const s of slots) {
    if (minutesOf(s.to) <= minutesOf(s.from)) problems.push({ code: 'hours.slot_ends_before_start', params: { from: s.from, to: s.to } });
  }
  const byDay = [...slots].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  for (let i = 1; i < byDay.length; i++) {
    const a = byDay[i - 1] as OpeningSlot;
    const b = byDay[i] as OpeningSlot;
    if (a.weekday === b.weekday && minutesOf(b.from) < minutesOf(a.to))
      problems.push({ code: 'hours.slots_overlap', params: { weekday: a.weekday } });
  }
  return problems;
}

/** Days of a period on which the centre would have been open but was closed, and why (not the days without hours). */
export function closedDaysBetween(calendar: CentreCalendar, from: string, to: string): Day[] {
  return datesBetween(from, to)
    .map((date) => dayOf(calendar, date))
    .filter((day) => day.closedBecause !== null && day.closedBecause.kind !== 'no_hours');
}

/** The first hours set that starts after a date: the next change of hours, if one is planned. */
export function nextHoursSet(hours: readonly OpeningHoursSet[], date: string): OpeningHoursSet | undefined {
  let found: OpeningHoursSet | undefined;
  for (const set of hours) {
    if (set.validFrom > date && (!found || set.validFrom < found.validFrom)) found = set;
  }
  return found;
}

/**
 * Whether a moment falls outside the opening hours. Only when an hours set is in force on that
 * day: before the first set the hours are unknown, and nothing is flagged.
 */
export function isOutsideHours(calendar: CentreCalendar, date: string, time: string): boolean {
  return hoursSetOn(calendar.hours, date) !== undefined && !isOpenAt(calendar, date, time);
}

// --- staff contracts

/**
 * A period of a staff member's contract with its weekly time. Periods add up: a new contract
 * ends the old one the day before; extra hours (a project's) are a period of their own.
 */
export interface ContractPeriod {
  from: string;
  /** Included; null while the contract lasts. */
  to: string | null;
  weeklyMinutes: number;
}

/** Weekly minutes in force on a date: the sum of the periods that include it. */
export function weeklyMinutesOn(contracts: readonly ContractPeriod[], date: string): number {
  return contracts.filter((c) => c.from <= date && (c.to === null || date <= c.to)).reduce((sum, c) => sum + c.weeklyMinutes, 0);
}

/**
 * Contracted minutes over a period (both ends included): each day counts a seventh of the
 * weekly time in force, so a change in mid-week counts from its day. Rounded to the minute.
 */
export function contractMinutesBetween(contracts: readonly ContractPeriod[], from: string, to: string): number {
  let total = 0;
  for (const c of contracts) {
    const start = c.from > from ? c.from : from;
    const end = c.to !== null && c.to < to ? c.to : to;
    if (start > end) continue;
    total += ((utcOf(end) - utcOf(start)) / DAY_MS + 1) * (c.weeklyMinutes / 7);
  }
  return Math.round(total);
}

export function contractMinutesOfYear(contracts: readonly ContractPeriod[], year: number): number {
  return contractMinutesBetween(contracts, `${year}-01-01`, `${year}-12-31`);
}
