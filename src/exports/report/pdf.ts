/**
 * The report as a print-ready and accessible PDF: A4, tagged PDF/UA-1 (language it-IT, the
 * title shown by viewers, a structure tree in reading order, bookmarks for the sections),
 * Titillium Web embedded (pdf/fonts.ts), a cover with the centre, the title and the year, a
 * contents page with the page of each section, then the numbered sections (figures, tables
 * with their header repeated across pages and their notes, charts as vectors after their
 * tables, the coordinator's Markdown), and on every page "Pagina N di M" with the version
 * ("Bozza" for a draft). The headers, footers, rules and fills are artifacts.
 *
 * The structure: Document > cover (H1 the title, P), Sect (H2 "Indice", TOC > TOCI > Reference > Link),
 * then a Sect per section (H2, then its blocks: H3, P, Table > TR > TH/TD, Figure, L > LI).
 */
import type { ReportData, ReportSection } from '../../contracts/reports.js';
import { createPdf, PDF_COLOURS, type PdfFace, pdfArtifact, pdfBytes, pdfFont } from '../pdf.js';
import { type CoverImage, contactLines, coverImageSize, generatedLine, type RenderOptions, versionLine } from './common.js';
import { blockKeep, figures, table, text } from './pdf/blocks.js';
import { reportFonts } from './pdf/fonts.js';
import { bottom, contentWidth, ensureSpace, pageHeight, spaceLeft } from './pdf/page.js';
import { container, type Doc, leaf, type Struct } from './pdf/structure.js';

const FOOTER_GAP = 30;

