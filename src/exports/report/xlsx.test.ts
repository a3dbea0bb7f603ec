import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFixture } from '../../../test/support/report-fixture.js';
import type { ReportData, ReportTable } from '../../contracts/reports.js';
import { reportTables } from './common.js';
import { renderReport } from './index.js';
import { sheetName } from './xlsx.js';

const FORMULA = '=HYPERLINK("http://example.com/x","clic")';

function withFormulaLabel(): ReportData {
  const data = reportFixture();
  const table = reportTables(data).find(({ table }) => table.id === 'applications.types')!.table as ReportTable;
  table.rows[0]!.cells.category = FORMULA;
  table.notes = [...(table.notes ?? []), '+39 0731 204711'];
  return data;
}

/** The values of a sheet's rows, from the first. */
const values = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
};

describe('the report as XLSX', () => {
  const data = withFormulaLabel();
  const tables = reportTables(data);
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReport(data, 'xlsx')) as unknown as ArrayBuffer);
  });

  it('has an "Indice" sheet listing every table with its section, then one sheet per table', () => {
    const names = book.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Indice');
    expect(names.length).toBe(tables.length + 1);
    const index = values(book.getWorksheet('Indice')!);
    expect(index[0]![0]).toBe("Centro Servizi per l'Integrazione Sociale");
    expect(index[2]![0]).toBe('Bozza');
    expect(index[5]).toEqual(['Sezione', 'Tabella', 'Foglio']);
    const listed = index.slice(6).map((row) => [row[0], row[1]]);
    expect(listed).toEqual(tables.map(({ section, table }) => [`${section.number}. ${section.title}`, table.title]));
    const link = book.getWorksheet('Indice')!.getCell('C7').value as { text: string; hyperlink: string };
    expect(link.text).toBe(names[1]);
    expect(link.hyperlink).toBe(`#'${names[1]}'!A1`);
  });

  it('names the sheets uniquely, in at most 31 characters, without []:*?/\\', () => {
    const names = book.worksheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names).toContain('2 Provenienza');
    expect(names).toContain('4 Provenienza');
  });

  it('stores numbers as numbers with a thousands separator format, the header bold, the total row bold', () => {
    const sheet = book.getWorksheet('2 Provenienza')!;
    const rows = values(sheet);
    expect(rows[0]![0]).toBe('Provenienza');
    expect(rows[1]![0]).toBe('2. Accessi 2024');
    expect(rows.slice(3, 9)).toEqual([
      ['Provenienza', 'N. accessi'],
      ['Italiani', 62],
      ['Comunitari', 9],
      ['Extracomunitari', 297],
      ['Non specificato', 3],
      ['Totale', 371],
    ]);
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.getCell('B7').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B7').numFmt).toBe('#,##0');
    expect(sheet.getCell('A9').font?.bold).toBe(true);
    expect(sheet.getCell('B9').font?.bold).toBe(true);
  });

  it('writes hidden counts as the text "< 5" and "*", and the notes under the table', () => {
    const name = book.worksheets.find((s) => s.getCell('A1').value === 'Utenti presi in carico per paese di provenienza')!.name;
    const rows = values(book.getWorksheet(name)!);
    expect(rows).toContainEqual(['Camerun', '< 5']);
    expect(rows).toContainEqual(['Egitto', '*']);
    expect(rows).toContainEqual(['Nigeria', 31]);
    const last = rows.at(-1)![0] as string;
    expect(last).toContain('I numeri inferiori a 5 sono indicati come «< 5»');
  });

  it('neutralises a formula-like label: stored as text, not a formula', () => {
    const name = book.worksheets.find((s) => s.getCell('A1').value === 'Compilazione domande/bonus')!.name;
    const sheet = book.getWorksheet(name)!;
    const cell = sheet.getCell('A5');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${FORMULA}`);
    const rows = values(sheet);
    expect(rows.flat()).toContain("'+39 0731 204711");
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
  });
});

describe('sheetName', () => {
  it('cuts to 31 characters, replaces forbidden characters and makes names unique', () => {
    const taken = new Set(['indice']);
    expect(sheetName('Indice', taken)).toBe('Indice (2)');
    const long = sheetName('4 Utenti presi in carico 2022/2023/2024: confronto [tutti]', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toBe('4 Utenti presi in carico 2022 2');
    const again = sheetName('4 Utenti presi in carico 2022/2023/2024: confronto [tutti]', taken);
    expect(again).toBe('4 Utenti presi in carico 20 (2)');
    expect(sheetName("'Citato'", taken)).toBe('Citato');
    expect(sheetName('?*', taken)).toBe('Tabella');
  });

  it('never ends on an apostrophe or half a character, wherever the cut falls (ExcelJS refuses such a name)', () => {
    const taken = new Set<string>();
    // The 31st character is an apostrophe: the name ends before it.
    expect(sheetName("2 Accessi per genere abcdefghi'jk", taken)).toBe('2 Accessi per genere abcdefghi');
    expect(sheetName("2 Accessi per genere abcdefghi'jk", taken)).toBe('2 Accessi per genere abcdef (2)');
    expect(sheetName("2 Accessi per genere abcdef'hi'jk", taken)).toBe("2 Accessi per genere abcdef'hi");
    expect(sheetName(`${'x'.repeat(30)}😀 fine`, taken)).toBe('x'.repeat(30));
    expect(sheetName(`${"'".repeat(40)}`, taken)).toBe('Tabella');
    for (const name of taken) expect(name).not.toMatch(/'$/);
  });
});
