import { describe, expect, it } from 'vitest';
import { ageBandOn, ageOn, isIsoDate, romeDateOf, romeInstant, romeTimeOf } from './dates.js';

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('20240101')).toBe(false);
  });
});

describe('Europe/Rome dates', () => {
  it('a visit at 23:30 on 31 December in Rome belongs to that year', () => {
    const instant = romeInstant('2024-12-31', '23:30');
    expect(instant.toISOString()).toBe('2024-12-31T22:30:00.000Z');
    expect(romeDateOf(instant)).toBe('2024-12-31');
    expect(romeTimeOf(instant)).toBe('23:30');
  });

  it('summer time: the repeated hour of October takes the first instant, the skipped hour of March moves forward', () => {
    expect(romeInstant('2024-10-27', '02:30').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(romeInstant('2024-10-27', '03:30').toISOString()).toBe('2024-10-27T02:30:00.000Z');
    expect(romeInstant('2024-03-31', '01:59').toISOString()).toBe('2024-03-31T00:59:00.000Z');
    expect(romeInstant('2024-03-31', '02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z'); // 03:30 summer time
    expect(romeInstant('2024-03-31', '03:00').toISOString()).toBe('2024-03-31T01:00:00.000Z');
    expect(romeInstant('2024-01-15', '09:00').toISOString()).toBe('2024-01-15T08:00:00.000Z');
    expect(romeInstant('2024-07-15', '09:00').toISOString()).toBe('2024-07-15T07:00:00.000Z');
  });

  it('every wall-clock time of two years round-trips, but the skipped hours', () => {
    let checked = 0;
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 20 * 60_000) {
      const instant = new Date(t);
      const date = romeDateOf(instant);
      const time = romeTimeOf(instant);
      const back = romeInstant(date, time);
      // In the repeated October hour the wall time names two instants: the first is returned.
      expect(back.getTime() === t || back.getTime() === t - 3_600_000, `${instant.toISOString()} → ${date} ${time}`).toBe(true);
      checked++;
    }
    expect(checked).toBe(731 * 72); // 2023 and leap 2024, every 20 minutes
  });

  it('the date and time in Rome agree with Intl at every 20 minutes of two years (the offset remembered by day)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 20 * 60_000) {
      const instant = new Date(t);
      const parts = Object.fromEntries(intl.formatToParts(instant).map((p) => [p.type, p.value]));
      expect(`${romeDateOf(instant)} ${romeTimeOf(instant)}`, instant.toISOString()).toBe(
        `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`,
      );
    }
  });

  it('00:30 UTC on 1 July is already 02:30 in Rome (summer time)', () => {
    expect(romeDateOf(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(romeTimeOf(new Date('2024-06-30T22:30:00Z'))).toBe('00:30');
  });
});

describe('ageBandOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2006-05-10', '2024-05-09')).toBe(17);
    expect(ageOn('2006-05-10', '2024-05-10')).toBe(18);
    expect(ageOn('2006-12-31', '2024-01-01')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2024-05-10', '2024-05-09')).toBe(-1);
    expect(ageBandOn('2006-05-10', '2024-05-09')).toBe('0-17');
    expect(ageBandOn('2006-05-10', '2024-05-10')).toBe('18-29');
    expect(ageBandOn('1950-01-01', '2024-05-10')).toBe('65+');
    expect(ageBandOn(null, '2024-05-10')).toBe('unknown');
    expect(ageBandOn('2030-01-01', '2024-05-10')).toBe('unknown');
  });
});
