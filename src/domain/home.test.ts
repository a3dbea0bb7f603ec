import { describe, expect, it } from 'vitest';
import { peopleInCare } from './care.js';
import {
  countByRange,
  defaultHomeView,
  homeViewsOf,
  periodsAsOf,
  samePeriodLastYear,
  splitBySince,
  weekOf,
  weeksOfMonthSoFar,
  yearSoFar,
} from './home.js';

describe('home: the days each figure covers', () => {
  it('the year so far and the same days of last year (29 February becomes 28)', () => {
    expect(yearSoFar('2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(samePeriodLastYear('2026-12-07')).toEqual({ from: '2025-01-01', to: '2025-12-07' });
    expect(samePeriodLastYear('2024-02-29')).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    expect(samePeriodLastYear('2025-03-01')).toEqual({ from: '2024-01-01', to: '2024-03-01' });
  });

  it('the week of a day runs Monday to Sunday', () => {
    expect(weekOf('2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(weekOf('2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('this month by week: weeks cut to the month and to today', () => {
    // December 2026 starts on a Tuesday.
    expect(weeksOfMonthSoFar('2026-12-16')).toEqual([
      { from: '2026-12-01', to: '2026-12-06' },
      { from: '2026-12-07', to: '2026-12-13' },
      { from: '2026-12-14', to: '2026-12-16' },
    ]);
    expect(weeksOfMonthSoFar('2026-12-01')).toEqual([{ from: '2026-12-01', to: '2026-12-01' }]);
    const days = [
      { day: '2026-11-30', n: 9 },
      { day: '2026-12-01', n: 2 },
      { day: '2026-12-06', n: 3 },
      { day: '2026-12-07', n: 4 },
    ];
    expect(countByRange(weeksOfMonthSoFar('2026-12-08'), days)).toEqual([5, 4]);
  });

  it('case periods as they stood on a day: later openings absent, later closings still open', () => {
    const periods = [
      { personKey: 1, openedOn: '2025-03-01', closedOn: '2025-05-01' },
      { personKey: 2, openedOn: '2025-11-01', closedOn: '2026-02-01' },
      { personKey: 3, openedOn: '2025-12-20', closedOn: null },
      { personKey: 4, openedOn: '2024-06-01', closedOn: '2025-12-10' },
    ];
    expect(periodsAsOf(periods, '2025-12-07')).toEqual([periods[0], { ...periods[1], closedOn: null }, { ...periods[3], closedOn: null }]);
    // Counted by the report's rule, the people in care in 2025 up to 7 December: 1, 2 and 4.
    const asOf = periodsAsOf(periods, '2025-12-07').map((p) => ({ personKey: p.personKey, periods: [p] }));
    expect([...peopleInCare(asOf, 2025)].sort()).toEqual([1, 2, 4]);
  });

  it("a centre's periods split from a day on: all the periods of who can be in care, the first opening of the others", () => {
    const periods = [
      { personKey: 1, openedOn: '2019-03-01', closedOn: '2020-05-01' },
      { personKey: 1, openedOn: '2024-11-01', closedOn: null },
      { personKey: 2, openedOn: '2018-01-10', closedOn: '2019-01-01' },
      { personKey: 2, openedOn: '2016-06-01', closedOn: '2017-02-01' },
      { personKey: 3, openedOn: '2024-02-01', closedOn: '2025-01-01' },
      { personKey: 4, openedOn: '2023-02-01', closedOn: '2024-12-31' },
    ];
    const { periods: canBeInCare, firstOpeningOfOthers } = splitBySince(periods, '2025-01-01');
    // 1 has a period still open, 3 one closed on the day itself; 2 and 4 closed all theirs before.
    expect(canBeInCare).toEqual([periods[0], periods[1], periods[4]]);
    expect(firstOpeningOfOthers).toEqual(
      new Map([
        [2, '2016-06-01'],
        [4, '2023-02-01'],
      ]),
    );
  });

  it('each role opens its own view first, and may open only those that show less', () => {
    expect(defaultHomeView('coordinator')).toBe('coordinator');
    expect(defaultHomeView('admin')).toBe('coordinator');
    expect(defaultHomeView('operator')).toBe('operator');
    expect(defaultHomeView('viewer')).toBe('viewer');
    expect(homeViewsOf('operator')).not.toContain('coordinator');
    expect(homeViewsOf('viewer')).toEqual(['viewer']);
  });
});
