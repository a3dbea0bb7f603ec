import { describe, expect, it } from 'vitest';
import { earliestJoinDate, householdNameKey, joiningProblem, leavingProblem } from './households.js';

describe('household membership dates', () => {
  it('the earliest joining day is the end of the latest membership, or the start of the current one', () => {
    expect(earliestJoinDate([])).toBeNull();
    expect(earliestJoinDate([{ joinedOn: '2020-01-01', leftOn: '2021-06-30' }])).toBe('2021-06-30');
    expect(
      earliestJoinDate([
        { joinedOn: '2020-01-01', leftOn: '2021-06-30' },
        { joinedOn: '2021-06-30', leftOn: null },
      ]),
    ).toBe('2021-06-30');
    expect(
      earliestJoinDate([
        { joinedOn: '2022-03-01', leftOn: null },
        { joinedOn: '2019-01-01', leftOn: '2020-01-01' },
      ]),
    ).toBe('2022-03-01');
  });

  it('joining: not in the future, not before the previous membership ends', () => {
    expect(joiningProblem('2024-05-10', '2024-05-10', null)).toBeNull();
    expect(joiningProblem('2024-05-11', '2024-05-10', null)).toEqual({ code: 'household.join_in_future' });
    expect(joiningProblem('2024-01-01', '2024-05-10', '2024-01-01')).toBeNull();
    expect(joiningProblem('2023-12-31', '2024-05-10', '2024-01-01')).toEqual({
      code: 'household.join_overlaps',
      params: { date: '2024-01-01' },
    });
  });

  it('leaving: not in the future, not before joining (the same day is fine)', () => {
    expect(leavingProblem('2024-05-10', '2024-05-10', '2024-05-10')).toBeNull();
    expect(leavingProblem('2024-05-11', '2024-01-01', '2024-05-10')).toEqual({ code: 'household.leave_in_future' });
    expect(leavingProblem('2023-12-31', '2024-01-01', '2024-05-10')).toEqual({
      code: 'household.leave_before_joining',
      params: { date: '2024-01-01' },
    });
  });
});

describe('household name key', () => {
  it('folds case and accents, keeps words of two or more letters or digits, in order', () => {
    expect(householdNameKey('Famiglia Özil')).toBe('famiglia ozil');
    expect(householdNameKey("  D'Angelo – ÇELİK  ")).toBe('angelo celik');
    expect(householdNameKey('Nguyễn 2')).toBe('nguyen');
    expect(householdNameKey('Rossi 12')).toBe('rossi 12');
    expect(householdNameKey('---')).toBe('');
  });
});
