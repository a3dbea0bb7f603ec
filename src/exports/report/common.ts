/**
 * What every document of the report shares: the tables in reading order, a cell as text, the
 * version line, and the charts drawn on the server (SVG for the PDF, PNG for the DOCX).
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_PRINT_FONT, chartCellText, chartOption } from '../../contracts/report-charts.js';
import type { ReportCell, ReportData, ReportSection, ReportTable } from '../../contracts/reports.js';
import { PDF_FONT_FILES } from '../pdf.js';

/** Every table of the report with its section, in reading order. */
export function reportTables(data: ReportData): { section: ReportSection; table: ReportTable }[] {
  return data.sections.flatMap((section) =>
    section.blocks.filter((block): block is ReportTable => block.kind === 'table').map((table) => ({ section, table })),
  );
}

/** A cell as the documents print it: "1.234", "< 5", "*", text, or empty. */
export const cellText = (cell: ReportCell | undefined): string => chartCellText(cell);

const dateFormat = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' });

/** "Bozza" or "Versione 2, pubblicata il 14 febbraio 2025". */
export function versionLine(data: ReportData): string {
  if (data.versionNumber === null) return 'Bozza';
  return `Versione ${data.versionNumber}, pubblicata il ${dateFormat.format(new Date(data.generatedAt))}`;
}

/**
 * The centre's comune, address, telephone and e-mail, one per line, as the cover shows them (the
 * comune left out when the organisation's name says it already: «Comune di Jesi»).
 */
export function contactLines(data: ReportData): string[] {
  const { organisation, comune, address, phone, email } = data.heading;
  return [comune && comune !== organisation ? comune : null, address, phone ? `Tel. ${phone}` : null, email].filter(
    (line): line is string => !!line,
  );
}

/**
 * The image on the cover, above the title: the logo of one of the report's centres or its
 * Comune's stemma (a PNG or JPEG checked on upload), with its size in pixels and its alternative
 * text («Logo di Sportello Immigrati Jesi»).
 */
export interface CoverImage {
  mediaType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  width: number;
  height: number;
  alt: string;
}

/** A stored image (a centre's logo, a published version's copy of it) as the cover shows it, with its alternative text. */
export function storedCoverImage(
  stored: { mediaType: string; bytes: Uint8Array; width: number | string; height: number | string },
  alt: string,
): CoverImage {
  return {
    mediaType: stored.mediaType as CoverImage['mediaType'],
    bytes: Buffer.from(stored.bytes),
    width: Number(stored.width),
    height: Number(stored.height),
    alt,
  };
}

/** What a document of the report shows beside its data. */
export interface RenderOptions {
  coverImage?: CoverImage | null;
}

/** The cover image's size inside a box (never larger than its own pixels, counted as points), its proportions kept. */
export function coverImageSize(image: CoverImage, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** "Generato il 14 febbraio 2025 alle 10:30 con Approdo 0.1.0". */
export function generatedLine(data: ReportData): string {
  const at = new Date(data.generatedAt);
  return `Generato il ${dateFormat.format(at)} alle ${timeFormat.format(at)} con Approdo ${data.appVersion}`;
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

export interface ChartSize {
  width: number;
  height: number;
}

/** Pixels of the chart: horizontal bars grow with their categories, the others are fixed. */
export function chartSize(table: ReportTable): ChartSize {
  const categories = table.rows.filter((row) => !row.total).length;
  if (table.chart?.type === 'horizontalBar') return { width: 640, height: Math.min(760, Math.max(200, 60 + categories * 26)) };
  if (table.chart?.type === 'pie') return { width: 640, height: 300 };
  return { width: 640, height: 320 };
}

/**
 * The table's chart as SVG (print options: no animation, DejaVu Sans), or null when it has none.
 * ECharts' label halos (a white stroke painted under the text) are stripped: svg-to-pdfkit
 * paints the stroke over the letters, which leaves the labels invisible.
 */
export function chartSvg(table: ReportTable, size: ChartSize = chartSize(table)): string | null {
  const option = chartOption(table, { print: true });
  if (!option) return null;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return stripLabelHalos(chart.renderToSVGString());
  } finally {
    // Without it the chart keeps a timer alive and the process never exits.
    chart.dispose();
  }
}

/** Removes the stroke that ECharts paints under label text (paint-order="stroke"). */
export function stripLabelHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    tag.includes('paint-order')
      ? tag
          .replace(/\s(?:stroke|stroke-width|paint-order|stroke-miterlimit|stroke-linejoin)="[^"]*"/g, '')
          .replace(/<text\b/, '<text stroke="none"')
      : tag,
  );
}

/** The chart as PNG (one and a half times the pixels: 144 dpi at its size in the DOCX), with the DejaVu fonts given explicitly. */
export function chartPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * 1.5) },
    background: '#ffffff',
    font: { fontFiles: [PDF_FONT_FILES.regular, PDF_FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: CHART_PRINT_FONT },
  });
  return resvg.render().asPng();
}
