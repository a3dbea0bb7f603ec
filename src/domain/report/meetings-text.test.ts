import { describe, expect, it } from 'vitest';
import { lessonDates } from '../courses.js';
import { addDays } from '../dates.js';
import { type HeldLesson, meetingsText, weeksSpanned } from './meetings-text.js';

const held = (dates: readonly string[], startTime = '09:30', minutes = 90): HeldLesson[] =>
  dates.map((date) => ({ date, startTime, minutes }));

/** Every date of these weekdays from `from` to `to`. */
const weekly = (from: string, to: string, weekdays: number[]) =>
  lessonDates({ startDate: from, endDate: to, weekdays }, { hours: [], closures: [], patronDay: null }).dates;

describe('weeksSpanned', () => {
  it('counts the calendar weeks (Monday to Sunday) touched, both ends included', () => {
    expect(weeksSpanned('2024-01-22', '2024-01-22')).toBe(1);
    expect(weeksSpanned('2024-01-22', '2024-01-28')).toBe(1); // Monday to Sunday
    expect(weeksSpanned('2024-01-28', '2024-01-29')).toBe(2); // Sunday, then Monday
    expect(weeksSpanned('2024-01-22', '2024-06-24')).toBe(23);
  });
});

describe('meetingsText', () => {
  it('says how often the course met from the lessons held, not from its weekly pattern', () => {
    // The seed's driving course: Mondays from 22 January to 30 June, less the holidays and closures: 20 held in 23 weeks.
    const mondays = weekly('2024-01-22', '2024-06-30', [1]).filter((d) => !['2024-04-01', '2024-04-15', '2024-05-20'].includes(d));
    expect(mondays).toHaveLength(20);
    expect(meetingsText(held(mondays))).toBe('20 incontri in 23 settimane, circa uno a settimana (lunedì) dalle 9:30 alle 11:00');
    // Declared five days a week, but held on 20 days over the same weeks: the text tells the lessons held.
    expect(meetingsText(held(mondays.map((d, i) => addDays(d, i % 2))))).toBe(
      '20 incontri in 23 settimane, circa uno a settimana (lunedì o martedì) dalle 9:30 alle 11:00',
    );
  });

  it('every week alike: no "circa"; twice a week on two days; once every two weeks', () => {
    expect(meetingsText(held(['2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12']))).toBe(
      '4 incontri in 4 settimane, uno a settimana (lunedì) dalle 9:30 alle 11:00',
    );
    expect(meetingsText(held(weekly('2024-03-04', '2024-03-29', [1, 3]), '15:00', 180))).toBe(
      '8 incontri in 4 settimane, due a settimana (lunedì e mercoledì) dalle 15:00 alle 18:00',
    );
    expect(meetingsText(held(['2024-03-04', '2024-03-18', '2024-04-01', '2024-04-15']))).toBe(
      '4 incontri in 7 settimane, circa uno ogni due settimane (lunedì) dalle 9:30 alle 11:00',
    );
  });

  it('one lesson, lessons in one week, lessons of different times, and none held yet', () => {
    expect(meetingsText(held(['2024-01-22']))).toBe('1 incontro (lunedì) dalle 9:30 alle 11:00');
    expect(meetingsText(held(['2024-01-22', '2024-01-24']))).toBe('2 incontri in una settimana (lunedì e mercoledì) dalle 9:30 alle 11:00');
    expect(meetingsText([...held(['2024-01-22']), ...held(['2024-01-29'], '10:00')])).toBe(
      '2 incontri in 2 settimane, uno a settimana (lunedì)',
    );
    expect(meetingsText([])).toBe('nessun incontro ancora svolto');
  });
});
