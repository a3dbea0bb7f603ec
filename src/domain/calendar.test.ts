import { describe, expect, it } from 'vitest';
import {
  type CentreCalendar,
  type ContractPeriod,
  closedDaysBetween,
  contractMinutesBetween,
  contractMinutesOfYear,
  dayOf,
  isOpenAt,
  isOutsideHours,
  italianPublicHolidays,
  nextHoursSet,
  type OpeningSlot,
  openFiguresOfMonth,
  openFiguresOfYear,
  slotProblems,
  weekdayOf,
  weeklyMinutesOn,
} from './calendar.js';

const morning = (weekday: OpeningSlot['weekday']): OpeningSlot => ({ weekday, from: '09:00', to: '12:00' });
const afternoon = (weekday: OpeningSlot['weekday']): OpeningSlot => ({ weekday, from: '15:00', to: '18:00' });

/** The Jesi centre in 2024, from its report: hours changed on 15 October, three closures. */
const JESI_2024: CentreCalendar = {
  hours: [
    { validFrom: '2020-01-01', slots: [morning(1), morning(2), afternoon(2), morning(3), afternoon(4), morning(5)] },
    // From 15 October: Tuesday afternoon closed.
    { validFrom: '2024-10-15', slots: [morning(1), morning(2), morning(3), afternoon(4), morning(5)] },
  ],
  closures: [
    { from: '2024-01-02', to: '2024-01-05', reason: 'Chiusura invernale' },
    { from: '2024-08-05', to: '2024-08-23', reason: 'Chiusura estiva' },
    { from: '2024-12-24', to: '2024-12-27', reason: 'Chiusura natalizia' },
    { from: '2024-12-31', to: '2024-12-31', reason: 'Chiusura natalizia' },
  ],
  patronDay: '09-22', // San Settimio: a Sunday in 2024
};

describe('Italian public holidays', () => {
  it('include Easter Monday, which moves, and the fixed national days', () => {
    expect(italianPublicHolidays(2024).get('2024-04-01')).toBe('Lunedì dell’Angelo');
    expect(italianPublicHolidays(2025).has('2025-04-21')).toBe(true);
    for (const date of [
      '2024-01-01',
      '2024-01-06',
      '2024-04-25',
      '2024-05-01',
      '2024-06-02',
      '2024-08-15',
      '2024-11-01',
      '2024-12-08',
      '2024-12-25',
      '2024-12-26',
    ]) {
      expect(italianPublicHolidays(2024).has(date), date).toBe(true);
    }
    // Observances (Festa della mamma) do not close anything.
    expect(italianPublicHolidays(2024).has('2024-05-12')).toBe(false);
  });
});

describe('a day of the calendar', () => {
  it('has the weekday computed, never typed (20 December 2023 was a Wednesday)', () => {
    expect(weekdayOf('2023-12-20')).toBe(3);
    expect(weekdayOf('2024-01-01')).toBe(1);
    expect(weekdayOf('2024-09-22')).toBe(7);
  });

  it('takes the hours set in force on that day', () => {
    expect(dayOf(JESI_2024, '2024-10-08').slots).toHaveLength(2); // a Tuesday before the change
    expect(dayOf(JESI_2024, '2024-10-15').slots).toEqual([morning(2)]); // the day of the change
  });

  it('is closed by a holiday, the patron day or a closure, and says why', () => {
    expect(dayOf(JESI_2024, '2024-04-01').closedBecause).toEqual({ kind: 'holiday', name: 'Lunedì dell’Angelo' });
    expect(dayOf(JESI_2024, '2024-08-12').closedBecause).toEqual({ kind: 'closure', reason: 'Chiusura estiva' });
    expect(dayOf(JESI_2024, '2024-01-06').closedBecause).toEqual({ kind: 'no_hours' }); // a Saturday
    expect(dayOf({ ...JESI_2024, patronDay: '09-23' }, '2024-09-23').closedBecause).toEqual({ kind: 'patron_day' });
  });

  it('tells whether the centre is open at a time (the end of a slot is closed)', () => {
    expect(isOpenAt(JESI_2024, '2024-03-05', '16:30')).toBe(true);
    expect(isOpenAt(JESI_2024, '2024-10-22', '16:30')).toBe(false); // Tuesday afternoon after the change
    expect(isOpenAt(JESI_2024, '2024-03-04', '12:00')).toBe(false);
    expect(isOpenAt(JESI_2024, '2024-04-01', '10:00')).toBe(false); // Easter Monday
  });
});

