/**
 * The opening hours of a year as the report's table: a row per weekday (LUNEDÌ … VENERDÌ, the
 * weekend only when it has hours), a cell for the morning and one for the afternoon, and, when
 * the hours changed during the year, each value with the dates it applied: "15 - 18 fino al
 * 15/10 chiuso dal 15/10" (the reference report's wording: "fino al" names the day the next
 * hours start). And the draft of the change: "L'orario del Centro ha subito una variazione a
 * partire dal 15 ottobre: chiusura del martedì pomeriggio (prima 15 - 18)."
 */
import { minutesOf } from '../calendar.js';
import { fromDate, italianList, plainTime, shortDayMonth, WEEKDAY_NAMES } from './italian.js';

export interface YearHoursSet {
  validFrom: string;
  /** The last day it applied, null while it still does. */
  validTo: string | null;
  slots: ReadonlyArray<{ weekday: number; from: string; to: string }>;
}

export type HalfDay = 'morning' | 'afternoon';
export const HALF_DAYS: readonly HalfDay[] = ['morning', 'afternoon'];
export const HALF_DAY_LABELS: Record<HalfDay, string> = { morning: 'MATTINA', afternoon: 'POMERIGGIO' };
const HALF_DAY_WORDS: Record<HalfDay, string> = { morning: 'mattina', afternoon: 'pomeriggio' };

export const WEEKDAY_LABELS = ['LUNEDÌ', 'MARTEDÌ', 'MERCOLEDÌ', 'GIOVEDÌ', 'VENERDÌ', 'SABATO', 'DOMENICA'] as const;
const WEEKDAY_WITH_ARTICLE = ['del lunedì', 'del martedì', 'del mercoledì', 'del giovedì', 'del venerdì', 'del sabato', 'della domenica'];

export const CLOSED = 'chiuso';

/** A slot starting before 13:00 is of the morning. */
export const halfOf = (slot: { from: string }): HalfDay => (minutesOf(slot.from) < 13 * 60 ? 'morning' : 'afternoon');

/** "9 - 12", "9 - 11 e 11:30 - 13", or "chiuso". */
export function halfDayText(set: Pick<YearHoursSet, 'slots'>, weekday: number, half: HalfDay): string {
  const slots = set.slots
    .filter((s) => s.weekday === weekday && halfOf(s) === half)
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((s) => `${plainTime(s.from)} - ${plainTime(s.to)}`);
  return slots.length === 0 ? CLOSED : slots.join(' e ');
}

export interface HoursRow {
  weekday: number;
  label: string;
  morning: string;
  afternoon: string;
}

/** The sets in date order, a set that starts when the one before ended and is the same counted once. */
function segments(sets: readonly YearHoursSet[], weekday: number, half: HalfDay) {
  const merged: Array<{ from: string; text: string }> = [];
  for (const set of [...sets].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) {
    const text = halfDayText(set, weekday, half);
    if (merged.at(-1)?.text !== text) merged.push({ from: set.validFrom, text });
  }
  return merged;
}

/** The value of a cell over the year, with "fino al" / "dal" when it changed. */
function cellText(sets: readonly YearHoursSet[], weekday: number, half: HalfDay, year: number): string {
  const parts = segments(sets, weekday, half);
  if (parts.length === 0) return CLOSED;
  const firstDay = `${year}-01-01`;
  return parts
    .map((part, i) => {
      const next = parts[i + 1];
      const since = i > 0 || part.from > firstDay ? ` dal ${shortDayMonth(part.from)}` : '';
      const until = next ? ` fino al ${shortDayMonth(next.from)}` : '';
      return `${part.text}${since}${until}`;
    })
    .join(' ');
}

/** The table's rows: Monday to Friday always, Saturday and Sunday when some set opens them. */
export function hoursTableRows(sets: readonly YearHoursSet[], year: number): HoursRow[] {
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((w) => w <= 5 || sets.some((set) => set.slots.some((s) => s.weekday === w)));
  return weekdays.map((weekday) => ({
    weekday,
    label: WEEKDAY_LABELS[weekday - 1] as string,
    morning: cellText(sets, weekday, 'morning', year),
    afternoon: cellText(sets, weekday, 'afternoon', year),
  }));
}

/** What one change of hours changed: "chiusura del martedì pomeriggio (prima 15 - 18)". */
export function changesBetween(before: Pick<YearHoursSet, 'slots'>, after: Pick<YearHoursSet, 'slots'>): string[] {
  const changes: string[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const half of HALF_DAYS) {
      const old = halfDayText(before, weekday, half);
      const now = halfDayText(after, weekday, half);
      if (old === now) continue;
      const when = `${WEEKDAY_WITH_ARTICLE[weekday - 1]} ${HALF_DAY_WORDS[half]}`;
      if (now === CLOSED) changes.push(`chiusura ${when} (prima ${old})`);
      else if (old === CLOSED) changes.push(`apertura ${when} (${now})`);
      else changes.push(`${WEEKDAY_NAMES[weekday - 1]} ${HALF_DAY_WORDS[half]} ${now} (prima ${old})`);
    }
  }
  return changes;
}

/** The draft of the change of hours in the year, one sentence per change. */
export function hoursChangeText(sets: readonly YearHoursSet[], year: number): string {
  const sorted = [...sets].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  if (sorted.length === 0) return `Per il ${year} non è registrato un orario di apertura.`;
  const sentences: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const set = sorted[i] as YearHoursSet;
    const changes = changesBetween(sorted[i - 1] as YearHoursSet, set);
    if (changes.length === 0) continue;
    sentences.push(`L'orario del Centro ha subito una variazione a partire ${fromDate(set.validFrom)}: ${italianList(changes)}.`);
  }
  return sentences.length > 0 ? sentences.join('\n\n') : `Nel ${year} l'orario di apertura non è cambiato.`;
}
