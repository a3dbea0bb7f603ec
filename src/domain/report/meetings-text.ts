/**
 * How often a course met, said from the lessons actually held, never from its declared weekly
 * pattern: "20 incontri in 23 settimane, circa uno a settimana (lunedì o martedì) dalle 9:30
 * alle 11:00". A pattern of five days a week says nothing of a course held 20 times in 23 weeks
 * (holidays, closures, lessons cancelled or moved); the lessons held say what happened.
 */
import { weekdayOf } from '../calendar.js';
import { daysBetween } from '../deadlines.js';
import { italianTimeRange } from '../events.js';
import { countWord, WEEKDAY_NAMES } from './italian.js';

export interface HeldLesson {
  /** ISO date. */
  date: string;
  /** "09:30". */
  startTime: string;
  minutes: number;
}

/** The calendar weeks (Monday to Sunday) from the week of `first` to the week of `last`, both counted. */
export function weeksSpanned(first: string, last: string): number {
  const days = daysBetween(first, last);
  return Math.floor((days + weekdayOf(first) - 1) / 7) + 1;
}

/** "09:30" + 90 minutes → "dalle 9:30 alle 11:00". */
function timeRange(startTime: string, minutes: number): string {
  const end = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) + minutes;
  return italianTimeRange(
    startTime,
    `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
  ) as string;
}

/**
 * The meetings of a course: how many, over how many weeks (from the week of the first lesson
 * held to the week of the last), how often that is, on which weekdays and, when every lesson
 * had the same, at what time. Lessons given are the held ones.
 */
export function meetingsText(lessons: readonly HeldLesson[]): string {
  if (lessons.length === 0) return 'nessun incontro ancora svolto';
  const dates = lessons.map((l) => l.date).sort();
  const count = lessons.length;
  const weeks = weeksSpanned(dates[0] as string, dates.at(-1) as string);
  const meetings = count === 1 ? '1 incontro' : `${count} incontri`;
  let howOften = '';
  if (count > 1 && weeks === 1) howOften = ' in una settimana';
  else if (count > 1) {
    const rate = count / weeks;
    const perWeek = new Map<number, number>();
    for (const date of dates) {
      const week = weeksSpanned(dates[0] as string, date);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    const every = [...perWeek.values()];
    const exact = perWeek.size === weeks && every.every((n) => n === every[0]);
    const about = exact ? '' : 'circa ';
    let frequency: string;
    if (rate >= 1.5) frequency = `${about}${countWord(Math.round(rate), 'm')} a settimana`;
    else if (rate >= 0.75) frequency = `${about}uno a settimana`;
    else {
      const weeksBetween = Math.max(2, Math.round(1 / rate));
      frequency = `${about}uno ogni ${countWord(weeksBetween, 'f')} settimane`;
    }
    howOften = ` in ${weeks} settimane, ${frequency}`;
  }
  const weekdays = [...new Set(dates.map(weekdayOf))].sort((a, b) => a - b).map((d) => WEEKDAY_NAMES[d - 1] as string);
  // More weekdays than meetings a week: one or the other ("lunedì o martedì"); as many: each of them.
  const perWeek = Math.max(1, Math.round(count / weeks));
  const joined =
    weekdays.length === 1
      ? (weekdays[0] as string)
      : `${weekdays.slice(0, -1).join(', ')} ${weekdays.length > perWeek ? 'o' : 'e'} ${weekdays.at(-1)}`;
  const times = new Set(lessons.map((l) => `${l.startTime}|${l.minutes}`));
  const first = lessons[0] as HeldLesson;
  const time = times.size === 1 ? ` ${timeRange(first.startTime, first.minutes)}` : '';
  return `${meetings}${howOften} (${joined})${time}`;
}
