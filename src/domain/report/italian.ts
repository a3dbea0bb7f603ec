/**
 * Small pieces of Italian the report's drafts are written with: dates without the year
 * ("15 ottobre", "15/10"), the elided prepositions before 8 and 11 ("dall'8", "all'11"),
 * lists ("a, b e c"), counts in words ("tre settimane") and hours ("9 - 12", "9:30 - 11").
 */

const DAY_MONTH = new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', day: 'numeric', month: 'long' });
const LIST = new Intl.ListFormat('it', { style: 'long', type: 'conjunction' });

const utcNoon = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
};

export const MONTH_NAMES = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
] as const;

/** The weekdays by ISO number less one: "lunedì" first. */
export const WEEKDAY_NAMES = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'] as const;

/** The month of an ISO date, 1–12. */
export const monthOf = (isoDate: string) => Number(isoDate.slice(5, 7));
export const dayOfMonth = (isoDate: string) => Number(isoDate.slice(8, 10));

/** "gennaio" for 1. */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`No month ${month}`);
  return name;
}

/** "a gennaio", "ad aprile", "ad agosto" (the euphonic d before the same vowel). */
export function inMonth(month: number): string {
  const name = monthName(month);
  return name.startsWith('a') ? `ad ${name}` : `a ${name}`;
}

/** "15 ottobre": a date of the report's year, written without it. */
export function dayMonth(isoDate: string): string {
  return DAY_MONTH.format(utcNoon(isoDate));
}

/** "15/10". */
export function shortDayMonth(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}`;
}

/** "15/10/2024". */
export function shortDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** Before 8 and 11 the article elides: "dall'8", "all'11", "l'8". */
const elides = (day: number) => day === 8 || day === 11;
export const fromDay = (day: number) => (elides(day) ? `dall'${day}` : `dal ${day}`);
export const toDay = (day: number) => (elides(day) ? `all'${day}` : `al ${day}`);
export const onDay = (day: number) => (elides(day) ? `l'${day}` : `il ${day}`);

/** "dal 15 ottobre", "dall'8 marzo". */
export const fromDate = (isoDate: string) => `${fromDay(dayOfMonth(isoDate))} ${monthName(monthOf(isoDate))}`;

/** "a, b e c". */
export function italianList(items: readonly string[]): string {
  return LIST.format(items);
}

const FEMININE_WORDS = ['zero', 'una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'];
const MASCULINE_WORDS = ['zero', 'un', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'];

/** A count in words up to ten, digits after: "una" (settimana), "tre" (corsi), "12". */
export function countWord(count: number, gender: 'f' | 'm'): string {
  const words = gender === 'f' ? FEMININE_WORDS : MASCULINE_WORDS;
  return Number.isInteger(count) && count >= 0 && count < words.length ? (words[count] as string) : String(count);
}

/** "3 corsi", "1 corso": singular or plural by the count. */
export const counted = (count: number, singular: string, plural: string) => `${count} ${count === 1 ? singular : plural}`;

/** "09:00" → "9", "09:30" → "9:30". */
export function plainTime(time: string): string {
  const [hours, minutes] = time.split(':') as [string, string];
  return minutes === '00' ? String(Number(hours)) : `${Number(hours)}:${minutes}`;
}

const NUMBER = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
/** "1.234,5": a number as the report writes it in a sentence. */
export const italianNumber = (value: number) => NUMBER.format(value);

/** "dal 10 gennaio al 24 aprile", the years written when the period is not within `year`. */
export function periodText(from: string, to: string, year: number): string {
  const withYear = (date: string) => (Number(date.slice(0, 4)) === year ? '' : ` ${date.slice(0, 4)}`);
  if (from.slice(0, 7) === to.slice(0, 7) && withYear(from) === '') {
    return `${fromDay(dayOfMonth(from))} ${toDay(dayOfMonth(to))} ${monthName(monthOf(to))}`;
  }
  return `${fromDate(from)}${withYear(from)} ${toDay(dayOfMonth(to))} ${monthName(monthOf(to))}${withYear(to)}`;
}
