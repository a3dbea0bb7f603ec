import { describe, expect, it } from 'vitest';
import { type FileReading, openingsOf, readingsOutsideHours } from './audit-review.js';
import type { CentreCalendar } from './calendar.js';

// Mondays to Fridays 09:00–13:00 from 2024, Tuesday afternoons too; closed 12–16 August and on Jesi's patron day.
const JESI: CentreCalendar = {
  hours: [
    {
      validFrom: '2024-01-01',
      slots: [
        ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, from: '09:00', to: '13:00' })),
        { weekday: 2, from: '15:00', to: '18:00' },
      ],
    },
  ],
  closures: [{ from: '2024-08-12', to: '2024-08-16', reason: 'Chiusura estiva' }],
  patronDay: '09-22',
};

const reading = (at: string, personId = 1, userId: number | null = 10, centreId = 1): FileReading => ({ at, userId, personId, centreId });
const outside = (...readings: FileReading[]) => readingsOutsideHours(readings, (id) => (id === 1 ? JESI : undefined)).map((r) => r.at);

describe('reading outside the centre’s hours', () => {
  it('is a reading in Rome time outside the day’s slots', () => {
    // Tuesday 14 May 2024, Rome is UTC+2.
    expect(outside(reading('2024-05-14T06:59:00Z'), reading('2024-05-14T07:00:00Z'), reading('2024-05-14T10:59:59Z'))).toEqual([
      '2024-05-14T06:59:00Z',
    ]);
    expect(outside(reading('2024-05-14T11:00:00Z'), reading('2024-05-14T12:30:00Z'), reading('2024-05-14T13:30:00Z'))).toEqual([
      '2024-05-14T11:00:00Z',
      '2024-05-14T12:30:00Z',
    ]);
    // In winter Rome is UTC+1: 08:30Z is 09:30 on Monday 15 January.
    expect(outside(reading('2024-01-15T08:30:00Z'), reading('2024-01-15T07:30:00Z'))).toEqual(['2024-01-15T07:30:00Z']);
  });

  it('is any reading on a weekend, a holiday, the patron day or a closure', () => {
    const days = [
      '2024-05-18T08:00:00Z', // Saturday
      '2024-05-19T08:00:00Z', // Sunday
      '2024-04-01T08:00:00Z', // Easter Monday
      '2024-04-25T08:00:00Z', // Liberation Day (Thursday)
      '2024-08-13T08:00:00Z', // summer closure
      '2025-09-22T08:00:00Z', // San Settimio (a Monday)
    ];
    expect(outside(...days.map((at) => reading(at)))).toEqual(days);
    expect(outside(reading('2024-08-19T08:00:00Z'))).toEqual([]);
  });

  it('flags nothing before the centre’s hours are recorded, nor for a centre without a calendar', () => {
    expect(outside(reading('2023-12-31T22:00:00Z'), reading('2024-05-18T08:00:00Z', 1, 10, 2))).toEqual([]);
  });
});

describe('openings of files', () => {
  it('counts the readings of one file by one user in one clock hour once, newest first', () => {
    const openings = openingsOf([
      reading('2024-05-18T08:05:00Z', 1),
      reading('2024-05-18T08:00:00Z', 1),
      reading('2024-05-18T08:59:59Z', 1),
      reading('2024-05-18T09:00:00Z', 1),
      reading('2024-05-18T08:10:00Z', 2),
      reading('2024-05-18T08:10:00Z', 1, 11),
      reading('2024-05-18T08:20:00Z', 1, null),
    ]);
    expect(openings.map((o) => [o.at, o.personId, o.userId, o.reads])).toEqual([
      ['2024-05-18T09:00:00Z', 1, 10, 1],
      ['2024-05-18T08:20:00Z', 1, null, 1],
      ['2024-05-18T08:10:00Z', 1, 11, 1],
      ['2024-05-18T08:10:00Z', 2, 10, 1],
      ['2024-05-18T08:00:00Z', 1, 10, 3],
    ]);
  });

  it('keeps the two hours that share a clock time when the clocks go back apart', () => {
    // 27 October 2024: 02:30 CEST is 00:30Z, 02:30 CET is 01:30Z.
    expect(openingsOf([reading('2024-10-27T00:30:00Z'), reading('2024-10-27T01:30:00Z')]).map((o) => o.reads)).toEqual([1, 1]);
  });
});
