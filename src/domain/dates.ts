/**
 * Calendar dates of the centre. Everything the desk calls "today" or "the date of a visit"
 * is a date in Europe/Rome, kept as ISO text (YYYY-MM-DD) so that both databases compare it
 * the same way.
 */
import { format, isValid, parseISO } from 'date-fns';

export const CENTRE_TIME_ZONE = 'Europe/Rome';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

// Rome's offset from UTC changes only on the hour (UTC), at most once a UTC day (at 01:00, twice
// a year), so it is asked of the platform's time-zone database at a day's first and last hours
// and remembered: the day's hours share it unless the two differ (then each hour is asked). An
// import of two years of visits asks ~1,500 times instead of ~15,000; Intl's formatToParts costs
// tens of microseconds a call.
const ROME_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: CENTRE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const HOUR_MS = 3_600_000;
/** A UTC day's offset when its hours share one, else null (then asked by the hour). */
const offsetByDay = new Map<number, number | null>();
const offsetByHour = new Map<number, number>();

/** The offset at the start of an hour (UTC), asked of Intl. */
function askOffset(hour: number): number {
  const parts: Record<string, number> = {};
  for (const part of ROME_WALL_CLOCK.formatToParts(new Date(hour * HOUR_MS))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - hour * HOUR_MS) / 60_000);
}

/** Minutes Rome is ahead of UTC at an instant (60 in winter, 120 in summer). */
function romeOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const day = Math.floor(hour / 24);
  let dayOffset = offsetByDay.get(day);
  if (dayOffset === undefined) {
    const first = askOffset(day * 24);
    dayOffset = first === askOffset(day * 24 + 23) ? first : null;
    if (offsetByDay.size > 50_000) offsetByDay.clear();
    offsetByDay.set(day, dayOffset);
  }
  if (dayOffset !== null) return dayOffset;
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = askOffset(hour);
    if (offsetByHour.size > 50_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function romeWallClock(instant: Date): WallClock {
  const shifted = new Date(instant.getTime() + romeOffsetMinutes(instant.getTime()) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date `days` after (or before, when negative) an ISO date: no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The date in Europe/Rome of an instant. */
export function romeDateOf(instant: Date): string {
  const w = romeWallClock(instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The wall-clock time (HH:mm) in Europe/Rome of an instant. */
export function romeTimeOf(instant: Date): string {
  const w = romeWallClock(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

export function todayInRome(now: Date = new Date()): string {
  return romeDateOf(now);
}

/**
 * The instant of a wall-clock date and time in Europe/Rome. In the repeated hour at the end of
 * October the first (summer-time) instant is taken; a time skipped in March moves forward an hour.
 */
export function romeInstant(isoDate: string, time: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Try the offset of the hours around: the earlier one first, so the repeated hour resolves to summer time.
  const offsets = [romeOffsetMinutes(asUtc - 3 * 3_600_000), romeOffsetMinutes(asUtc + 3 * 3_600_000)].sort((a, b) => b - a);
  for (const offset of offsets) {
    const candidate = asUtc - offset * 60_000;
    if (romeOffsetMinutes(candidate) === offset) return new Date(candidate);
  }
  // In the skipped hour no offset fits: read the wall time with the offset before the change.
  return new Date(asUtc - (offsets[1] as number) * 60_000);
}

export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years between a birth date and a date, both ISO. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Month and day as text ("MM-DD"): zero-padded, they compare as they count (an import asks this a row).
  return onDate.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
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
