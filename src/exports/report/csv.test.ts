import { describe, expect, it } from 'vitest';
import { reportFixture } from '../../../test/support/report-fixture.js';
import type { ReportTable } from '../../contracts/reports.js';
import { reportTables } from './common.js';
import { reportTableCsv } from './index.js';

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('a report table as CSV', () => {
  it('writes the table in Italian: ";" between cells, a BOM, every row with the total', () => {
    const csv = reportTableCsv(reportFixture(), 'visits.origin')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)).toEqual([
      'Provenienza;N. accessi',
      'Italiani;62',
      'Comunitari;9',
      'Extracomunitari;297',
      'Non specificato;3',
      'Totale;371',
    ]);
  });

  it('writes decimal commas, no thousands separator, hidden counts as "< 5" and "*", empty cells empty', () => {
    const data = reportFixture();
    const table = reportTables(data).find(({ table }) => table.id === 'care.countries')!.table as ReportTable;
    table.rows[0]!.cells.count = 1234.5;
    const out = lines(reportTableCsv(data, 'care.countries')!);
    expect(out).toContain('Nigeria;1234,5');
    expect(out).toContain('Camerun;< 5');
    expect(out).toContain('Egitto;*');
    const clubs = lines(reportTableCsv(data, 'courses.clubs')!);
    expect(clubs[0]).toBe('Club;Periodo;Incontri;Ore;Iscritti SAI;Iscritti Centro;Totale iscritti');
    // The total row, then the table's notes.
    expect(clubs.find((line) => line.startsWith('Totale'))).toBe('Totale;;152;456;74;36;110');
  });

  it('neutralises formula-like labels', () => {
    const data = reportFixture();
    const table = reportTables(data).find(({ table }) => table.id === 'applications.types')!.table as ReportTable;
    table.rows[0]!.cells.category = '=HYPERLINK("http://example.com/x";"clic")';
    table.rows[1]!.cells.category = '@SUM(A1)';
    const out = lines(reportTableCsv(data, 'applications.types')!);
    expect(out[1]).toBe(`"'=HYPERLINK(""http://example.com/x"";""clic"")";46`);
    expect(out[2]).toBe("'@SUM(A1);31");
  });

  it("writes the table's notes after its rows and an empty line, one a line", () => {
    const data = reportFixture();
    const table = reportTables(data).find(({ table }) => table.id === 'visits.origin')!.table as ReportTable;
    table.notes = ['Il comune del centro non è impostato: la residenza non può essere divisa.', '=1+1'];
    const out = lines(reportTableCsv(data, 'visits.origin')!);
    expect(out.slice(-4)).toEqual(['Totale;371', '', 'Il comune del centro non è impostato: la residenza non può essere divisa.', "'=1+1"]);
  });

  it('answers undefined for a table the report does not have', () => {
    expect(reportTableCsv(reportFixture(), 'visits.nothing')).toBeUndefined();
    expect(reportTableCsv(reportFixture(), 'centre.description')).toBeUndefined();
  });
});
