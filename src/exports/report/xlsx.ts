/**
 * The report as a workbook: an "Indice" sheet listing every table with its section (a link to
 * its sheet), then one sheet per table. Numbers are stored as numbers (thousands separator in
 * the number format), hidden counts as the text "< 5" or "*", every string formula-safe.
 */
import ExcelJS from 'exceljs';
import type { ReportCell, ReportData, ReportTable } from '../../contracts/reports.js';
import { isHidden } from '../../contracts/reports.js';
import { spreadsheetSafe } from '../csv.js';
import { cellText, contactLines, generatedLine, reportTables, versionLine } from './common.js';

const INDEX_SHEET = 'Indice';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FA' } };
const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0#';

/**
 * A sheet name Excel accepts, unique in the workbook: at most 31 characters, none of []:*?/\,
 * not starting or ending with an apostrophe, and not "Indice".
 */
/**
 * The text cut to `length` UTF-16 units, then trimmed of what a name may not end with: spaces,
 * apostrophes (the cut can leave one at the end: "abcde'fgh" over 31 characters) and half of a
 * surrogate pair.
 */
function cutTo(text: string, length: number): string {
  const cut = text
    .slice(0, length)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/[\s']+$/, '');
  return cut || 'Tabella';
}

export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const base = clean || 'Tabella';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${cutTo(base, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const safe = (text: string) => spreadsheetSafe(text);

function cellValue(cell: ReportCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (isHidden(cell)) return cellText(cell);
  return typeof cell === 'number' ? cell : safe(cell);
}

export async function renderXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Approdo';
  workbook.title = safe(data.title);
  workbook.created = new Date(data.generatedAt);

  const index = workbook.addWorksheet(INDEX_SHEET);
  index.getCell('A1').value = safe(data.heading.name);
  index.getCell('A1').font = { bold: true, size: 14 };
  index.getCell('A2').value = safe(data.title);
  index.getCell('A2').font = { bold: true, size: 12 };
  index.getCell('A3').value = versionLine(data);
  index.getCell('A4').value = generatedLine(data);
  const contact = contactLines(data);
  if (contact.length > 0) index.getCell('A5').value = safe(contact.join(' · '));
  const indexHeader = index.getRow(6);
  indexHeader.values = ['Sezione', 'Tabella', 'Foglio'];
  indexHeader.font = { bold: true };
  indexHeader.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  index.columns = [{ width: 48 }, { width: 56 }, { width: 34 }];

  const taken = new Set([INDEX_SHEET.toLowerCase()]);
  let indexRow = 7;
  for (const { section, table } of reportTables(data)) {
    const name = sheetName(`${section.number} ${table.title}`, taken);
    tableSheet(workbook.addWorksheet(name), table, `${section.number}. ${section.title}`);
    const row = index.getRow(indexRow++);
    row.getCell(1).value = safe(`${section.number}. ${section.title}`);
    row.getCell(2).value = safe(table.title);
    row.getCell(3).value = { text: name, hyperlink: `#'${name.replaceAll("'", "''")}'!A1` };
    row.getCell(3).font = { color: { argb: 'FF0066CC' }, underline: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function tableSheet(sheet: ExcelJS.Worksheet, table: ReportTable, sectionTitle: string) {
  sheet.getCell('A1').value = safe(table.title);
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = safe(sectionTitle);
  sheet.getCell('A2').font = { italic: true, color: { argb: 'FF5C6F82' } };

  const headerRow = 4;
  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safe(column.label);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: column.numeric ? 'right' : 'left', vertical: 'top', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  table.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(headerRow + 1 + r);
    table.columns.forEach((column, i) => {
      const cell = sheetRow.getCell(i + 1);
      const value = row.cells[column.key];
      cell.value = cellValue(value);
      if (typeof value === 'number') cell.numFmt = Number.isInteger(value) ? INTEGER_FORMAT : DECIMAL_FORMAT;
      if (column.numeric) cell.alignment = { horizontal: 'right' };
      if (row.total) {
        cell.font = { bold: true };
        cell.border = { top: { style: 'thin' } };
      }
    });
  });
  let next = headerRow + table.rows.length + 2;
  for (const note of table.notes ?? []) {
    sheet.getCell(next, 1).value = safe(note);
    sheet.getCell(next, 1).font = { italic: true, color: { argb: 'FF5C6F82' } };
    next++;
  }
  if (table.chart?.caption) sheet.getCell(next, 1).value = safe(table.chart.caption);

  sheet.columns = table.columns.map((column) => {
    const longest = Math.max(column.label.length, ...table.rows.map((row) => cellText(row.cells[column.key]).length));
    return { width: Math.min(60, Math.max(column.numeric ? 10 : 14, longest + 2)) };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
}
