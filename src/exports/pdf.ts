/**
 * The base of Approdo's PDF documents (an event's invitation, the annual report): A4, the
 * fonts embedded (every accented letter and € print alike on any computer), and the centre's
 * name at the top of every page. A tagged document (PDF/UA-1, the annual report) draws that
 * header as an artifact: the pages' furniture, which screen readers skip.
 *
 * The default fonts, DejaVu Sans, come from the Debian package fonts-dejavu-core; a document
 * may bring its own (the report: Titillium Web).
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export const PDF_FONT_FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
} as const;

/**
 * The italic faces come with fonts-dejavu-extra, which a machine may lack: without them italic
 * text prints upright (doc.font('italic') is the regular face), still embedded.
 */
const ITALIC_FONT_FILES = {
  italic: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf', PDF_FONT_FILES.regular],
  boldItalic: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf', PDF_FONT_FILES.bold],
} as const;

/** The names the fonts are registered under: doc.font('regular') or doc.font('bold'). */
export type PdfFont = keyof typeof PDF_FONT_FILES;

/** A document's own faces (files or their bytes: TTF, OTF, WOFF), registered under these names instead of DejaVu's. */
export interface PdfFontFaces {
  regular: string | Buffer;
  bold: string | Buffer;
  italic: string | Buffer;
  boldItalic: string | Buffer;
}

export const PDF_COLOURS = { ink: '#1a1a1a', muted: '#5c6f82', rule: '#a9b5c1', accent: '#0066cc' } as const;

/** Points: 2 cm on the sides and bottom; the header lives in the taller top margin. */
const MARGIN = 57;
const TOP_MARGIN = 100;
const HEADER_TOP = 40;

export interface PdfHeader {
  /** The centre the document comes from, printed at the top of every page. */
  centreName: string;
  /** Who runs the centre (the Comune, the Ambito), under its name. */
  organisationName?: string | null;
}

export interface PdfOptions {
  /** The document's title in its properties (shown by viewers instead of the file name). */
  title: string;
  header: PdfHeader;
  /** The language of the text, for screen readers. */
  lang?: string;
  /** Keep every page open until the end (doc.switchToPage): page numbers "Pagina 3 di 12", a contents page. */
  bufferPages?: boolean;
  /** Its own fonts instead of DejaVu Sans (the DejaVu faces stay registered, as 'dejavu' and 'dejavuBold'). */
  fonts?: PdfFontFaces;
  /**
   * A tagged PDF/UA-1 document (PDF 1.7, its XMP metadata saying so): everything written on a
   * page must then be inside a structure element (doc.struct) or an artifact (pdfArtifact).
   */
  tagged?: boolean;
}

function checkFonts() {
  for (const file of Object.values(PDF_FONT_FILES)) {
    if (!existsSync(file)) throw new Error(`The PDF font ${file} is missing: install the Debian package fonts-dejavu-core`);
  }
}

/**
 * Draws as an artifact in a tagged document (page furniture: headers, footers, rules, fills),
 * as is otherwise. Nothing of the document's structure may be open when it is called.
 */
export function pdfArtifact(doc: PDFKit.PDFDocument, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout') {
  if (!isTagged(doc)) {
    draw();
    return;
  }
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

const isTagged = (doc: PDFKit.PDFDocument) => (doc as unknown as { options: { tagged?: boolean } }).options.tagged === true;

/** The faces a document writes in: doc.font('regular'), or pdfFont(doc, 'regular', text). */
export type PdfFace = keyof PdfFontFaces;
const DEJAVU_FACES: Record<PdfFace, string> = { regular: 'dejavu', bold: 'dejavuBold', italic: 'dejavu', boldItalic: 'dejavuBold' };

interface FontInternals {
  _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } };
}

/** The documents created with their own fonts, DejaVu Sans registered beside them. */
const withFallback = new WeakSet<PDFKit.PDFDocument>();

/**
 * Sets the face to write this text in, and returns the document. A document with its own fonts
 * (createPdf's fonts) falls back to DejaVu Sans, whose letters cover far more languages, for a
 * text its font lacks a letter of (a name in Turkish, Czech, Romanian…): the text whole, so that
 * nothing prints as an empty box.
 */
export function pdfFont(doc: PDFKit.PDFDocument, face: PdfFace, text: string): PDFKit.PDFDocument {
  return doc.font(pdfFontName(doc, face, text));
}

/** The name of the font pdfFont sets for this text (the face's, or DejaVu's). */
export function pdfFontName(doc: PDFKit.PDFDocument, face: PdfFace, text: string): string {
  if (!withFallback.has(doc) || /^[\x20-\x7e\n]*$/.test(text)) return face;
  const current = (doc as unknown as FontInternals)._font;
  doc.font(face);
  const font = (doc as unknown as FontInternals)._font.font;
  const covered = [...text].every((char) => char === '\n' || font.hasGlyphForCodePoint(char.codePointAt(0)!));
  (doc as unknown as FontInternals)._font = current;
  return covered ? face : DEJAVU_FACES[face];
}

/** Draws the header in the top margin, leaving the writing position where it was. */
function drawHeader(doc: PDFKit.PDFDocument, header: PdfHeader) {
  pdfArtifact(doc, () => drawHeaderText(doc, header), 'Pagination');
}

