import { describe, expect, it } from 'vitest';
import {
  figuresInPlaceOfRecords,
  type HistoricalValues,
  historicalNote,
  historicalProblems,
  inCareBreakdown,
  lastHistoricalYear,
  originGroupsOf,
  unspecifiedToClose,
  visitsBreakdown,
  yearSource,
} from './history.js';

const NONE: HistoricalValues = {
  visitsTotal: null,
  visitsItalian: null,
  visitsEu: null,
  visitsNonEu: null,
  visitsUnspecified: null,
  inCareTotal: null,
  inCareNew: null,
  inCareItalian: null,
  inCareEu: null,
  inCareNonEu: null,
  inCareUnspecified: null,
  enrolmentsTotal: null,
};
const values = (v: Partial<HistoricalValues>): HistoricalValues => ({ ...NONE, ...v });

describe('historicalProblems', () => {
  it('accepts a breakdown that adds up to its total, and a total alone', () => {
    expect(
      historicalProblems(values({ visitsTotal: 160, visitsItalian: 40, visitsEu: 20, visitsNonEu: 98, visitsUnspecified: 2 })),
    ).toEqual([]);
    expect(historicalProblems(values({ inCareTotal: 157 }))).toEqual([]);
    expect(historicalProblems(values({ enrolmentsTotal: 31 }))).toEqual([]);
  });

  it('refuses a breakdown short of its total with the sum, the total and what is missing', () => {
    expect(historicalProblems(values({ visitsTotal: 160, visitsItalian: 40, visitsEu: 20, visitsNonEu: 98 }))).toEqual([
      { field: 'visitsTotal', code: 'history.breakdown_short', params: { sum: 158, total: 160, difference: 2 } },
    ]);
  });

  it('refuses a breakdown over its total, each breakdown on its own total', () => {
    expect(
      historicalProblems(
        values({ visitsTotal: 10, visitsItalian: 10, inCareTotal: 5, inCareItalian: 4, inCareNonEu: 3, inCareUnspecified: 0 }),
      ),
    ).toEqual([{ field: 'inCareTotal', code: 'history.breakdown_over', params: { sum: 7, total: 5, difference: 2 } }]);
  });

  it('needs the total of parts or of new people entered, and new people at most those in care', () => {
    expect(historicalProblems(values({ visitsItalian: 3 }))).toEqual([{ field: 'visitsTotal', code: 'history.total_required' }]);
    expect(historicalProblems(values({ inCareNew: 3, visitsTotal: 9 }))).toEqual([
      { field: 'inCareTotal', code: 'history.total_required' },
    ]);
    expect(historicalProblems(values({ inCareTotal: 10, inCareNew: 11 }))).toEqual([
      { field: 'inCareNew', code: 'history.new_over_total', params: { total: 10 } },
    ]);
    expect(historicalProblems(values({ inCareTotal: 10, inCareNew: 10 }))).toEqual([]);
  });

  it('needs at least one total', () => {
    expect(historicalProblems(NONE)).toEqual([{ field: 'visitsTotal', code: 'history.nothing_entered' }]);
  });
});

describe('unspecifiedToClose', () => {
  it('is what Non specificato must hold for the parts to reach the total', () => {
    const b = visitsBreakdown(values({ visitsTotal: 160, visitsItalian: 40, visitsEu: 20, visitsNonEu: 98, visitsUnspecified: 1 }));
    expect(unspecifiedToClose(b)).toBe(2);
    expect(
      historicalProblems(values({ visitsTotal: 160, visitsItalian: 40, visitsEu: 20, visitsNonEu: 98, visitsUnspecified: 2 })),
    ).toEqual([]);
  });

  it('cannot close a gap when the other parts exceed the total, or without a total', () => {
    expect(unspecifiedToClose(visitsBreakdown(values({ visitsTotal: 5, visitsItalian: 6 })))).toBeNull();
    expect(unspecifiedToClose(visitsBreakdown(values({ visitsItalian: 6 })))).toBeNull();
  });
});

describe('the year', () => {
  it('goes up to last year in Rome', () => {
    expect(lastHistoricalYear('2026-01-01')).toBe(2025);
    expect(lastHistoricalYear('2025-12-31')).toBe(2024);
  });
});

describe('originGroupsOf', () => {
  it('puts a total published without its groups under Non specificato, and empty parts at 0', () => {
    expect(originGroupsOf(inCareBreakdown(values({ inCareTotal: 12 })))).toEqual({
      total: 12,
      italian: 0,
      eu: 0,
      non_eu: 0,
      unspecified: 12,
    });
    expect(originGroupsOf(inCareBreakdown(values({ inCareTotal: 12, inCareItalian: 2, inCareNonEu: 10 })))).toEqual({
      total: 12,
      italian: 2,
      eu: 0,
      non_eu: 10,
      unspecified: 0,
    });
    expect(originGroupsOf(inCareBreakdown(NONE))).toBeNull();
  });
});

describe('figuresInPlaceOfRecords', () => {
  const figures = [
    { centreId: 1, year: 2022, figure: 100 },
    { centreId: 2, year: 2022, figure: 50 },
    { centreId: 1, year: 2023, figure: 120 },
    { centreId: 2, year: 2023, figure: null },
  ];

  it('takes the figures of the centres without records in the year, published', () => {
    const records = new Set(['1:2023']);
    const has = (c: number, y: number) => records.has(`${c}:${y}`);
    expect(figuresInPlaceOfRecords(figures, 2022, has).map((f) => f.centreId)).toEqual([1, 2]);
    expect(figuresInPlaceOfRecords(figures, 2023, has)).toEqual([]);
    expect(figuresInPlaceOfRecords(figures, 2024, has)).toEqual([]);
  });
});

describe('historicalNote', () => {
  it('names the years of published figures, and says when records and figures are summed', () => {
    expect(
      historicalNote(
        new Map([
          [2022, yearSource(1, 0)],
          [2023, yearSource(1, 0)],
          [2024, yearSource(0, 1)],
        ]),
        false,
      ),
    ).toBe('I dati 2022 e 2023 sono quelli pubblicati dal centro prima di Approdo (inseriti a mano).');
    expect(historicalNote(new Map([[2021, yearSource(1, 0)]]), false)).toBe(
      'I dati 2021 sono quelli pubblicati dal centro prima di Approdo (inseriti a mano).',
    );
    expect(
      historicalNote(
        new Map([
          [2021, 'figures'],
          [2022, 'figures'],
          [2023, 'mixed'],
        ]),
        true,
      ),
    ).toBe(
      'I dati 2021 e 2022 sono quelli pubblicati dai centri prima di Approdo (inseriti a mano). I dati 2023 sommano le registrazioni dei centri che le hanno e i dati pubblicati prima di Approdo (inseriti a mano) degli altri.',
    );
    expect(historicalNote(new Map([[2024, 'records']]), false)).toBeNull();
  });
});
