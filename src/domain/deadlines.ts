/**
 * Residence-permit deadlines (Scadenze): which permits the centre must look at, and how many
 * days each has left. Calendar arithmetic on ISO dates (YYYY-MM-DD) in Europe/Rome: a date has
 * no time of day, so days are counted on UTC midnights and daylight saving never shifts them.
 */
import { addDays, todayInRome } from './dates.js';

export const RENEWAL_STATUSES = ['none', 'to_renew', 'requested', 'renewed', 'refused'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/**
 * The renewal statuses the Scadenze page lists. A renewed permit has been replaced (its
 * successor is the one to watch) and a refused renewal has closed the procedure (what follows
 * is legal work, followed in the person's case): marking either takes the permit off the list,
 * which is how operators clear it. A renewal requested (the ricevuta in hand) stays listed: the
 * person still waits for the new permit, and the page shows the status beside it.
 */
export const LISTED_RENEWAL_STATUSES: readonly RenewalStatus[] = ['none', 'to_renew', 'requested'];

export const DEFAULT_WITHIN_DAYS = 60;
export const MIN_WITHIN_DAYS = 1;
export const MAX_WITHIN_DAYS = 365;

const DAY_MS = 86_400_000;

function epochDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export { addDays };

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Days a permit has left on `today`: 0 on its last valid day, negative once expired. */
export function daysLeft(expiresOn: string, today: string): number {
  return daysBetween(today, expiresOn);
}

/**
 * The window of the Scadenze page: a permit is *expiring* when it expires between today and
 * `until` (both included: one expiring today is still valid today), and *expired* before today.
 */
export interface DeadlineWindow {
  today: string;
  until: string;
  withinDays: number;
}

export function deadlineWindow(withinDays: number = DEFAULT_WITHIN_DAYS, now: Date = new Date()): DeadlineWindow {
  if (!Number.isInteger(withinDays) || withinDays < MIN_WITHIN_DAYS || withinDays > MAX_WITHIN_DAYS) {
    throw new RangeError(`withinDays must be a whole number from ${MIN_WITHIN_DAYS} to ${MAX_WITHIN_DAYS}`);
  }
  const today = todayInRome(now);
  return { today, until: addDays(today, withinDays), withinDays };
}

export type ExpiryState = 'expired' | 'expiring' | 'valid' | 'no_expiry';

/** Where an expiry date stands on `today`, for highlighting it. */
export function expiryState(expiresOn: string | null, today: string, withinDays: number = DEFAULT_WITHIN_DAYS): ExpiryState {
  if (!expiresOn) return 'no_expiry';
  const left = daysLeft(expiresOn, today);
  if (left < 0) return 'expired';
  return left <= withinDays ? 'expiring' : 'valid';
}
