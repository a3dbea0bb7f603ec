import { describe, expect, it } from 'vitest';
import { eventTimeProblems, eventTotals, italianLongDate, italianTimeRange } from './events.js';

describe('italianLongDate', () => {
  it('computes the weekday: the reference report’s "Venerdì 20 dicembre 2023" was a Wednesday', () => {
    expect(italianLongDate('2023-12-20')).toBe('mercoledì 20 dicembre 2023');
    expect(italianLongDate('2024-12-20')).toBe('venerdì 20 dicembre 2024');
  });

  it('gives the same date whatever the server’s time zone, across DST and leap days', () => {
    expect(italianLongDate('2024-03-31')).toBe('domenica 31 marzo 2024');
    expect(italianLongDate('2024-10-27')).toBe('domenica 27 ottobre 2024');
    expect(italianLongDate('2024-02-29')).toBe('giovedì 29 febbraio 2024');
    expect(italianLongDate('2025-01-01')).toBe('mercoledì 1 gennaio 2025');
  });
});

describe('italianTimeRange', () => {
  it('says from when to when, without leading zeros', () => {
    expect(italianTimeRange('09:30', '12:00')).toBe('dalle 9:30 alle 12:00');
    expect(italianTimeRange('15:00', null)).toBe('alle 15:00');
    expect(italianTimeRange(null, null)).toBeNull();
  });
});

describe('eventTimeProblems', () => {
  it('refuses an end at or before the start, and an end without a start', () => {
    expect(eventTimeProblems('10:00', '12:00')).toEqual([]);
    expect(eventTimeProblems('10:00', null)).toEqual([]);
    expect(eventTimeProblems(null, null)).toEqual([]);
    expect(eventTimeProblems('10:00', '10:00')).toHaveLength(1);
    expect(eventTimeProblems('10:00', '09:59')).toEqual([{ field: 'endTime', code: 'event.end_before_start' }]);
    expect(eventTimeProblems(null, '12:00')).toEqual([{ field: 'endTime', code: 'event.end_without_start' }]);
  });
});

describe('eventTotals', () => {
  it('adds named and other participants; the parts make the total', () => {
    const totals = eventTotals([
      { namedParticipants: 3, otherParticipants: 10 },
      { namedParticipants: 0, otherParticipants: 0 },
      { namedParticipants: 2, otherParticipants: 1 },
    ]);
    expect(totals).toEqual({ events: 3, namedParticipants: 5, otherParticipants: 11, participants: 16 });
    expect(eventTotals([])).toEqual({ events: 0, namedParticipants: 0, otherParticipants: 0, participants: 0 });
  });
});
