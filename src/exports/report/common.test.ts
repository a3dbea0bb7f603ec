import { describe, expect, it } from 'vitest';
import { reportFixture } from '../../../test/support/report-fixture.js';
import { type ReportTable, reportData } from '../../contracts/reports.js';
import { chartPng, chartSvg, generatedLine, reportTables, stripLabelHalos, versionLine } from './common.js';

const data = reportFixture();
const table = (id: string) => reportTables(data).find(({ table }) => table.id === id)!.table as ReportTable;

describe('the charts drawn on the server', () => {
  it('strips the label halos that svg-to-pdfkit would paint over the letters', () => {
    const svg =
      '<svg><text fill="#333" stroke="rgb(255,255,255)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2">31</text><path stroke="#ccc" d="M0 0"/></svg>';
    expect(stripLabelHalos(svg)).toBe('<svg><text stroke="none" fill="#333">31</text><path stroke="#ccc" d="M0 0"/></svg>');
  });

  it('renders a table chart to SVG with its labels in DejaVu Sans and no halo, and to PNG', () => {
    const svg = chartSvg(table('care.countries'))!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('paint-order');
    expect(svg).toContain('font-family:DejaVu Sans');
    expect(svg).toContain('>Nigeria</text>');
    expect(svg).toContain('>&lt; 5</text>');
    expect(svg).not.toContain('>Totale</text>');
    const png = chartPng(svg, 640);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(960);
  });

  it('gives null for a table without a chart', () => {
    expect(chartSvg(table('centre.hours'))).toBeNull();
  });
});

describe('the fixture', () => {
  it('is a valid ReportData with every kind of block and chart', () => {
    expect(() => reportData.parse(data)).not.toThrow();
    const blocks = data.sections.flatMap((s) => s.blocks);
    expect(new Set(blocks.map((b) => b.kind))).toEqual(new Set(['table', 'figures', 'text']));
    const charts = new Set(blocks.flatMap((b) => (b.kind === 'table' && b.chart ? [b.chart.type] : [])));
    expect(charts).toEqual(new Set(['bar', 'horizontalBar', 'pie', 'line']));
    expect(data.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('the version and generation lines', () => {
  it('says "Bozza" for a draft, the version and its date once published, and when it was generated', () => {
    expect(versionLine(data)).toBe('Bozza');
    expect(versionLine(reportFixture({ versionNumber: 4 }))).toBe('Versione 4, pubblicata il 14 febbraio 2025');
    expect(generatedLine(data)).toBe('Generato il 14 febbraio 2025 alle 10:30 con Approdo 0.1.0');
  });
});
