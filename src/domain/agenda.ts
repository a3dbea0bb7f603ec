/**
 * The agenda beside the centre's calendar (lessons, events, network meetings, the lawyer's
 * sessions): when an activity ends, and in which order a day's activities are told.
 */
import { minutesOf } from './calendar.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The clock time `minutes` after `time` (HH:MM); an activity that would run past midnight ends at 23:59. */
export function addMinutes(time: string, minutes: number): string {
  const end = Math.min(minutesOf(time) + Math.max(0, minutes), 23 * 60 + 59);
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** The order of the kinds on a day with the same time (or none). */
const KIND_ORDER: Record<string, number> = { lesson: 0, event: 1, network_meeting: 2, legal_consultation: 3 };

interface Dated {
  kind: string;
  id: number;
  date: string;
  startTime: string | null;
}

/**
 * The activities in the order a day is read: by date, then those without a time (a meeting, a
 * consultation: all day) before those with one, by time, then by kind and id (a stable order).
 */
export function agendaOrder<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
      a.id - b.id,
  );
}

/** The activities by date, each day's in agendaOrder. */
export function agendaByDate<T extends Dated>(entries: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const entry of agendaOrder(entries)) {
    const day = days.get(entry.date);
    if (day) day.push(entry);
    else days.set(entry.date, [entry]);
  }
  return days;
}