export async function renderPdf(data: ReportData, { coverImage }: RenderOptions = {}): Promise<Buffer> {
  const doc = createPdf({
    title: `${data.title} - ${data.heading.name}`,
    header: { centreName: data.heading.name, organisationName: data.heading.organisation },
    bufferPages: true,
    fonts: reportFonts(),
    tagged: true,
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  cover(doc, root, data, coverImage ?? null);
  // The contents page is written last, once the sections' pages are known; its place in the
  // structure (after the cover) is taken now.
  doc.addPage();
  const contentsPage = doc.bufferedPageRange().count - 1;
  const contentsSect = container(doc, root, 'Sect');
  const sectionPages: number[] = [];
  let first = true;
  for (const section of data.sections) {
    // A section starts on a new page unless its heading and its first block fit on this one.
    const keep = 60 + (section.blocks[0] ? blockKeep(doc, section.blocks[0]) : 0);
    if (first || spaceLeft(doc) < Math.max(220, Math.min(keep, pageHeight(doc) - 60))) doc.addPage();
    else doc.moveDown(1.5);
    first = false;
    sectionPages.push(doc.bufferedPageRange().count);
    const sect = container(doc, root, 'Sect');
    sectionHeading(doc, sect, section);
    for (const block of section.blocks) {
      if (block.kind === 'table') table(doc, sect, block);
      else if (block.kind === 'figures') figures(doc, sect, block);
      else text(doc, sect, block);
    }
    sect.end();
  }
  ensureSpace(doc, 40);
  doc.moveDown(2);
  for (const line of [generatedLine(data), versionLine(data)]) {
    paragraph(doc, root, line, { face: 'regular', size: 8.5, colour: PDF_COLOURS.muted });
  }

  contents(doc, contentsSect, contentsPage, data.sections, sectionPages);
  root.end();
  footers(doc, data);
  return pdfBytes(doc);
}

// ---------------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------------

interface Style {
  face: PdfFace;
  size: number;
  colour: string;
}

/** A paragraph (or another leaf: type) of one style at the left margin. */
function paragraph(doc: Doc, parent: Struct, line: string, style: Style, type = 'P') {
  leaf(doc, parent, type, () => {
    pdfFont(doc, style.face, line)
      .fontSize(style.size)
      .fillColor(style.colour)
      .text(line, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  });
}

/** The cover image's box: at most 4 cm high and half the text's width. */
const COVER_IMAGE_HEIGHT = (4 / 2.54) * 72;

function cover(doc: Doc, root: Struct, data: ReportData, image: CoverImage | null) {
  if (image) coverFigure(doc, root, image);
  doc.y = 230;
  paragraph(doc, root, data.heading.organisation, { face: 'regular', size: 14, colour: PDF_COLOURS.muted });
  doc.moveDown(0.4);
  paragraph(doc, root, data.heading.name, { face: 'bold', size: 24, colour: PDF_COLOURS.ink });
  doc.moveDown(1.2);
  paragraph(doc, root, data.title, { face: 'bold', size: 18, colour: PDF_COLOURS.accent }, 'H1');
  doc.moveDown(0.3);
  paragraph(doc, root, `Anno ${data.year}`, { face: 'regular', size: 14, colour: PDF_COLOURS.ink });
  doc.moveDown(1.5);
  paragraph(doc, root, versionLine(data), { face: data.versionNumber === null ? 'bold' : 'regular', size: 12, colour: PDF_COLOURS.ink });
  const centres = data.heading.centres.map((c) => c.name).filter((name) => name !== data.heading.name);
  if (centres.length > 0) {
    doc.moveDown(1);
    paragraph(doc, root, `Centri: ${centres.join(', ')}`, { face: 'regular', size: 10, colour: PDF_COLOURS.muted });
  }
  const contact = contactLines(data);
  // At the foot of the cover, a paragraph a line (the address, the telephone, the e-mail).
  const height = pdfFont(doc, 'regular', contact.join('\n'))
    .fontSize(10)
    .heightOfString(contact.join('\n'), { width: contentWidth(doc) });
  doc.y = bottom(doc) - height - 10;
  for (const line of contact) paragraph(doc, root, line, { face: 'regular', size: 10, colour: PDF_COLOURS.muted });
}

/** The logo or stemma above the cover's text, a Figure with its alternative text, its foot 24 points above the text. */
function coverFigure(doc: Doc, root: Struct, image: CoverImage) {
  const { width, height } = coverImageSize(image, contentWidth(doc) / 2, COVER_IMAGE_HEIGHT);
  const x = doc.page.margins.left;
  const y = 230 - 24 - height;
  leaf(doc, root, 'Figure', () => doc.image(image.bytes, x, y, { width, height }), {
    alt: image.alt,
    bbox: [x, y, x + width, y + height],
  });
}

function sectionHeading(doc: Doc, sect: Struct, section: ReportSection) {
  const title = `${section.number}. ${section.title}`;
  doc.addNamedDestination(`section-${section.number}`, 'XYZ', 0, doc.page.height - doc.y + 10, null);
  // A bookmark to the heading (pdfkit counts its left from the right edge and its top from the top).
  (doc.outline.addItem as (title: string, options: object) => unknown)(title, { left: doc.page.width, top: doc.y - 10 });
  paragraph(doc, sect, title, { face: 'bold', size: 16, colour: PDF_COLOURS.accent }, 'H2');
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
}

/** The contents page: a heading and a TOC, each entry a link to its section with the section's page. */
function contents(doc: Doc, sect: Struct, page: number, sections: ReportSection[], pages: number[]) {
  doc.switchToPage(page);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y = doc.page.margins.top;
  paragraph(doc, sect, 'Indice', { face: 'bold', size: 18, colour: PDF_COLOURS.ink }, 'H2');
  doc.moveDown(0.8);
  const toc = container(doc, sect, 'TOC');
  sections.forEach((section, index) => {
    const label = `${section.number}. ${section.title}`;
    const pageLabel = String(pages[index]);
    const y = doc.y;
    // TOCI > Reference > Link (a TOCI holds references, labels or paragraphs), read as
    // "2. Accessi 2024, pagina 4" (the page number is set apart on the line).
    const item = container(doc, toc, 'TOCI');
    const reference = container(doc, item, 'Reference');
    const link = container(doc, reference, 'Link', { actual: `${label}, pagina ${pageLabel}` });
    let after = y;
    link.add(() => {
      pdfFont(doc, 'regular', label)
        .fontSize(11)
        .fillColor(PDF_COLOURS.ink)
        .text(label, left, y, { width: width - 50 });
      after = doc.y;
      doc.text(pageLabel, left + width - 40, y, { width: 40, align: 'right' });
    });
    const height = Math.max(after, doc.y) - y;
    doc.goTo(left, y, width, height, `section-${section.number}`, {
      structParent: link,
      Contents: new String(`${label}, pagina ${pageLabel}`),
    } as object);
    link.end();
    reference.end();
    item.end();
    doc.y = y + height + 6;
  });
  toc.end();
  sect.end();
}

/** "Pagina N di M" and the version on every page (the cover included), as artifacts. */
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
    pdfArtifact(
      doc,
      () => {
        doc
          .moveTo(left, y - 6)
          .lineTo(left + width, y - 6)
          .lineWidth(0.5)
          .strokeColor(PDF_COLOURS.rule)
          .stroke();
        pdfFont(doc, data.versionNumber === null ? 'bold' : 'regular', version)
          .fontSize(8.5)
          .fillColor(data.versionNumber === null ? '#cc334d' : PDF_COLOURS.muted)
          .text(version, left, y, { width: width / 2, lineBreak: false });
        doc
          .font('regular')
          .fillColor(PDF_COLOURS.muted)
          .text(`Pagina ${i + 1} di ${range.count}`, left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = saved;
  }
}
