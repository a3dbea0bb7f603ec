import { describe, expect, it } from 'vitest';
import { changesBetween, hoursChangeText, hoursTableRows, type YearHoursSet } from './hours-table.js';

const slot = (weekday: number, from: string, to: string) => ({ weekday, from, to });
const MORNINGS = [1, 2, 3, 5].map((w) => slot(w, '09:00', '12:00'));
/** The reference report's hours: Tuesday afternoon closed from 15 October 2024. */
const BEFORE: YearHoursSet = {
  validFrom: '2023-01-01',
  validTo: '2024-10-14',
  slots: [...MORNINGS, slot(2, '15:00', '18:00'), slot(4, '15:00', '18:00')],
};
const AFTER: YearHoursSet = { validFrom: '2024-10-15', validTo: null, slots: [...MORNINGS, slot(4, '15:00', '18:00')] };

describe('hoursTableRows', () => {
  it('gives the reference report’s table, with the dates of the change where a cell changed', () => {
    expect(hoursTableRows([AFTER, BEFORE], 2024).map((r) => [r.label, r.morning, r.afternoon])).toEqual([
      ['LUNEDÌ', '9 - 12', 'chiuso'],
      ['MARTEDÌ', '9 - 12', '15 - 18 fino al 15/10 chiuso dal 15/10'],
      ['MERCOLEDÌ', '9 - 12', 'chiuso'],
      ['GIOVEDÌ', 'chiuso', '15 - 18'],
      ['VENERDÌ', '9 - 12', 'chiuso'],
    ]);
  });

  it('adds Saturday only when it has hours, writes half hours and two slots, and the start of hours begun in the year', () => {
    const set: YearHoursSet = {
      validFrom: '2024-03-01',
      validTo: null,
      slots: [slot(6, '09:30', '11:00'), slot(6, '11:30', '13:00'), slot(1, '14:00', '17:00')],
    };
    const rows = hoursTableRows([set], 2024);
    expect(rows.map((r) => r.label)).toEqual(['LUNEDÌ', 'MARTEDÌ', 'MERCOLEDÌ', 'GIOVEDÌ', 'VENERDÌ', 'SABATO']);
    expect(rows[5]).toMatchObject({ morning: '9:30 - 11 e 11:30 - 13 dal 01/03', afternoon: 'chiuso dal 01/03' });
    expect(rows[0]).toMatchObject({ morning: 'chiuso dal 01/03', afternoon: '14 - 17 dal 01/03' });
  });
});

describe('hoursChangeText', () => {
  it('says what changed and from when', () => {
    expect(hoursChangeText([BEFORE, AFTER], 2024)).toBe(
      "L'orario del Centro ha subito una variazione a partire dal 15 ottobre: chiusura del martedì pomeriggio (prima 15 - 18).",
    );
    expect(
      changesBetween(AFTER, {
        slots: [...AFTER.slots, slot(7, '10:00', '12:00')].map((s) => (s.weekday === 4 ? slot(4, '15:00', '19:00') : s)),
      }),
    ).toEqual(['giovedì pomeriggio 15 - 19 (prima 15 - 18)', 'apertura della domenica mattina (10 - 12)']);
  });

  it('says when the hours did not change, or are not recorded', () => {
    expect(hoursChangeText([AFTER], 2025)).toBe("Nel 2025 l'orario di apertura non è cambiato.");
    expect(hoursChangeText([], 2024)).toBe('Per il 2024 non è registrato un orario di apertura.');
  });
});
