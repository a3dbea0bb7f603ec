import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../../test/support/exports.js';
import { type TableColumn, tableCsv, tableXlsx } from './table.js';

interface Row {
  name: string;
  day: string | null;
  count: number;
}

const COLUMNS: TableColumn<Row>[] = [
  { header: 'Nome', value: (r) => r.name },
  { header: 'Data', kind: 'date', value: (r) => r.day },
  { header: 'Giorni', kind: 'number', value: (r) => r.count },
];

async function* batchesOf(...batches: Row[][]): AsyncGenerator<Row[]> {
  for (const batch of batches) yield batch;
}

const ROWS: Row[][] = [
  [
    { name: '=HYPERLINK("http://x")', day: '2026-03-04', count: -3 },
    { name: 'Rossi\u0007 Anna', day: null, count: 0 },
  ],
  [],
  [{ name: '+39 333', day: '2025-12-31', count: 12 }],
];

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function bytes(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('tableCsv', () => {
  it('writes the headers, Italian dates, numbers as they are and text formula-safe, batch after batch', async () => {
    expect(readCsv(await text(tableCsv(COLUMNS, batchesOf(...ROWS))))).toEqual([
      ['Nome', 'Data', 'Giorni'],
      ['\'=HYPERLINK("http://x")', '04/03/2026', '-3'],
      ['Rossi\u0007 Anna', '', '0'],
      ["'+39 333", '31/12/2025', '12'],
    ]);
  });
});

describe('tableXlsx', () => {
  it('writes a bold frozen header, date cells, number cells and text never as a formula', async () => {
    const { rows, sheet } = await readXlsx(await bytes(tableXlsx(COLUMNS, batchesOf(...ROWS), 'Prova')));
    expect(sheet.name).toBe('Prova');
    expect(rows).toEqual([
      ['Nome', 'Data', 'Giorni'],
      ['=HYPERLINK("http://x")', new Date(Date.UTC(2026, 2, 4)), -3],
      ['Rossi Anna', null, 0],
      ['+39 333', new Date(Date.UTC(2025, 11, 31)), 12],
    ]);
    const formula = sheet.getRow(2).getCell(1);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getColumn(2).width).toBe(12);
  });

  it('ends the stream with the error of a batch that fails', async () => {
    async function* failing(): AsyncGenerator<Row[]> {
      yield [{ name: 'a', day: null, count: 1 }];
      throw new Error('the database went away');
    }
    await expect(bytes(tableXlsx(COLUMNS, failing(), 'Prova'))).rejects.toThrow('the database went away');
  });
});
