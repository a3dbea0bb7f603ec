/**
 * A report table in the PDF: a real table for screen readers (Table, TR, TH for the column
 * headers and each row's name, TD), its columns measured with the font so that no cell breaks
 * a word or a number (wrapping only between words; a table too wide for the page is set
 * smaller first), kept on one page with its title when it fits on one, else its header row
 * repeated on every page it continues on (as an artifact: the structure holds it once).
 */
import type { ReportTable } from '../../../contracts/reports.js';
import { PDF_COLOURS, pdfArtifact, pdfFont } from '../../pdf.js';
import { cellText } from '../common.js';
import { bottom, contentWidth, ensureSpace, pageHeight } from './page.js';
import { container, type Doc, leaf, type Struct, setTableSummary } from './structure.js';

const CELL_PAD = 4;
/** The sizes a table is set in, the first whose columns fit the page's width. */
const TABLE_SIZES = [9.5, 9, 8.5, 8, 7.5, 7] as const;
const HEADER_FILL = '#e6f0fa';
/** Points a column gets beyond its text: rounding must never push a word onto two lines. */
const SLACK = 1.5;

export interface Layout {
  widths: number[];
  numeric: boolean[];
  size: number;
}

type Style = 'header' | 'body' | 'total';
const faceOf = (style: Style) => (style === 'body' ? 'regular' : 'bold');

function textWidth(doc: Doc, text: string, bold: boolean, size: number): number {
  return pdfFont(doc, bold ? 'bold' : 'regular', text)
    .fontSize(size)
    .widthOfString(text);
}

const longestWord = (doc: Doc, text: string, bold: boolean, size: number) =>
  Math.max(0, ...text.split(/\s+/).map((word) => textWidth(doc, word, bold, size)));

/**
 * The columns' widths: each as wide as its longest line if the table fits so; otherwise each
 * at least its longest word (a number whole), and the room left shared by what each wants
 * more; a table whose longest words alone are too wide is set one size smaller, down to 7 pt.
 */
export function tableLayout(doc: Doc, block: ReportTable, width: number): Layout {
  const numeric = block.columns.map((column) => column.numeric);
  let widths: number[] = [];
  for (const size of TABLE_SIZES) {
    const natural: number[] = [];
    const least: number[] = [];
    for (const column of block.columns) {
      let max = textWidth(doc, column.label, true, size);
      let min = longestWord(doc, column.label, true, size);
      for (const row of block.rows) {
        const text = cellText(row.cells[column.key]);
        const bold = !!row.total;
        max = Math.max(max, textWidth(doc, text, bold, size));
        min = Math.max(min, column.numeric ? textWidth(doc, text, bold, size) : longestWord(doc, text, bold, size));
      }
      natural.push(max + CELL_PAD * 2 + SLACK);
      least.push(min + CELL_PAD * 2 + SLACK);
    }
    const sum = (list: number[]) => list.reduce((s, w) => s + w, 0);
    if (sum(natural) <= width) return { widths: natural, numeric, size };
    const room = width - sum(least);
    widths = least;
    if (room >= 0) {
      const wants = natural.map((w, i) => w - least[i]!);
      const wantSum = sum(wants) || 1;
      return { widths: least.map((w, i) => w + (wants[i]! / wantSum) * room), numeric, size };
    }
  }
  // Words wider than the page even at 7 pt (a very long name): only then is a word broken.
  const total = widths.reduce((s, w) => s + w, 0);
  return { widths: widths.map((w) => (w * width) / total), numeric, size: TABLE_SIZES.at(-1)! };
}

function rowHeight(doc: Doc, cells: string[], layout: Layout, style: Style): number {
  const heights = cells.map((cell, i) =>
    pdfFont(doc, faceOf(style), cell)
      .fontSize(layout.size)
      .heightOfString(cell || ' ', { width: layout.widths[i]! - CELL_PAD * 2 }),
  );
  return Math.max(...heights) + CELL_PAD * 2;
}

