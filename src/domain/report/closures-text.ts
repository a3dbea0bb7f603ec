/**
 * The closures of a year as the report writes them: "Chiusure: il Centro è stato chiuso una
 * settimana a gennaio (dal 2 al 5 gennaio), tre settimane ad agosto (dal 5 al 23 agosto) e
 * 5 giorni a dicembre (dal 24 al 27 e il 31 dicembre)."
 *
 * The closures are grouped by the month they start in (clipped to the year). A month's
 * closures that cover whole working weeks (every Monday to Friday of the weeks they touch is
 * closed or a public holiday) are counted in weeks; otherwise in working days (Monday to
 * Friday) of the closures.
 */
import { datesBetween, italianPublicHolidays, weekdayOf } from '../calendar.js';
import { addDays } from '../dates.js';
import { countWord, dayOfMonth, fromDay, inMonth, italianList, monthName, monthOf, onDay, toDay } from './italian.js';

export interface ClosureRange {
  from: string;
  /** Included. */
  to: string;
}

/** The closures clipped to the year, in date order, those outside it dropped. */
export function closuresInYear<T extends ClosureRange>(closures: readonly T[], year: number): T[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return closures
    .filter((c) => c.from <= last && c.to >= first)
    .map((c) => ({ ...c, from: c.from < first ? first : c.from, to: c.to > last ? last : c.to }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

const isWorkingDay = (date: string) => weekdayOf(date) <= 5;

/** "dal 2 al 5" (same month), "il 31", or in full across months: "dal 30 aprile al 3 maggio". */
function rangeText(range: ClosureRange, month: number): { text: string; short: boolean } {
  const sameMonth = monthOf(range.from) === month && monthOf(range.to) === month;
  if (range.from === range.to) return { text: onDay(dayOfMonth(range.from)), short: true };
  if (sameMonth) return { text: `${fromDay(dayOfMonth(range.from))} ${toDay(dayOfMonth(range.to))}`, short: true };
  return {
    text: `${fromDay(dayOfMonth(range.from))} ${monthName(monthOf(range.from))} ${toDay(dayOfMonth(range.to))} ${monthName(monthOf(range.to))}`,
    short: false,
  };
}

/** "dal 24 al 27 e il 31 dicembre". */
export function rangesText(ranges: readonly ClosureRange[], month: number): string {
  const parts = ranges.map((r) => rangeText(r, month));
  if (parts.every((p) => p.short)) return `${italianList(parts.map((p) => p.text))} ${monthName(month)}`;
  return italianList(
    ranges.map((r) => (r.from === r.to ? `${onDay(dayOfMonth(r.from))} ${monthName(monthOf(r.from))}` : rangeText(r, 0).text)),
  );
}

/** "una settimana", "tre settimane", "5 giorni", "un giorno". */
export function durationText(ranges: readonly ClosureRange[], year: number): string {
  const closed = new Set(ranges.flatMap((r) => datesBetween(r.from, r.to)));
  const working = [...closed].filter(isWorkingDay);
  const holidays = italianPublicHolidays(year);
  const mondays = new Set(working.map((date) => addDays(date, 1 - weekdayOf(date))));
  const wholeWeeks =
    mondays.size > 0 &&
    [...mondays].every((monday) =>
      [0, 1, 2, 3, 4]
        .map((i) => addDays(monday, i))
        .filter((date) => date.startsWith(`${year}-`))
        .every((date) => closed.has(date) || holidays.has(date)),
    );
  if (wholeWeeks) return mondays.size === 1 ? 'una settimana' : `${countWord(mondays.size, 'f')} settimane`;
  return working.length === 1 ? 'un giorno' : `${working.length} giorni`;
}

export interface MonthClosures {
  month: number;
  ranges: ClosureRange[];
  /** "tre settimane ad agosto (dal 5 al 23 agosto)". */
  text: string;
}

/** The year's closures grouped by the month they start in, each described. */
export function closuresByMonth(closures: readonly ClosureRange[], year: number): MonthClosures[] {
  const groups = new Map<number, ClosureRange[]>();
  for (const range of closuresInYear(closures, year)) {
    const month = monthOf(range.from);
    groups.set(month, [...(groups.get(month) ?? []), { from: range.from, to: range.to }]);
  }
  return [...groups].map(([month, ranges]) => ({
    month,
    ranges,
    text: `${durationText(ranges, year)} ${inMonth(month)} (${rangesText(ranges, month)})`,
  }));
}

/** The sentence of the report's first section. */
export function closuresSentence(closures: readonly ClosureRange[], year: number): string {
  const months = closuresByMonth(closures, year);
  if (months.length === 0) return `Chiusure: nel ${year} il Centro non ha avuto chiusure oltre alle festività.`;
  return `Chiusure: il Centro è stato chiuso ${italianList(months.map((m) => m.text))}.`;
}