function drawHeaderText(doc: PDFKit.PDFDocument, header: PdfHeader) {
  const { x, y } = doc;
  const width = doc.page.width - MARGIN * 2;
  pdfFont(doc, 'bold', header.centreName)
    .fontSize(11)
    .fillColor(PDF_COLOURS.ink)
    .text(header.centreName, MARGIN, HEADER_TOP, { width, lineBreak: false });
  if (header.organisationName) {
    pdfFont(doc, 'regular', header.organisationName)
      .fontSize(9)
      .fillColor(PDF_COLOURS.muted)
      .text(header.organisationName, MARGIN, HEADER_TOP + 15, { width, lineBreak: false });
  }
  const ruleY = TOP_MARGIN - 22;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(doc.page.width - MARGIN, ruleY)
    .lineWidth(0.5)
    .strokeColor(PDF_COLOURS.rule)
    .stroke();
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
  doc.x = x;
  doc.y = y;
}

/**
 * A new A4 document with the fonts registered ('regular', 'bold') and the header on every
 * page. Write into it with pdfkit, then turn it into bytes with pdfBytes().
 */
export function createPdf(options: PdfOptions): PDFKit.PDFDocument {
  checkFonts();
  const faces = options.fonts;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP_MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    // The default font is the document's too, so that no standard (unembedded) font slips in.
    font: faces?.regular ?? PDF_FONT_FILES.regular,
    lang: options.lang ?? 'it-IT',
    displayTitle: true,
    bufferPages: options.bufferPages ?? false,
    info: { Title: options.title, Author: options.header.centreName, Creator: 'Approdo' },
    ...(options.tagged ? { tagged: true, subset: 'PDF/UA', pdfVersion: '1.7' } : {}),
  } as PDFKit.PDFDocumentOptions);
  // Registered only: pdfkit reads and embeds a font when a page uses it.
  if (faces) {
    for (const [name, file] of Object.entries(faces)) doc.registerFont(name, file);
    doc.registerFont('dejavu', PDF_FONT_FILES.regular);
    doc.registerFont('dejavuBold', PDF_FONT_FILES.bold);
    withFallback.add(doc);
  } else {
    doc.registerFont('regular', PDF_FONT_FILES.regular);
    doc.registerFont('bold', PDF_FONT_FILES.bold);
    for (const [name, [file, fallback]] of Object.entries(ITALIC_FONT_FILES)) doc.registerFont(name, existsSync(file) ? file : fallback);
  }
  // pdfkit caches a font under the name it is asked by, unless the same font is already loaded
  // under another name (here the default, by its path): then it parses the TTF again on every
  // doc.font('regular'), a tenth of a second each. Cache it under 'regular' too.
  (doc as unknown as { _fontFamilies: Record<string, unknown>; _font: unknown })._fontFamilies.regular = (
    doc as unknown as { _font: unknown }
  )._font;
  if (options.tagged) escapeXmpInfo(doc);
  drawHeader(doc, options.header);
  doc.on('pageAdded', () => drawHeader(doc, options.header));
  return doc;
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * pdfkit copies the title and author into the XMP metadata as they are: a centre named
 * "Servizi & Integrazione" would make it invalid XML. The document information dictionary is
 * written first (a PDF string, as is); the XMP gets them escaped.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument) {
  const endMetadata = doc.endMetadata.bind(doc);
  const info = doc.info as unknown as Record<string, unknown>;
  doc.endMetadata = () => {
    for (const [key, value] of Object.entries(info)) if (typeof value === 'string') info[key] = escapeXml(value);
    endMetadata();
  };
}

/** Ends the document and gives its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A title in bold. */
export function pdfTitle(doc: PDFKit.PDFDocument, text: string, size = 20) {
  doc.font('bold').fontSize(size).fillColor(PDF_COLOURS.ink).text(text);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11);
}

/** A section's heading in the accent colour, on a new page when too little of this one is left. */
export function pdfSection(doc: PDFKit.PDFDocument, title: string) {
  doc.moveDown(0.8);
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.font('bold').fontSize(15).fillColor(PDF_COLOURS.accent).text(title);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink);
}

/** A note in smaller, muted type. */
export function pdfMuted(doc: PDFKit.PDFDocument, text: string) {
  doc.font('regular').fontSize(10).fillColor(PDF_COLOURS.muted).text(text, { lineGap: 1 });
  doc.fillColor(PDF_COLOURS.ink).fontSize(11);
}

/** "Label: value" on one line (wrapping as needed), the label in bold. */
export function pdfLabelled(doc: PDFKit.PDFDocument, label: string, value: string, size = 12) {
  doc.fontSize(size).fillColor(PDF_COLOURS.ink).font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  doc.moveDown(0.2);
}

/**
 * A file name safe in a Content-Disposition header and on every file system: lower-case
 * ASCII letters, digits and hyphens ("Visita alla Pinacoteca, 20/12" → "visita-alla-pinacoteca-20-12").
 */
export function safeFileName(stem: string, extension: string, fallback = 'documento'): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return `${safe || fallback}.${extension}`;
}
