/**
 * Calendar dates of the centre. Everything the desk calls "today" or "the date of a visit"
 * is a date in Europe/Rome, kept as ISO text (YYYY-MM-DD) so that both databases compare it
 * the same way.
 */
import { TZDate } from '@date-fns/tz';
import { format, isValid, parseISO } from 'date-fns';

export const CENTRE_TIME_ZONE = 'Europe/Rome';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** The date in Europe/Rome of an instant. */
export function romeDateOf(instant: Date): string {
  return format(new TZDate(instant.getTime(), CENTRE_TIME_ZONE), 'yyyy-MM-dd');
}

/** The wall-clock time (HH:mm) in Europe/Rome of an instant. */
export function romeTimeOf(instant: Date): string {
  return format(new TZDate(instant.getTime(), CENTRE_TIME_ZONE), 'HH:mm');
}

export function todayInRome(now: Date = new Date()): string {
  return romeDateOf(now);
}

/** The instant of a wall-clock date and time in Europe/Rome. */
export function romeInstant(isoDate: string, time: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, 0, CENTRE_TIME_ZONE).getTime());
}

export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years between a birth date and a date, both ISO. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

export function ageBandOn(birthDate: string | null | undefined, onDate: string): AgeBand {
  if (!birthDate) return 'unknown';
  const age = ageOn(birthDate, onDate);
  if (age < 0) return 'unknown';
  if (age < 18) return '0-17';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 65) return '45-64';
  return '65+';
}
