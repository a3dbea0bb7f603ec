import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_WITHIN_DAYS, daysBetween, daysLeft, deadlineWindow, expiryState, LISTED_RENEWAL_STATUSES } from './deadlines.js';

describe('addDays and daysBetween', () => {
  it('cross month ends and year ends', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-04-30', 1)).toBe('2024-05-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-05-17', 0)).toBe('2024-05-17');
  });

  it('count 29 February in leap years only', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2023-01-31', 30)).toBe('2023-03-02');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2); // 2000 was a leap year
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1); // 2100 will not be
  });

  it('are whole days across the changes of summer time', () => {
    expect(daysBetween('2024-03-30', '2024-03-31')).toBe(1);
    expect(daysBetween('2024-03-31', '2024-04-01')).toBe(1);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
  });

  it('round-trip', () => {
    for (let days = -400; days <= 400; days += 7) expect(daysBetween('2024-02-29', addDays('2024-02-29', days))).toBe(days);
  });
});

describe('daysLeft', () => {
  it('is 0 on the last valid day, negative once expired', () => {
    expect(daysLeft('2024-05-17', '2024-05-17')).toBe(0);
    expect(daysLeft('2024-05-18', '2024-05-17')).toBe(1);
    expect(daysLeft('2024-05-16', '2024-05-17')).toBe(-1);
    expect(daysLeft('2024-03-01', '2024-02-28')).toBe(2);
  });
});

describe('deadlineWindow', () => {
  it('starts on today in Rome, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome (winter, UTC+1).
    expect(deadlineWindow(60, new Date('2024-12-31T23:30:00Z'))).toEqual({ today: '2025-01-01', until: '2025-03-02', withinDays: 60 });
    // 22:30 UTC on 31 March 2024 is 00:30 on 1 April in Rome (summer, UTC+2).
    expect(deadlineWindow(30, new Date('2024-03-31T22:30:00Z')).today).toBe('2024-04-01');
    // 22:30 UTC on 31 January is still 23:30 on 31 January in Rome.
    expect(deadlineWindow(30, new Date('2024-01-31T22:30:00Z'))).toEqual({ today: '2024-01-31', until: '2024-03-01', withinDays: 30 });
  });

  it('defaults to 60 days and refuses windows outside 1–365', () => {
    expect(DEFAULT_WITHIN_DAYS).toBe(60);
    expect(deadlineWindow(undefined, new Date('2023-12-15T10:00:00Z')).until).toBe('2024-02-13');
    expect(deadlineWindow(365, new Date('2024-01-01T10:00:00Z')).until).toBe('2024-12-31');
    expect(deadlineWindow(1, new Date('2024-02-28T10:00:00Z')).until).toBe('2024-02-29');
    expect(() => deadlineWindow(0)).toThrow(RangeError);
    expect(() => deadlineWindow(366)).toThrow(RangeError);
    expect(() => deadlineWindow(1.5)).toThrow(RangeError);
  });
});

describe('expiryState', () => {
  it('tells expired, expiring within the window, valid beyond it, and no expiry', () => {
    const today = '2024-05-17';
    expect(expiryState(null, today)).toBe('no_expiry');
    expect(expiryState('2024-05-16', today)).toBe('expired');
    expect(expiryState('2024-05-17', today)).toBe('expiring');
    expect(expiryState('2024-07-16', today)).toBe('expiring'); // 60 days left
    expect(expiryState('2024-07-17', today)).toBe('valid');
    expect(expiryState('2024-06-16', today, 30)).toBe('expiring');
    expect(expiryState('2024-06-17', today, 30)).toBe('valid');
  });
});

describe('LISTED_RENEWAL_STATUSES', () => {
  it('leave out the renewed and the refused', () => {
    expect([...LISTED_RENEWAL_STATUSES].sort()).toEqual(['none', 'requested', 'to_renew']);
  });
});
