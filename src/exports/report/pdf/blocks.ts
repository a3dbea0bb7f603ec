/**
 * The blocks of a section in the PDF, each in the structure tree: a block's title (H3), headline
 * figures (a paragraph each), the coordinator's Markdown (headings under the block's level,
 * paragraphs, lists as L / LI / Lbl / LBody), a table (table.ts) with its notes, and its chart:
 * a Figure whose alternative text states every figure it draws (chartAltText), with its caption.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { chartAltText } from '../../../contracts/report-charts.js';
import { type MdRun, parseMarkdown } from '../../../contracts/report-markdown.js';
import type { ReportBlock, ReportFigures, ReportTable, ReportText } from '../../../contracts/reports.js';
import { PDF_COLOURS, type PdfFace, pdfFont, pdfFontName } from '../../pdf.js';
import { cellText, chartSize, chartSvg } from '../common.js';
import { contentWidth, ensureSpace, pageHeight } from './page.js';
import { container, type Doc, leaf, type Struct } from './structure.js';
import { drawTable, measureTable, tableKeepHeight } from './table.js';

/** The block's title as a heading (H3), kept on the page with what follows it (keepWith points). */
function blockTitle(doc: Doc, parent: Struct, title: string | undefined, keepWith: number) {
  if (!title) return;
  ensureSpace(doc, keepWith + 24);
  doc.moveDown(0.6);
  leaf(doc, parent, 'H3', () => {
    pdfFont(doc, 'bold', title)
      .fontSize(12)
      .fillColor(PDF_COLOURS.ink)
      .text(title, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  });
  doc.moveDown(0.3);
}

/** A block's title's height, for keeping it on the page with its table. */
const titleHeight = (doc: Doc, title: string) =>
  pdfFont(doc, 'bold', title)
    .fontSize(12)
    .heightOfString(title, { width: contentWidth(doc) }) + 24;

export function figures(doc: Doc, parent: Struct, block: ReportFigures) {
  blockTitle(doc, parent, block.title, 30);
  ensureSpace(doc, 24 * block.items.length);
  doc.moveDown(0.3);
  for (const item of block.items) {
    const label = `${item.label}: `;
    const value = cellText(item.value);
    leaf(doc, parent, 'P', () => {
      pdfFont(doc, 'regular', label).fontSize(14).fillColor(PDF_COLOURS.ink).text(label, doc.page.margins.left, doc.y, { continued: true });
      pdfFont(doc, 'bold', value).fillColor(PDF_COLOURS.accent).text(value);
    });
    doc.moveDown(0.2);
  }
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
}

export function text(doc: Doc, parent: Struct, block: ReportText) {
  blockTitle(doc, parent, block.title, 40);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const parsed = parseMarkdown(block.markdown);
  // Its headings sit under the block's: H3 in a block without a title, H4 under one; a deeper
  // Markdown heading one level more (never skipping a level).
  const base = block.title ? 4 : 3;
  const top = Math.min(...parsed.map((md) => (md.kind === 'heading' ? md.level : 99)));
  doc.moveDown(0.3);
  for (const md of parsed) {
    if (md.kind === 'heading') {
      ensureSpace(doc, 50);
      doc.moveDown(0.3);
      leaf(doc, parent, `H${base + (md.level > top ? 1 : 0)}`, () =>
        runs(doc, md.runs, { x: left, width, size: md.level <= 2 ? 12.5 : 11.5, bold: true }),
      );
      doc.moveDown(0.2);
    } else if (md.kind === 'paragraph') {
      if (md.runs.some((run) => run.text !== '')) leaf(doc, parent, 'P', () => runs(doc, md.runs, { x: left, width, size: 10.5 }));
      doc.moveDown(0.5);
    } else {
      const list = container(doc, parent, 'L');
      md.items.forEach((item, index) => {
        const marker = md.ordered ? `${index + 1}.` : '•';
        ensureSpace(doc, 16);
        const y = doc.y;
        const li = container(doc, list, 'LI');
        leaf(doc, li, 'Lbl', () => {
          pdfFont(doc, 'regular', marker)
            .fontSize(10.5)
            .fillColor(PDF_COLOURS.ink)
            .text(marker, left + 6, y, { width: 16, lineBreak: false });
        });
        doc.y = y;
        leaf(doc, li, 'LBody', () => runs(doc, item, { x: left + 24, width: width - 24, size: 10.5 }));
        li.end();
        doc.moveDown(0.15);
      });
      list.end();
      doc.moveDown(0.35);
    }
  }
}

/** Runs of bold and italic text in one paragraph. */
function runs(doc: Doc, list: MdRun[], at: { x: number; width: number; size: number; bold?: boolean }) {
  const parts = list.filter((run) => run.text !== '');
  if (parts.length === 0) return;
  doc.fontSize(at.size).fillColor(PDF_COLOURS.ink);
  parts.forEach((run, index) => {
    const bold = at.bold || run.bold;
    const face: PdfFace = bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
    pdfFont(doc, face, run.text);
    const options = { width: at.width, continued: index < parts.length - 1, lineGap: 1.5 };
    if (index === 0) doc.text(run.text, at.x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.font('regular');
}

/**
 * The room a table needs on the page where it starts: a table that fits on a page starts on a
 * page where it fits whole, with its title, and with its notes and chart too when they all fit
 * on one; a longer one with its title and first rows.
 */
function tableKeep(doc: Doc, block: ReportTable) {
  const measured = measureTable(doc, block);
  const title = titleHeight(doc, block.title);
  const notes = (block.notes ?? []).reduce(
    (sum, note) =>
      sum +
      pdfFont(doc, 'regular', note)
        .fontSize(8.5)
        .heightOfString(note, { width: contentWidth(doc) }) +
      2,
    0,
  );
  const whole = tableKeepHeight(doc, measured, title + notes + (chartLayout(doc, block)?.total ?? 0));
  return { measured, title, keep: whole <= pageHeight(doc) ? whole : tableKeepHeight(doc, measured, title) };
}

/** The room the block needs where it starts (a section's heading keeps it on its page). */
export function blockKeep(doc: Doc, block: ReportBlock): number {
  if (block.kind === 'table') return tableKeep(doc, block).keep;
  if (block.kind === 'figures') return 30 + 24 * block.items.length;
  return 60;
}

export function table(doc: Doc, parent: Struct, block: ReportTable) {
  const width = contentWidth(doc);
  const { measured, title, keep } = tableKeep(doc, block);
  blockTitle(doc, parent, block.title, keep - title + 8);
  drawTable(doc, parent, block, measured);
  for (const note of block.notes ?? []) {
    ensureSpace(doc, 12);
    leaf(doc, parent, 'P', () => {
      pdfFont(doc, 'regular', note).fontSize(8.5).fillColor(PDF_COLOURS.muted).text(note, doc.page.margins.left, doc.y, { width });
    });
    doc.moveDown(0.15);
  }
  doc.fillColor(PDF_COLOURS.ink).fontSize(11);
  chart(doc, parent, block);
  doc.moveDown(0.5);
}

/** The chart's size on the page, with its caption: total is the room it takes. */
function chartLayout(doc: Doc, block: ReportTable) {
  if (!block.chart) return null;
  const size = chartSize(block);
  const width = Math.min(contentWidth(doc), 460);
  const height = Math.min((width * size.height) / size.width, pageHeight(doc) - 40);
  const caption = block.chart.caption;
  const captionHeight = caption
    ? pdfFont(doc, 'italic', caption)
        .fontSize(8.5)
        .heightOfString(caption, { width: contentWidth(doc) }) + 4
    : 0;
  return { size, width, height, caption, total: height + 12 + captionHeight };
}

/** The chart after its table, drawn as vectors at the page's width, a Figure with its caption. */
function chart(doc: Doc, parent: Struct, block: ReportTable) {
  const layout = chartLayout(doc, block);
  const svg = layout && chartSvg(block, layout.size);
  const alt = chartAltText(block);
  if (!layout || !svg || !alt) return;
  const { width, height, caption } = layout;
  const labels = [...svg.matchAll(/<text\b[^>]*>([^<]*)</g)].map((match) => match[1]).join(' ');
  ensureSpace(doc, layout.total);
  doc.moveDown(0.4);
  const x = doc.page.margins.left + (contentWidth(doc) - width) / 2;
  const y = doc.y;
  leaf(
    doc,
    parent,
    'Figure',
    () => {
      SVGtoPDF(doc, svg, x, y, {
        width,
        height,
        // Titillium, or DejaVu Sans for a chart whose labels have a letter Titillium lacks.
        fontCallback: (_family: string, bold: boolean) => pdfFontName(doc, bold ? 'bold' : 'regular', labels),
        warningCallback: () => {},
      });
    },
    { alt, bbox: [x, y, x + width, y + height] },
  );
  doc.x = doc.page.margins.left;
  doc.y = y + height + 4;
  if (caption) {
    leaf(doc, parent, 'P', () => {
      pdfFont(doc, 'italic', caption)
        .fontSize(8.5)
        .fillColor(PDF_COLOURS.muted)
        .text(caption, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
    });
  }
  doc.font('regular').fillColor(PDF_COLOURS.ink).fontSize(11);
}
