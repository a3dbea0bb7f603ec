/**
 * The report as a print-ready PDF: A4, DejaVu Sans embedded (src/exports/pdf.ts), a cover with
 * the centre, the title and the year, a contents page with the page of each section, then the
 * numbered sections (figures, tables with their header repeated across pages and their notes,
 * charts as vectors after their tables, the coordinator's Markdown), and on every page
 * "Pagina N di M" with the version ("Bozza" for a draft).
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { type MdRun, parseMarkdown } from '../../contracts/report-markdown.js';
import type { ReportData, ReportFigures, ReportSection, ReportTable, ReportText } from '../../contracts/reports.js';
import { createPdf, PDF_COLOURS, pdfBytes } from '../pdf.js';
import { cellText, chartSize, chartSvg, contactLines, generatedLine, versionLine } from './common.js';

const FOOTER_GAP = 30;
const CELL_PAD = 4;
const TABLE_SIZE = 9.5;
const HEADER_FILL = '#e6f0fa';

type Doc = PDFKit.PDFDocument;

export async function renderPdf(data: ReportData): Promise<Buffer> {
  const doc = createPdf({
    title: `${data.title} - ${data.heading.name}`,
    header: { centreName: data.heading.name, organisationName: data.heading.organisation },
    bufferPages: true,
  });

  cover(doc, data);
  // The contents page is written last, once the sections' pages are known.
  doc.addPage();
  const contentsPage = doc.bufferedPageRange().count - 1;
  const sectionPages: number[] = [];
  let first = true;
  for (const section of data.sections) {
    if (first || spaceLeft(doc) < 220) doc.addPage();
    else doc.moveDown(1.5);
    first = false;
    sectionPages.push(doc.bufferedPageRange().count);
    sectionHeading(doc, section);
    for (const block of section.blocks) {
      if (block.kind === 'table') table(doc, block);
      else if (block.kind === 'figures') figures(doc, block);
      else text(doc, block);
    }
  }
  ensureSpace(doc, 40);
  doc.moveDown(2);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(PDF_COLOURS.muted)
    .text(generatedLine(data), { width: contentWidth(doc) });
  doc.text(versionLine(data), { width: contentWidth(doc) });

  contents(doc, contentsPage, data.sections, sectionPages);
  footers(doc, data);
  return pdfBytes(doc);
}

// ---------------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------------

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const spaceLeft = (doc: Doc) => bottom(doc) - doc.y;

function ensureSpace(doc: Doc, height: number) {
  if (spaceLeft(doc) < height) doc.addPage();
}

function cover(doc: Doc, data: ReportData) {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  doc.y = 230;
  doc.font('regular').fontSize(14).fillColor(PDF_COLOURS.muted).text(data.heading.organisation, left, doc.y, { width });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(24).fillColor(PDF_COLOURS.ink).text(data.heading.name, { width });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(18).fillColor(PDF_COLOURS.accent).text(data.title, { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(14).fillColor(PDF_COLOURS.ink).text(`Anno ${data.year}`, { width });
  doc.moveDown(1.5);
  doc
    .font(data.versionNumber === null ? 'bold' : 'regular')
    .fontSize(12)
    .text(versionLine(data), { width });
  const centres = data.heading.centres.map((c) => c.name).filter((name) => name !== data.heading.name);
  if (centres.length > 0) {
    doc
      .moveDown(1)
      .font('regular')
      .fontSize(10)
      .fillColor(PDF_COLOURS.muted)
      .text(`Centri: ${centres.join(', ')}`, { width });
  }
  const contact = contactLines(data);
  if (contact.length > 0) {
    doc.font('regular').fontSize(10).fillColor(PDF_COLOURS.muted);
    doc.text(contact.join('\n'), left, bottom(doc) - contact.length * 14 - 10, { width });
  }
}

function sectionHeading(doc: Doc, section: ReportSection) {
  const destination = `section-${section.number}`;
  doc.addNamedDestination(destination);
  doc.outline.addItem(`${section.number}. ${section.title}`);
  doc
    .font('bold')
    .fontSize(16)
    .fillColor(PDF_COLOURS.accent)
    .text(`${section.number}. ${section.title}`, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
}

function contents(doc: Doc, page: number, sections: ReportSection[], pages: number[]) {
  doc.switchToPage(page);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y = doc.page.margins.top;
  doc.font('bold').fontSize(18).fillColor(PDF_COLOURS.ink).text('Indice', left, doc.y, { width });
  doc.moveDown(0.8);
  sections.forEach((section, index) => {
    const y = doc.y;
    const pageLabel = String(pages[index]);
    doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
    const labelWidth = width - 50;
    doc.text(`${section.number}. ${section.title}`, left, y, { width: labelWidth, goTo: `section-${section.number}` });
    const after = doc.y;
    doc.text(pageLabel, left + width - 40, y, { width: 40, align: 'right', goTo: `section-${section.number}` });
    doc.y = Math.max(after, doc.y) + 6;
  });
}

/** "Pagina N di M" and the version on every page (the cover included). */
function footers(doc: Doc, data: ReportData) {
  const range = doc.bufferedPageRange();
  const version = versionLine(data);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    // Writing inside the bottom margin must not open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - saved + FOOTER_GAP - 10;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(PDF_COLOURS.rule)
      .stroke();
    doc
      .font(data.versionNumber === null ? 'bold' : 'regular')
      .fontSize(8.5)
      .fillColor(data.versionNumber === null ? '#cc334d' : PDF_COLOURS.muted)
      .text(version, left, y, { width: width / 2, lineBreak: false });
    doc
      .font('regular')
      .fillColor(PDF_COLOURS.muted)
      .text(`Pagina ${i + 1} di ${range.count}`, left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

function blockTitle(doc: Doc, title: string | undefined, keepWith: number) {
  if (!title) return;
  ensureSpace(doc, keepWith + 24);
  doc.moveDown(0.6);
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(PDF_COLOURS.ink)
    .text(title, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function figures(doc: Doc, block: ReportFigures) {
  blockTitle(doc, block.title, 30);
  ensureSpace(doc, 24 * block.items.length);
  doc.moveDown(0.3);
  for (const item of block.items) {
    doc
      .fontSize(14)
      .fillColor(PDF_COLOURS.ink)
      .font('regular')
      .text(`${item.label}: `, doc.page.margins.left, doc.y, { continued: true })
      .font('bold')
      .fillColor(PDF_COLOURS.accent)
      .text(cellText(item.value));
    doc.moveDown(0.2);
  }
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
}

function text(doc: Doc, block: ReportText) {
  blockTitle(doc, block.title, 40);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.moveDown(0.3);
  for (const md of parseMarkdown(block.markdown)) {
    if (md.kind === 'heading') {
      ensureSpace(doc, 50);
      doc.moveDown(0.3);
      runs(doc, md.runs, { x: left, width, size: md.level <= 2 ? 12.5 : 11.5, bold: true });
      doc.moveDown(0.2);
    } else if (md.kind === 'paragraph') {
      runs(doc, md.runs, { x: left, width, size: 10.5 });
      doc.moveDown(0.5);
    } else {
      md.items.forEach((item, index) => {
        const marker = md.ordered ? `${index + 1}.` : '•';
        const y = doc.y;
        doc
          .font('regular')
          .fontSize(10.5)
          .fillColor(PDF_COLOURS.ink)
          .text(marker, left + 6, y, { width: 16, lineBreak: false });
        doc.y = y;
        runs(doc, item, { x: left + 24, width: width - 24, size: 10.5 });
        doc.moveDown(0.15);
      });
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
    doc.font(bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular');
    const options = { width: at.width, continued: index < parts.length - 1, lineGap: 1.5 };
    if (index === 0) doc.text(run.text, at.x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.font('regular');
}

interface Layout {
  widths: number[];
  numeric: boolean[];
}

function tableLayout(doc: Doc, block: ReportTable, width: number): Layout {
  const numeric = block.columns.map((column) => column.numeric);
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
  // What each column needs on one line, and at the least (its longest word: headers wrap).
  const natural: number[] = [];
  const least: number[] = [];
  for (const column of block.columns) {
    doc.font('bold').fontSize(TABLE_SIZE);
    let max = doc.widthOfString(column.label);
    let min = longestWord(column.label);
    for (const row of block.rows) {
      doc.font(row.total ? 'bold' : 'regular');
      const text = cellText(row.cells[column.key]);
      max = Math.max(max, doc.widthOfString(text));
      min = Math.max(min, column.numeric ? doc.widthOfString(text) : longestWord(text));
    }
    natural.push(max + CELL_PAD * 2 + 1);
    least.push(min + CELL_PAD * 2 + 1);
  }
  const total = natural.reduce((s, w) => s + w, 0);
  if (total <= width) return { widths: natural, numeric };
  // Too wide: every column gets its least, and the room left is shared by what each wants more.
  const leastSum = least.reduce((s, w) => s + w, 0);
  const room = Math.max(0, width - leastSum);
  const wants = natural.map((w, i) => w - least[i]!);
  const wantSum = wants.reduce((s, w) => s + w, 0) || 1;
  const widths = least.map((w, i) => w + (wants[i]! / wantSum) * room);
  const sum = widths.reduce((s, w) => s + w, 0);
  // Longest words wider than the page: shrink everything (the text wraps inside words).
  return { widths: sum > width ? widths.map((w) => (w * width) / sum) : widths, numeric };
}

function rowHeight(doc: Doc, cells: string[], layout: Layout, bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(TABLE_SIZE);
  const heights = cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: layout.widths[i]! - CELL_PAD * 2 }));
  return Math.max(...heights) + CELL_PAD * 2;
}

function drawRow(doc: Doc, cells: string[], layout: Layout, y: number, height: number, style: 'header' | 'body' | 'total') {
  const left = doc.page.margins.left;
  const width = layout.widths.reduce((s, w) => s + w, 0);
  if (style === 'header') doc.rect(left, y, width, height).fillColor(HEADER_FILL).fill();
  doc
    .font(style === 'body' ? 'regular' : 'bold')
    .fontSize(TABLE_SIZE)
    .fillColor(PDF_COLOURS.ink);
  let x = left;
  cells.forEach((cell, i) => {
    const w = layout.widths[i]!;
    doc.text(cell, x + CELL_PAD, y + CELL_PAD, { width: w - CELL_PAD * 2, align: layout.numeric[i] ? 'right' : 'left' });
    x += w;
  });
  const lineY = style === 'total' ? y : y + height;
  doc
    .moveTo(left, lineY)
    .lineTo(left + width, lineY)
    .lineWidth(style === 'body' ? 0.3 : 0.8)
    .strokeColor(style === 'body' ? PDF_COLOURS.rule : PDF_COLOURS.ink)
    .stroke();
}

function table(doc: Doc, block: ReportTable) {
  const width = contentWidth(doc);
  const layout = tableLayout(doc, block, width);
  const header = block.columns.map((column) => column.label);
  const headerHeight = rowHeight(doc, header, layout, true);
  const bodies = block.rows.map((row) => block.columns.map((column) => cellText(row.cells[column.key])));
  const firstRows = bodies.slice(0, 2).reduce((s, cells, i) => s + rowHeight(doc, cells, layout, !!block.rows[i]?.total), 0);
  blockTitle(doc, block.title, headerHeight + firstRows);
  ensureSpace(doc, headerHeight + firstRows);

  let y = doc.y;
  drawRow(doc, header, layout, y, headerHeight, 'header');
  y += headerHeight;
  block.rows.forEach((row, index) => {
    const cells = bodies[index]!;
    const height = rowHeight(doc, cells, layout, !!row.total);
    if (y + height > bottom(doc)) {
      // A table across pages repeats its header.
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(doc, header, layout, y, headerHeight, 'header');
      y += headerHeight;
    }
    drawRow(doc, cells, layout, y, height, row.total ? 'total' : 'body');
    y += height;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + 4;

  for (const note of block.notes ?? []) {
    doc.font('regular').fontSize(8.5).fillColor(PDF_COLOURS.muted).text(note, doc.page.margins.left, doc.y, { width });
    doc.moveDown(0.15);
  }
  doc.fillColor(PDF_COLOURS.ink).fontSize(11);
  chart(doc, block);
  doc.moveDown(0.5);
}

/** The chart after its table, drawn as vectors at the page's width, with its caption. */
function chart(doc: Doc, block: ReportTable) {
  const size = chartSize(block);
  const svg = chartSvg(block, size);
  if (!svg) return;
  const width = Math.min(contentWidth(doc), 460);
  const height = (width * size.height) / size.width;
  ensureSpace(doc, height + 24);
  doc.moveDown(0.4);
  const x = doc.page.margins.left + (contentWidth(doc) - width) / 2;
  const y = doc.y;
  SVGtoPDF(doc, svg, x, y, {
    width,
    height,
    fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
    warningCallback: () => {},
  });
  doc.x = doc.page.margins.left;
  doc.y = y + height + 4;
  if (block.chart?.caption) {
    doc
      .font('italic')
      .fontSize(8.5)
      .fillColor(PDF_COLOURS.muted)
      .text(block.chart.caption, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  }
  doc.font('regular').fillColor(PDF_COLOURS.ink).fontSize(11);
}
