import { describe, expect, it } from 'vitest';
import { reportFixture } from '../../test/support/report-fixture.js';
import {
  CATEGORY_COLOURS,
  CHART_PALETTE,
  CHART_PRINT_FONT,
  categoryColours,
  chartAltText,
  chartCellText,
  chartOption,
} from './report-charts.js';
import type { ReportTable } from './reports.js';

const data = reportFixture();
const table = (id: string): ReportTable => {
  for (const section of data.sections) {
    for (const block of section.blocks) if (block.id === id && block.kind === 'table') return block;
  }
  throw new Error(`no table ${id}`);
};

// biome-ignore lint/suspicious/noExplicitAny: reading back a loosely typed ECharts option
type Any = any;
const option = (id: string, print = false): Any => chartOption(table(id), { print });

describe('chartOption', () => {
  it('gives null for a table without a chart', () => {
    expect(chartOption(table('centre.hours'))).toBeNull();
  });

  it('draws a horizontal bar with the categories in table order, top to bottom, without the total row', () => {
    const o = option('visits.countries');
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data.slice(0, 3)).toEqual(['Italia', 'Nigeria', 'Marocco']);
    expect(o.yAxis.data).toContain('Altro');
    expect(o.yAxis.data).not.toContain('Totale');
    expect(o.xAxis.type).toBe('value');
    const values = o.series[0].data.map((d: Any) => d.value);
    expect(values.slice(0, 3)).toEqual([62, 58, 41]);
    expect(values.reduce((s: number, v: number) => s + v, 0)).toBe(371);
  });

  it('draws a hidden count as no value with its label', () => {
    const o = option('care.countries');
    const data = o.series[0].data;
    const names: string[] = o.yAxis.data;
    const camerun = data[names.indexOf('Camerun')];
    expect(camerun.value).toBe(0);
    expect(camerun.label).toEqual({ show: true, formatter: '< 5' });
    expect(data[names.indexOf('Egitto')].label.formatter).toBe('*');
    expect(data[names.indexOf('Nigeria')].value).toBe(31);
  });

  it('labels pie slices with their count and percentage, in Italian, leaving out empty slices', () => {
    const o = option('care.origin', true);
    const series = o.series[0];
    expect(series.type).toBe('pie');
    expect(series.data.map((d: Any) => d.name)).toEqual(['Italiani', 'Extracomunitari']);
    expect(series.label.formatter({ name: 'Italiani', value: 22, percent: 13.5, data: { text: '22' } })).toBe('Italiani: 22 (13,5%)');
    expect(series.label.formatter({ name: 'Camerun', value: 0, percent: 0, data: { text: '< 5' } })).toBe('Camerun: < 5');
    const screen = option('care.origin');
    expect(screen.tooltip.trigger).toBe('item');
    expect(screen.tooltip.formatter({ name: '<img src=x onerror=alert(1)>', value: 3, percent: 50, data: { text: '3' } })).toBe(
      '&lt;img src=x onerror=alert(1)&gt;: 3 (50%)',
    );
  });

  it('draws the years as a line, one series per column, gaps for hidden counts', () => {
    const t = structuredClone(table('care.comparison'));
    t.rows[0]!.cells.eu = { hidden: 'small', below: 5 };
    const o: Any = chartOption(t, { print: true });
    expect(o.xAxis.data).toEqual(['2022', '2023', '2024']);
    expect(o.series.map((s: Any) => [s.type, s.name])).toEqual([
      ['line', 'Totale'],
      ['line', 'Italiani'],
      ['line', 'Comunitari'],
      ['line', 'Extracomunitari'],
    ]);
    expect(o.series[2].data[0].value).toBe('-');
    expect(o.legend).toBeDefined();
  });

  it('writes numbers the Italian way', () => {
    expect(chartCellText(1284)).toBe('1.284');
    expect(chartCellText(12.5)).toBe('12,5');
    expect(chartCellText({ hidden: 'small', below: 5 })).toBe('< 5');
    const o = option('topics.topics');
    expect(o.xAxis.axisLabel.formatter(1500)).toBe('1.500');
    expect(o.series[0].label.formatter({ value: 1500 })).toBe('1.500');
  });

  it('prints without animation, tooltip or toolbox, in DejaVu Sans; on screen it is interactive', () => {
    const print = option('courses.clubs', true);
    expect(print.animation).toBe(false);
    expect(print.tooltip).toBeUndefined();
    expect(print.toolbox).toBeUndefined();
    expect(print.textStyle.fontFamily).toBe(CHART_PRINT_FONT);
    expect(print.color[0]).toBe('#0066CC');
    const screen = option('courses.clubs');
    expect(screen.animation).toBe(true);
    expect(screen.tooltip.trigger).toBe('axis');
    expect(
      screen.tooltip.formatter([
        { axisValueLabel: 'Club <b>base</b>', seriesName: 'Iscritti SAI', marker: '<span></span>', value: 2500, data: { text: '2.500' } },
        { axisValueLabel: 'Club <b>base</b>', seriesName: 'Iscritti Centro', marker: '', value: 0, data: { text: '< 5' } },
      ]),
    ).toBe(
      'Club &lt;b&gt;base&lt;/b&gt;<br/><span></span>Iscritti SAI: <strong>2.500</strong><br/>Iscritti Centro: <strong>&lt; 5</strong>',
    );
    expect(screen.textStyle.fontFamily).not.toBe(CHART_PRINT_FONT);
    expect(screen.series.map((s: Any) => s.name)).toEqual(['Iscritti SAI', 'Iscritti Centro']);
  });

  it('uses a palette whose first colours differ in lightness (readable in grey)', () => {
    const lightness = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      return 0.299 * r! + 0.587 * g! + 0.114 * b!;
    };
    const greys = CHART_PALETTE.slice(0, 4).map(lightness);
    for (let i = 1; i < greys.length; i++) expect(Math.abs(greys[i]! - greys[i - 1]!)).toBeGreaterThan(25);
  });

  it('gives a category the same colour in every chart, whatever the others or the slices left out', () => {
    const slice = (o: Any, name: string) => o.color[o.series[0].data.findIndex((d: Any) => d.name === name)];
    const visits = option('visits.origin', true);
    // The people's pie leaves out its empty slices (Comunitari, Non specificato).
    const people = option('care.origin', true);
    const comparison = option('care.comparison', true);
    const series = (name: string) => comparison.color[comparison.series.findIndex((s: Any) => s.name === name)];
    for (const [name, key] of [
      ['Italiani', 'italian'],
      ['Extracomunitari', 'non_eu'],
    ] as const) {
      expect(slice(visits, name)).toBe(CATEGORY_COLOURS[key]);
      expect(slice(people, name)).toBe(CATEGORY_COLOURS[key]);
      expect(series(name)).toBe(CATEGORY_COLOURS[key]);
    }
    expect(slice(visits, 'Comunitari')).toBe(series('Comunitari'));
    expect(series('Totale')).toBe(CATEGORY_COLOURS.total);
    expect(slice(option('visits.gender', true), 'Donna')).toBe(slice(option('care.gender', true), 'Donna'));
    // Categories without a colour of their own take the palette's, none taken twice in a chart.
    const colours = categoryColours(['host', 'italian', 'outside', 'none']);
    expect(colours[1]).toBe(CATEGORY_COLOURS.italian);
    expect(new Set(colours).size).toBe(4);
  });

  it('states the chart in words, every figure from its table, for its alternative text', () => {
    expect(chartAltText(table('visits.origin'))).toBe(
      'Grafico a torta: Provenienza (N. accessi). Italiani 62, Comunitari 9, Extracomunitari 297, Non specificato 3.',
    );
    expect(chartAltText(table('care.comparison'))).toBe(
      'Grafico a linee: Utenti presi in carico 2022/2023/2024. Totale: 2022 149, 2023 160, 2024 163; ' +
        'Italiani: 2022 11, 2023 21, 2024 22; Comunitari: 2022 1, 2023 2, 2024 0; Extracomunitari: 2022 128, 2023 137, 2024 141.',
    );
    expect(chartAltText(table('care.countries'))).toContain('Camerun < 5, Egitto *');
    expect(chartAltText(table('centre.hours'))).toBeNull();
  });

  it('keeps the labels of lines that run close apart, and names under bars within their slot', () => {
    expect(option('care.comparison', true).series.every((s: Any) => s.labelLayout.moveOverlap === 'shiftY')).toBe(true);
    const clubs = option('courses.clubs', true);
    expect(clubs.xAxis.axisLabel.width * clubs.xAxis.data.length).toBeLessThanOrEqual(600);
  });
});