/** The fill and rules of a row: decoration, an artifact. */
function rowFurniture(doc: Doc, layout: Layout, y: number, height: number, style: Style, part: 'fill' | 'rule') {
  const left = doc.page.margins.left;
  const width = layout.widths.reduce((s, w) => s + w, 0);
  pdfArtifact(doc, () => {
    if (part === 'fill') {
      if (style === 'header') doc.rect(left, y, width, height).fillColor(HEADER_FILL).fill();
      return;
    }
    const lineY = style === 'total' ? y : y + height;
    doc
      .moveTo(left, lineY)
      .lineTo(left + width, lineY)
      .lineWidth(style === 'body' ? 0.3 : 0.8)
      .strokeColor(style === 'body' ? PDF_COLOURS.rule : PDF_COLOURS.ink)
      .stroke();
  });
}

function cellDraw(doc: Doc, cell: string, layout: Layout, i: number, x: number, y: number, style: Style) {
  return () => {
    pdfFont(doc, faceOf(style), cell)
      .fontSize(layout.size)
      .fillColor(PDF_COLOURS.ink)
      .text(cell, x + CELL_PAD, y + CELL_PAD, { width: layout.widths[i]! - CELL_PAD * 2, align: layout.numeric[i] ? 'right' : 'left' });
  };
}

/**
 * A row: in the structure (a TR of TH or TD; the first column of a body row is its header,
 * scope Row, when it names the row) or, a header repeated on a new page, as an artifact.
 */
function drawRow(doc: Doc, table: Struct | null, cells: string[], layout: Layout, y: number, height: number, style: Style) {
  rowFurniture(doc, layout, y, height, style, 'fill');
  const row = table ? container(doc, table, 'TR') : null;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const draw = cellDraw(doc, cell, layout, i, x, y, style);
    if (!row) pdfArtifact(doc, draw, 'Pagination');
    else if (style === 'header') leaf(doc, row, 'TH', draw, { scope: 'Column' });
    else if (i === 0 && !layout.numeric[0]) leaf(doc, row, 'TH', draw, { scope: 'Row' });
    else leaf(doc, row, 'TD', draw);
    x += layout.widths[i]!;
  });
  row?.end();
  rowFurniture(doc, layout, y, height, style, 'rule');
}

/** Its height on the page: the header and every row. */
export interface MeasuredTable {
  layout: Layout;
  header: string[];
  headerHeight: number;
  bodies: string[][];
  heights: number[];
}

export function measureTable(doc: Doc, block: ReportTable): MeasuredTable {
  const layout = tableLayout(doc, block, contentWidth(doc));
  const header = block.columns.map((column) => column.label);
  const bodies = block.rows.map((row) => block.columns.map((column) => cellText(row.cells[column.key])));
  return {
    layout,
    header,
    headerHeight: rowHeight(doc, header, layout, 'header'),
    bodies,
    heights: bodies.map((cells, i) => rowHeight(doc, cells, layout, block.rows[i]?.total ? 'total' : 'body')),
  };
}

/** The table's height whole, or of its header and first two rows when it cannot fit on one page. */
export function tableKeepHeight(doc: Doc, measured: MeasuredTable, extra: number): number {
  const whole = measured.headerHeight + measured.heights.reduce((s, h) => s + h, 0) + extra;
  if (whole <= pageHeight(doc)) return whole;
  return measured.headerHeight + measured.heights.slice(0, 2).reduce((s, h) => s + h, 0);
}

/** Draws the table from doc.y (the caller made room for its start) into the structure under parent. */
export function drawTable(doc: Doc, parent: Struct, block: ReportTable, measured: MeasuredTable) {
  const { layout, header, headerHeight, bodies, heights } = measured;
  ensureSpace(doc, headerHeight + (heights[0] ?? 0));
  const table = container(doc, parent, 'Table');
  setTableSummary(
    table,
    `${block.title}: ${block.rows.filter((row) => !row.total).length} righe, colonne ${header.join(', ')}${block.rows.some((row) => row.total) ? ', con il totale' : ''}.`,
  );
  let y = doc.y;
  drawRow(doc, table, header, layout, y, headerHeight, 'header');
  y += headerHeight;
  block.rows.forEach((row, index) => {
    const height = heights[index]!;
    if (y + height > bottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(doc, null, header, layout, y, headerHeight, 'header');
      y += headerHeight;
    }
    drawRow(doc, table, bodies[index]!, layout, y, height, row.total ? 'total' : 'body');
    y += height;
  });
  table.end();
  doc.x = doc.page.margins.left;
  doc.y = y + 4;
}
