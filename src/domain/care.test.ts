import { describe, expect, it } from 'vitest';
import {
  beforeOpeningProblem,
  type CareMembership,
  canChangeResponsible,
  canReadNote,
  careCounts,
  closingDateProblem,
  isOverdue,
  newInYear,
  openingBeforeJoiningProblem,
  peopleInCare,
  periodOverlapsYear,
  reopeningDateProblem,
} from './care.js';

const open = (openedOn: string, closedOn: string | null = null) => ({ openedOn, closedOn });
const sorted = <K>(set: Set<K>) => [...set].sort();

describe('periodOverlapsYear', () => {
  it('a case opened on 31 December is in care that year, not the year before', () => {
    expect(periodOverlapsYear(open('2024-12-31'), 2024)).toBe(true);
    expect(periodOverlapsYear(open('2024-12-31', '2025-03-01'), 2024)).toBe(true);
    expect(periodOverlapsYear(open('2024-12-31', '2025-03-01'), 2025)).toBe(true);
    expect(periodOverlapsYear(open('2024-12-31'), 2023)).toBe(false);
  });

  it('a case closed on 1 January is in care that year too; closed on 31 December, not the next', () => {
    expect(periodOverlapsYear(open('2023-05-10', '2024-01-01'), 2024)).toBe(true);
    expect(periodOverlapsYear(open('2023-05-10', '2023-12-31'), 2024)).toBe(false);
    expect(periodOverlapsYear(open('2023-05-10', '2023-12-31'), 2023)).toBe(true);
  });

  it('an open case is in care every year from its opening on', () => {
    expect(periodOverlapsYear(open('2020-02-02'), 2020)).toBe(true);
    expect(periodOverlapsYear(open('2020-02-02'), 2030)).toBe(true);
    expect(periodOverlapsYear(open('2020-02-02'), 2019)).toBe(false);
  });

  it('a case opened and closed on the same day counts', () => {
    expect(periodOverlapsYear(open('2024-06-01', '2024-06-01'), 2024)).toBe(true);
  });
});

describe('peopleInCare and newInYear', () => {
  it('the edges: opened on 31 Dec, closed on 1 Jan', () => {
    const data: CareMembership[] = [
      { personKey: 'opened-31-dec', periods: [open('2024-12-31')] },
      { personKey: 'closed-1-jan', periods: [open('2023-03-01', '2024-01-01')] },
      { personKey: 'closed-31-dec-before', periods: [open('2023-03-01', '2023-12-31')] },
      { personKey: 'opened-1-jan-after', periods: [open('2025-01-01')] },
    ];
    expect(sorted(peopleInCare(data, 2024))).toEqual(['closed-1-jan', 'opened-31-dec']);
    expect(sorted(newInYear(data, 2024))).toEqual(['opened-31-dec']);
    expect(sorted(newInYear(data, 2023))).toEqual(['closed-1-jan', 'closed-31-dec-before']);
    expect(careCounts(data, 2024)).toEqual({ inCare: 2, new: 1 });
  });

  it('a person with two cases in different years is one person, new only the first year', () => {
    const data: CareMembership[] = [
      { personKey: 1, periods: [open('2022-04-01', '2022-09-30')] },
      { personKey: 1, periods: [open('2024-02-01')] },
    ];
    expect(careCounts(data, 2022)).toEqual({ inCare: 1, new: 1 });
    expect(careCounts(data, 2023)).toEqual({ inCare: 0, new: 0 });
    expect(careCounts(data, 2024)).toEqual({ inCare: 1, new: 0 });
  });

  it('two cases open in the same year still make one person', () => {
    const data: CareMembership[] = [
      { personKey: 1, periods: [open('2024-01-10', '2024-03-01')] },
      { personKey: 1, periods: [open('2024-05-01')] },
    ];
    expect(careCounts(data, 2024)).toEqual({ inCare: 1, new: 1 });
  });

  it('a household case counts each member it names; the household itself is nobody', () => {
    // Case 7 is the Diallo household's, naming the mother and two children (the father is not named).
    const householdCase = [open('2024-03-15')];
    const data: CareMembership[] = [
      { personKey: 'mother', periods: householdCase },
      { personKey: 'child-1', periods: householdCase },
      { personKey: 'child-2', periods: householdCase },
      // The mother also had a case of her own in 2021: she is in care, not new.
      { personKey: 'mother', periods: [open('2021-01-05', '2021-06-30')] },
    ];
    expect(sorted(peopleInCare(data, 2024))).toEqual(['child-1', 'child-2', 'mother']);
    expect(sorted(newInYear(data, 2024))).toEqual(['child-1', 'child-2']);
    expect(careCounts(data, 2024)).toEqual({ inCare: 3, new: 2 });
  });

  it('a reopened case: closed in Y-1, reopened in Y+1, is not in care in Y; reopening does not make anyone new', () => {
    const data: CareMembership[] = [{ personKey: 5, periods: [open('2022-02-01', '2023-07-31'), open('2025-03-01')] }];
    expect(careCounts(data, 2022)).toEqual({ inCare: 1, new: 1 });
    expect(careCounts(data, 2023)).toEqual({ inCare: 1, new: 0 });
    expect(careCounts(data, 2024)).toEqual({ inCare: 0, new: 0 });
    expect(careCounts(data, 2025)).toEqual({ inCare: 1, new: 0 });
  });

  it('a person in care across three years counts in each, new only in the first', () => {
    const data: CareMembership[] = [{ personKey: 9, periods: [open('2022-11-20', '2024-02-10')] }];
    expect([2021, 2022, 2023, 2024, 2025].map((year) => careCounts(data, year))).toEqual([
      { inCare: 0, new: 0 },
      { inCare: 1, new: 1 },
      { inCare: 1, new: 0 },
      { inCare: 1, new: 0 },
      { inCare: 0, new: 0 },
    ]);
  });

  it('"new" looks at the first opening over every case and period, in whatever order they come', () => {
    const data: CareMembership[] = [
      { personKey: 3, periods: [open('2024-05-01')] },
      { personKey: 3, periods: [open('2023-12-31', '2024-01-15')] },
    ];
    expect(careCounts(data, 2024)).toEqual({ inCare: 1, new: 0 });
    expect(careCounts(data, 2023)).toEqual({ inCare: 1, new: 1 });
  });

  it('nobody in care: zeros', () => {
    expect(careCounts([], 2024)).toEqual({ inCare: 0, new: 0 });
  });
});

