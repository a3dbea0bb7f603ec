import { describe, expect, it } from 'vitest';
import { addYears, lastContactOf, type RetentionSettings, retentionVerdict } from './retention.js';

const ON: RetentionSettings = { enabled: true, yearsAfterContact: 2, yearsAfterCase: 5 };
const person = (contacts: Array<string | null>, cases: { open?: boolean; had?: boolean } = {}) => ({
  contacts,
  openCase: cases.open ?? false,
  hadCase: cases.had ?? cases.open ?? false,
});

describe('retention', () => {
  it('adds years on the calendar, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2020-03-15', 5)).toBe('2025-03-15');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2024-12-31', -3)).toBe('2021-12-31');
  });

  it('the last contact is the latest date recorded, whatever the kind of record; nulls are no contact', () => {
    expect(lastContactOf(['2021-04-01', null, '2023-01-09', '2022-12-31'])).toBe('2023-01-09');
    expect(() => lastContactOf([null])).toThrow();
  });

  it('a person never in care is due the day the years after the last contact are over, not before', () => {
    const dates = person(['2019-05-02', '2021-06-30']);
    expect(retentionVerdict(ON, dates, '2023-06-29')).toEqual({
      due: false,
      keep: 'recent',
      lastContact: '2021-06-30',
      dueOn: '2023-06-30',
    });
    expect(retentionVerdict(ON, dates, '2023-06-30')).toEqual({
      due: true,
      reason: 'no_case',
      lastContact: '2021-06-30',
      dueOn: '2023-06-30',
    });
  });

  it('a person whose cases are all closed is kept the longer years of cases, counted from the last contact', () => {
    const dates = person(['2018-01-10', '2019-11-30'], { had: true });
    expect(retentionVerdict(ON, dates, '2024-11-29')).toMatchObject({ due: false, keep: 'recent', dueOn: '2024-11-30' });
    expect(retentionVerdict(ON, dates, '2030-01-01')).toEqual({
      due: true,
      reason: 'case_closed',
      lastContact: '2019-11-30',
      dueOn: '2024-11-30',
    });
  });

  it('an open case, own or of a household, keeps the file however old the last contact', () => {
    expect(retentionVerdict(ON, person(['2001-01-01'], { open: true }), '2030-01-01')).toEqual({
      due: false,
      keep: 'open_case',
      lastContact: '2001-01-01',
      dueOn: null,
    });
  });

  it('settings off: nobody is due', () => {
    expect(retentionVerdict({ ...ON, enabled: false }, person(['2001-01-01']), '2030-01-01')).toMatchObject({ due: false, keep: 'off' });
  });
});
