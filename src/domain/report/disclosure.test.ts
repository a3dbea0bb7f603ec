import { describe, expect, it } from 'vitest';
import { type DisclosableTable, protectFigure, protectTable } from './disclosure.js';

const breakdown = (counts: Record<string, number>): DisclosableTable => {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return {
    columns: [
      { key: 'category', numeric: false },
      { key: 'count', numeric: true },
    ],
    rows: [
      ...Object.entries(counts).map(([category, count]) => ({ cells: { category, count } })),
      { cells: { category: 'Totale', count: total }, total: true },
    ],
  };
};
const counts = (t: DisclosableTable) => t.rows.map((r) => r.cells.count);

describe('protectTable', () => {
  it('hides a lone small count with the smallest other count, so the total cannot give it away', () => {
    const table = breakdown({ italian: 22, eu: 3, non_eu: 141 });
    expect(protectTable(table, 5)).toBe(2);
    expect(counts(table)).toEqual([{ hidden: 'complementary', below: 5 }, { hidden: 'small', below: 5 }, 141, 166]);
  });

  it('leaves two small counts as they are (neither can be worked out), and zeros shown', () => {
    const table = breakdown({ a: 2, b: 3, c: 0, d: 40 });
    protectTable(table, 5);
    expect(counts(table)).toEqual([{ hidden: 'small', below: 5 }, { hidden: 'small', below: 5 }, 0, 40, 45]);
  });

  it('hides the total when the small count has no other non-zero part beside it', () => {
    const table = breakdown({ a: 0, b: 3 });
    protectTable(table, 5);
    expect(counts(table)).toEqual([0, { hidden: 'small', below: 5 }, { hidden: 'small', below: 5 }]);
    const lone = breakdown({ a: 0, b: 7 });
    protectTable(lone, 5);
    expect(counts(lone)).toEqual([0, 7, 7]);
  });

  it('protects rows and columns of a table with a total column, until no line has a single hidden cell', () => {
    const table: DisclosableTable = {
      columns: [
        { key: 'course', numeric: false },
        { key: 'sai', numeric: true },
        { key: 'centre', numeric: true },
        { key: 'total', numeric: true },
      ],
      totalColumn: 'total',
      rows: [
        { cells: { course: 'A', sai: 8, centre: 8, total: 16 } },
        { cells: { course: 'B', sai: 23, centre: 4, total: 27 } },
        { cells: { course: 'C', sai: 17, centre: 5, total: 22 } },
        { cells: { course: 'Totale', sai: 48, centre: 17, total: 65 }, total: true },
      ],
    };
    protectTable(table, 5);
    for (const row of table.rows) {
      const hidden = ['sai', 'centre', 'total'].filter((k) => typeof row.cells[k] === 'object');
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
    for (const key of ['sai', 'centre', 'total']) {
      const hidden = table.rows.filter((row) => typeof row.cells[key] === 'object');
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
    expect(table.rows[1]?.cells.centre).toEqual({ hidden: 'small', below: 5 });
  });

  it('leaves measures (hours, lessons) shown, and adds up a total column over the counts only', () => {
    const table: DisclosableTable = {
      columns: [
        { key: 'course', numeric: false },
        { key: 'lessons', numeric: true, measure: true },
        { key: 'sai', numeric: true },
        { key: 'centre', numeric: true },
        { key: 'total', numeric: true },
      ],
      totalColumn: 'total',
      rows: [
        { cells: { course: 'A', lessons: 3, sai: 20, centre: 2, total: 22 } },
        { cells: { course: 'B', lessons: 4, sai: 30, centre: 9, total: 39 } },
        { cells: { course: 'Totale', lessons: 7, sai: 50, centre: 11, total: 61 }, total: true },
      ],
    };
    protectTable(table, 5);
    expect(table.rows.map((r) => r.cells.lessons)).toEqual([3, 4, 7]);
    expect(table.rows[0]?.cells).toMatchObject({ centre: { hidden: 'small', below: 5 }, sai: { hidden: 'complementary', below: 5 } });
  });

  it('does nothing with a threshold of 0 or 1', () => {
    const table = breakdown({ a: 1, b: 9 });
    expect(protectTable(table, 0)).toBe(0);
    expect(counts(table)).toEqual([1, 9, 10]);
  });
});

describe('protectFigure', () => {
  it('hides a small figure only', () => {
    expect(protectFigure(3, 5)).toEqual({ hidden: 'small', below: 5 });
    expect(protectFigure(0, 5)).toBe(0);
    expect(protectFigure(371, 5)).toBe(371);
  });
});
