/**
 * The home pages (issue 15): which days each figure covers, and the views each role may open.
 * Plain dates in (ISO, Europe/Rome), plain data out. The figures themselves are counted by the
 * report's rules (visits by their snapshot, people in care by domain/care.ts and the report's
 * section builder): this file only says over which days.
 */
import type { CarePeriod } from './care.js';
import { addDays } from './dates.js';
import type { Role } from './permissions.js';

/** Days from `from` to `to`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The views of the home page, from the most to the least detailed: the coordinator's (figures of
 * the year, what needs attention, courses), the operator's (today's visits, their own cases,
 * what is due this week: names), the viewer's (the aggregate figures alone).
 */
export const HOME_VIEWS = ['coordinator', 'operator', 'viewer'] as const;
export type HomeView = (typeof HOME_VIEWS)[number];

/** The views a role may open: its own and those that show less. Administrators see as coordinators. */
const VIEWS_OF: Record<Role, readonly HomeView[]> = {
  admin: ['coordinator', 'operator', 'viewer'],
  coordinator: ['coordinator', 'operator', 'viewer'],
  operator: ['operator', 'viewer'],
  viewer: ['viewer'],
};

export function homeViewsOf(role: Role): readonly HomeView[] {
  return VIEWS_OF[role];
}

/** The view a role opens first: the first of its views. */
export function defaultHomeView(role: Role): HomeView {
  return VIEWS_OF[role][0] as HomeView;
}

/** The year so far: from 1 January to today. */
export function yearSoFar(today: string): DayRange {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The same period of last year: from its 1 January to the same day (29 February, in a year
 * without one, is 28 February).
 */
export function samePeriodLastYear(today: string): DayRange {
  const year = String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
  let to = `${year}${today.slice(4)}`;
  if (today.slice(5) === '02-29') to = `${year}-02-28`;
  return { from: `${year}-01-01`, to };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The week (Monday to Sunday) a day falls in. */
export function weekOf(day: string): DayRange {
  const from = addDays(day, 1 - weekdayOf(day));
  return { from, to: addDays(from, 6) };
}

/**
 * This month by week, up to today: the weeks (Monday to Sunday) that hold a day of the month
 * from its first to today, each cut to the month and to today.
 */
export function weeksOfMonthSoFar(today: string): DayRange[] {
  const first = `${today.slice(0, 7)}-01`;
  const weeks: DayRange[] = [];
  for (let from = first; from <= today; ) {
    const end = weekOf(from).to;
    const to = end < today ? end : today;
    weeks.push({ from, to });
    from = addDays(to, 1);
  }
  return weeks;
}

/** Sums counts by day into the ranges that hold the day (the others are left out). */
export function countByRange(ranges: readonly DayRange[], byDay: ReadonlyArray<{ day: string; n: number }>): number[] {
  return ranges.map((range) => byDay.reduce((sum, d) => (d.day >= range.from && d.day <= range.to ? sum + d.n : sum), 0));
}

/**
 * Case periods as they stood at the end of `day`: those opened after it are not there yet, and a
 * period closed after it was still open. Counting people in care over the days up to `day` with
 * the report's rules then gives the figure of that part of the year.
 */
export function periodsAsOf<P extends CarePeriod>(periods: readonly P[], day: string): P[] {
  return periods.flatMap((p) => (p.openedOn > day ? [] : [p.closedOn !== null && p.closedOn > day ? { ...p, closedOn: null } : p]));
}

/**
 * A centre's member periods split for counting people in care from `since` on (the home page's
 * parts by centre): every period of the people with one open on `since` or later (nobody else can
 * be in care from then on), and of the others only their first opening, all their periods closed
 * before `since`: in care at another centre, those periods only make them not new.
 */
export function splitBySince<P extends CarePeriod & { personKey: number }>(
  periods: readonly P[],
  since: string,
): { periods: P[]; firstOpeningOfOthers: Map<number, string> } {
  const canBeInCare = new Set<number>();
  for (const p of periods) if (p.closedOn === null || p.closedOn >= since) canBeInCare.add(p.personKey);
  const firstOpeningOfOthers = new Map<number, string>();
  for (const p of periods) {
    if (canBeInCare.has(p.personKey)) continue;
    const known = firstOpeningOfOthers.get(p.personKey);
    if (known === undefined || p.openedOn < known) firstOpeningOfOthers.set(p.personKey, p.openedOn);
  }
  return { periods: periods.filter((p) => canBeInCare.has(p.personKey)), firstOpeningOfOthers };
}
