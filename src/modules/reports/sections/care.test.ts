/** The report's rule for the people in care of a year, on member periods given by hand. */
import { describe, expect, it } from 'vitest';
import type { CareMemberPeriod } from '../visits-care.repository.js';
import { peopleInCareIn } from './care.js';

const period = (personKey: number, openedOn: string, closedOn: string | null, citizenship = 'MA'): CareMemberPeriod => ({
  personKey,
  memberId: personKey * 10,
  openedOn,
  closedOn,
  gender: 'female',
  citizenship,
  residenceKind: 'comune',
  residenceComune: '042021',
  snapshotOn: openedOn,
});

describe('peopleInCareIn', () => {
  it('new in the year when their first opening is in it; a first opening left out of the rows (openedBefore) makes them not new', () => {
    const rows = [period(1, '2026-02-01', null), period(2, '2026-03-01', null), period(3, '2024-01-01', '2024-06-01')];
    const people = peopleInCareIn(rows, 2026);
    expect(people.map((p) => [p.personKey, p.isNew])).toEqual([
      [1, true],
      [2, true],
    ]);
    // 1's earlier case was at another centre (closed before the year); 3 is in care nowhere this year.
    const openedBefore = new Map([
      [1, '2019-05-01'],
      [3, '2015-01-01'],
    ]);
    expect(peopleInCareIn(rows, 2026, openedBefore).map((p) => [p.personKey, p.isNew])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});