describe('open days and hours of Jesi in 2024, worked out by hand', () => {
  it('233 open days and 810 open hours', () => {
    // 2024 is a leap year starting on a Monday: 53 Mondays and Tuesdays, 52 of the other weekdays,
    // 262 weekdays in all, each with hours. Closed weekdays: holidays 1 Jan, 1 Apr, 25 Apr, 1 May,
    // 1 Nov (5; 15 Aug and 25–26 Dec fall in closures); 2–5 Jan (4); 5–23 Aug (15); 24–27 and
    // 31 Dec (5, not the report's "7 giorni"): 29. Open: 262 − 29 = 233 days.
    // Hours with no closure: Mon 53×3, Wed, Thu, Fri 52×3 each, Tue 41×6 (to 14 Oct) + 12×3
    // = 159 + 468 + 282 = 909. Closed: holidays 5×3 = 15; January 6+3+3+3 = 15; August 3×18 = 54;
    // December 5×3 = 15 (Tuesdays already 3 h): 99. Open: 909 − 99 = 810 h.
    expect(openFiguresOfYear(JESI_2024, 2024)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      openDays: 233,
      openMinutes: 810 * 60,
      closedDays: 29,
    });
  });

  it('month by month: August has one open week, December three open weeks minus the holidays', () => {
    // August: 22 weekdays; 5–23 closed (15): 7 open days: 1–2 (Thu, Fri), 26–30 (Mon–Fri).
    expect(openFiguresOfMonth(JESI_2024, 2024, 8)).toMatchObject({ openDays: 7, openMinutes: (3 + 3 + 18) * 60 });
    // December: 22 weekdays; closures 24–27 and 31 (5): 17 open days, 15 h a week from 15 October.
    const december = openFiguresOfMonth(JESI_2024, 2024, 12);
    expect(december).toMatchObject({ openDays: 17, openMinutes: 17 * 3 * 60 });
    // The months add up to the year.
    let days = 0;
    for (let m = 1; m <= 12; m++) days += openFiguresOfMonth(JESI_2024, 2024, m).openDays;
    expect(days).toBe(233);
  });
});

describe('weekly slots', () => {
  it('refuse a slot that ends before it starts, and overlaps on a day', () => {
    expect(slotProblems([morning(1), afternoon(2)])).toEqual([]);
    expect(slotProblems([{ weekday: 1, from: '12:00', to: '09:00' }])).toEqual([
      { code: 'hours.slot_ends_before_start', params: { from: '12:00', to: '09:00' } },
    ]);
    expect(slotProblems([morning(1), { weekday: 1, from: '11:00', to: '13:00' }])).toEqual([
      { code: 'hours.slots_overlap', params: { weekday: 1 } },
    ]);
  });
});

describe('closed days and changes of hours', () => {
  it('lists the days that would have been open, with why they were closed', () => {
    const december = closedDaysBetween(JESI_2024, '2024-12-01', '2024-12-31');
    // 24–27 and 31 December: 25 and 26 are holidays (named as such), the others the closure.
    expect(december.map((d) => d.date)).toEqual(['2024-12-24', '2024-12-25', '2024-12-26', '2024-12-27', '2024-12-31']);
    expect(december[1]?.closedBecause).toEqual({ kind: 'holiday', name: 'Natale di Gesù' });
    expect(december[0]?.closedBecause).toEqual({ kind: 'closure', reason: 'Chiusura natalizia' });
    // The year's list has as many days as the figures count.
    expect(closedDaysBetween(JESI_2024, '2024-01-01', '2024-12-31')).toHaveLength(29);
  });

  it('finds the next change of hours after a date, if any', () => {
    expect(nextHoursSet(JESI_2024.hours, '2024-10-01')?.validFrom).toBe('2024-10-15');
    expect(nextHoursSet(JESI_2024.hours, '2024-10-15')).toBeUndefined();
  });

  it('flags a moment outside the hours only when hours are in force', () => {
    expect(isOutsideHours(JESI_2024, '2024-03-04', '13:00')).toBe(true);
    expect(isOutsideHours(JESI_2024, '2024-03-04', '10:00')).toBe(false);
    expect(isOutsideHours(JESI_2024, '2024-04-01', '10:00')).toBe(true); // Easter Monday
    expect(isOutsideHours(JESI_2024, '2019-03-04', '13:00')).toBe(false); // before the first set: unknown
  });
});

describe('staff contracts', () => {
  // 30 h a week to 31 August 2024; a new contract of 36 h from 1 September; 6 more hours from 15 October.
  const contracts: ContractPeriod[] = [
    { from: '2023-01-01', to: '2024-08-31', weeklyMinutes: 30 * 60 },
    { from: '2024-09-01', to: null, weeklyMinutes: 36 * 60 },
    { from: '2024-10-15', to: '2025-06-30', weeklyMinutes: 6 * 60 },
  ];

  it('adds up the periods in force on a date', () => {
    expect(weeklyMinutesOn(contracts, '2022-12-31')).toBe(0);
    expect(weeklyMinutesOn(contracts, '2024-08-31')).toBe(30 * 60);
    expect(weeklyMinutesOn(contracts, '2024-09-01')).toBe(36 * 60);
    expect(weeklyMinutesOn(contracts, '2024-10-15')).toBe(42 * 60);
    expect(weeklyMinutesOn(contracts, '2025-07-01')).toBe(36 * 60);
  });

  it('counts the minutes of a year a seventh of the weekly time a day', () => {
    // 1 Jan–31 Aug: 244 days at 30 h; 1 Sep–31 Dec: 122 days at 36 h; 15 Oct–31 Dec: 78 days at 6 h.
    // (244 × 30 + 122 × 36 + 78 × 6) / 7 = (7320 + 4392 + 468) / 7 = 1740 h.
    expect(contractMinutesOfYear(contracts, 2024)).toBe(1740 * 60);
    // A whole week at 36 h is 36 h.
    expect(contractMinutesBetween(contracts, '2025-08-04', '2025-08-10')).toBe(36 * 60);
  });
});