describe('dates of a case', () => {
  it('closing: not before the period opened, not in the future; the same day is fine', () => {
    expect(closingDateProblem('2024-03-10', '2024-03-10', '2024-06-01')).toBeNull();
    expect(closingDateProblem('2024-03-10', '2024-03-09', '2024-06-01')).toEqual({
      code: 'case.closed_before_opening',
      params: { date: '2024-03-10' },
    });
    expect(closingDateProblem('2024-03-10', '2024-06-02', '2024-06-01')).toEqual({ code: 'case.closed_in_future' });
  });

  it('reopening: after the last closing, not in the future', () => {
    expect(reopeningDateProblem('2024-03-10', '2024-03-11', '2024-06-01')).toBeNull();
    expect(reopeningDateProblem('2024-03-10', '2024-03-10', '2024-06-01')).toEqual({
      code: 'case.reopened_before_closing',
      params: { date: '2024-03-10' },
    });
    expect(reopeningDateProblem('2024-03-10', '2024-06-02', '2024-06-01')).toEqual({ code: 'case.reopened_in_future' });
  });

  it('nothing of a case is dated before its first opening', () => {
    expect(beforeOpeningProblem('2024-03-10', '2024-03-10')).toBeNull();
    expect(beforeOpeningProblem('2024-05-01', '2024-03-10')).toBeNull();
    expect(beforeOpeningProblem('2024-03-09', '2024-03-10')).toEqual({ code: 'case.dated_before_opening', params: { date: '2024-03-10' } });
  });

  it('a household case opens once all its named members have joined', () => {
    const members = [
      { personId: 1, joinedOn: '2020-01-01' },
      { personId: 2, joinedOn: '2024-02-01' },
    ];
    expect(openingBeforeJoiningProblem('2024-02-01', members)).toBeNull();
    expect(openingBeforeJoiningProblem('2024-01-31', members)).toEqual({
      code: 'case.opened_before_joining',
      params: { date: '2024-02-01' },
    });
    expect(openingBeforeJoiningProblem('2019-12-31', members)).toEqual({
      code: 'case.opened_before_joining',
      params: { date: '2024-02-01' },
    });
    expect(openingBeforeJoiningProblem('2019-12-31', [])).toBeNull();
  });
});

describe('isOverdue', () => {
  it('an action to do or in progress whose due date has passed', () => {
    expect(isOverdue({ status: 'todo', dueOn: '2024-05-31' }, '2024-06-01')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2024-05-31' }, '2024-06-01')).toBe(true);
    expect(isOverdue({ status: 'todo', dueOn: '2024-06-01' }, '2024-06-01')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2024-05-31' }, '2024-06-01')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2024-05-31' }, '2024-06-01')).toBe(false);
    expect(isOverdue({ status: 'todo', dueOn: null }, '2024-06-01')).toBe(false);
  });
});

describe('canReadNote', () => {
  const restricted = { restriction: 'health', authorId: 10 };
  it('anyone who reads the case reads an unrestricted note', () => {
    expect(canReadNote({ userId: 99, role: 'operator' }, { restriction: null, authorId: 10 }, 20)).toBe(true);
  });
  it('a restricted note: the coordinator, the responsible operator and the author only', () => {
    expect(canReadNote({ userId: 1, role: 'coordinator' }, restricted, 20)).toBe(true);
    expect(canReadNote({ userId: 20, role: 'operator' }, restricted, 20)).toBe(true);
    expect(canReadNote({ userId: 10, role: 'operator' }, restricted, 20)).toBe(true);
    expect(canReadNote({ userId: 99, role: 'operator' }, restricted, 20)).toBe(false);
    expect(canReadNote({ userId: 98, role: 'admin' }, restricted, 20)).toBe(false);
    expect(canReadNote({ userId: 99, role: 'operator' }, restricted, null)).toBe(false);
  });
});

describe('canChangeResponsible', () => {
  it('the coordinator, or the responsible operator handing over; never an operator naming themselves', () => {
    expect(canChangeResponsible({ userId: 1, role: 'coordinator' }, 20)).toBe(true);
    expect(canChangeResponsible({ userId: 1, role: 'coordinator' }, null)).toBe(true);
    expect(canChangeResponsible({ userId: 20, role: 'operator' }, 20)).toBe(true);
    expect(canChangeResponsible({ userId: 99, role: 'operator' }, 20)).toBe(false);
    expect(canChangeResponsible({ userId: 99, role: 'operator' }, null)).toBe(false);
    expect(canChangeResponsible({ userId: 98, role: 'admin' }, 20)).toBe(false);
  });
});
