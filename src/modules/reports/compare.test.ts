import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SETTINGS, type ReportData } from '../../contracts/reports.js';
import { breakdownBlocks } from './blocks.js';
import { compareReports, figuresOf } from './compare.js';

function report(counts: Record<string, number>, text: string, total = Object.values(counts).reduce((s, n) => s + n, 0)): ReportData {
  return {
    title: 'Report di Gestione gennaio - dicembre 2024',
    heading: {
      organisation: 'Comune di Jesi',
      name: 'Jesi',
      centres: [{ id: 1, code: 'JESI', name: 'Jesi' }],
      address: null,
      phone: null,
      email: null,
    },
    year: 2024,
    settings: DEFAULT_REPORT_SETTINGS,
    generatedAt: '2025-01-10T09:00:00.000Z',
    appVersion: '0.1.0',
    versionNumber: 1,
    sections: [
      {
        id: 'visits',
        number: 2,
        title: 'Accessi 2024',
        blocks: [
          { kind: 'figures', id: 'visits.total', items: [{ key: 'total', label: 'Totale', value: total }], protect: true },
          ...breakdownBlocks({
            id: 'visits.byGender',
            title: 'Genere',
            categoryLabel: 'Genere',
            countLabel: 'Accessi',
            categories: Object.entries(counts).map(([key, count]) => ({ key, label: key, count })),
            total,
            chart: 'pie',
            mode: 'fixed',
          }),
          { kind: 'text', id: 'visits.definition', markdown: text, draft: text, edited: false },
        ],
      },
    ],
  };
}

describe('compareReports', () => {
  it('lists the figures that changed, appeared or disappeared, by block, row and column', () => {
    const a = report({ female: 200, male: 171 }, 'Si considerano accessi…');
    const b = report({ female: 201, male: 171, other: 1 }, 'Si considerano accessi tutte le richieste.');
    const comparison = compareReports(a, b, { from: 1, to: 2 });
    expect(comparison.differences).toEqual([
      { path: 'visits.total/total', section: 'Accessi 2024', table: 'Accessi 2024', row: 'Totale', column: '', from: 371, to: 373 },
      {
        path: 'visits.byGender/female/count',
        section: 'Accessi 2024',
        table: 'Genere',
        row: 'female',
        column: 'Accessi',
        from: 200,
        to: 201,
      },
      {
        path: 'visits.byGender/total/count',
        section: 'Accessi 2024',
        table: 'Genere',
        row: 'Totale',
        column: 'Accessi',
        from: 371,
        to: 373,
      },
      { path: 'visits.byGender/other/count', section: 'Accessi 2024', table: 'Genere', row: 'other', column: 'Accessi', to: 1 },
    ]);
    expect(comparison.figures).toBe(5);
    expect(comparison.changedTexts).toEqual([{ id: 'visits.definition', title: 'Accessi 2024' }]);
  });

  it('finds nothing between a version and itself; hidden cells compare by what is shown', () => {
    const a = report({ female: 200, male: 171 }, 'x');
    expect(compareReports(a, a, { from: 1, to: 1 }).differences).toEqual([]);
    const hidden = report({ female: 200, male: 171 }, 'x');
    const table = hidden.sections[0]?.blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    (table.rows[0] as { cells: Record<string, unknown> }).cells.count = { hidden: 'small', below: 5 };
    expect(figuresOf(hidden).get('visits.byGender/female/count')?.value).toEqual({ hidden: 'small', below: 5 });
    expect(compareReports(a, hidden, { from: 1, to: 2 }).differences.map((d) => d.path)).toEqual(['visits.byGender/female/count']);
  });
});

describe('breakdownBlocks', () => {
  it('refuses a breakdown whose parts do not add up to its total', () => {
    expect(() => report({ female: 11, male: 128 }, 'x', 149)).toThrow(/add up to 139, not to the total 149/);
  });
});
