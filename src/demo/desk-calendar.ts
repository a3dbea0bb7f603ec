/**
 * When the desk is open over the data set, and the minutes visits are drawn in: the generator's
 * own view of the opening hours (profiles.ts), not the centre's stored calendar.
 */
import { romeTimeOf, todayInRome } from '../domain/dates.js';
import { addDays, isClosedDay, isoWeekday, openingSlots } from './profiles.js';
import type { Rng } from './random.js';

/** The open days of the desk between two dates, with their opening slots (minutes from midnight, [start, end)). */
export interface DeskCalendar {
  readonly days: readonly string[];
  readonly slots: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/**
 * Open days from `startDate` to `endDate` (Europe/Rome dates). Nothing is placed after `now`:
 * on today's date only the slots already begun count, and later dates are dropped.
 */
export function deskCalendar(startDate: string, endDate: string, now: Date = new Date()): DeskCalendar {
  const today = todayInRome(now);
  const last = endDate < today ? endDate : today;
  const nowMinute = minutesOf(romeTimeOf(now));
  const days: string[] = [];
  const slots: Array<ReadonlyArray<readonly [number, number]>> = [];
  for (let date = startDate; date <= last; date = addDays(date, 1)) {
    if (isClosedDay(date)) continue;
    let open = openingSlots(date, isoWeekday(date));
    if (date === today) {
      open = open.filter(([start]) => start <= nowMinute).map(([start, end]) => [start, Math.min(end, nowMinute + 1)] as const);
    }
    if (open.length === 0) continue;
    days.push(date);
    slots.push(open);
  }
  return { days, slots };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function clockTimeOf(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** A minute inside the slots, leaving the last 5 minutes of each slot free. */
export function drawMinute(rng: Rng, slots: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (const [start, end] of slots) total += Math.max(1, end - start - 5);
  let at = Math.floor(rng.float() * total);
  for (const [start, end] of slots) {
    const width = Math.max(1, end - start - 5);
    if (at < width) return start + at;
    at -= width;
  }
  const lastSlot = slots[slots.length - 1] as readonly [number, number];
  return lastSlot[0];
}
