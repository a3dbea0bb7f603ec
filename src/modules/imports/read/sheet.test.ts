/**
 * Real files written to a temporary folder (XLSX by exceljs, CSV as bytes in each encoding)
 * and read back through inspectFile and readRows; the bad files give their problem codes.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_COLUMNS } from '../imports.errors.js';
import { detectDelimiter } from './csv.js';
import { inspectFile, readRows } from './sheet.js';
import type { SheetRow } from './types.js';

let dir: string;
let fileNumber = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'approdo-sheet-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function nextPath(extension: string): string {
  fileNumber += 1;
  return join(dir, `file-${fileNumber}.${extension}`);
}

async function writeBytes(bytes: Buffer | string, extension = 'csv'): Promise<string> {
  const path = nextPath(extension);
  await writeFile(path, bytes);
  return path;
}

async function writeXlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const path = nextPath('xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

async function readAll(
  path: string,
): Promise<{ headers: string[]; rows: SheetRow[]; format: string; encoding: string | null; delimiter: string | null }> {
  const info = await inspectFile(path);
  const rows: SheetRow[] = [];
  for await (const row of readRows(path, info)) rows.push(row);
  return { ...info, rows };
}

/** A zip of deflated entries, as any zip tool writes one; `declared` gives an entry a false size (a zip bomb's). */
function zipOf(files: Record<string, string>, declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const plain = Buffer.from(text);
    const data = deflateRawSync(plain);
    const size = declared[name] ?? plain.length;
    const nameBytes = Buffer.from(name);
    const crc = crc32(plain);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('an XLSX register', () => {
  it('reads the first worksheet: dates as ISO, numbers as text, formulas’ results or text, rich text joined, hyperlinks’ text', async () => {
    const path = await writeXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Accessi 2024');
      sheet.addRow(['Data', ' Cognome ', 'Nome', 'Sito', 'Calcolata', 'Telefono', 'Ora']);
      sheet.addRow([
        new Date(Date.UTC(2024, 2, 5)),
        'ROSSI',
        { richText: [{ text: 'Ma', font: { bold: true } }, { text: 'rio' }] },
        { text: 'centro', hyperlink: 'https://example.org' },
        { formula: 'A2+1', result: 45357 },
        3331234567,
        new Date(Date.UTC(2024, 2, 5, 10, 30)),
      ]);
      sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
      sheet.addRow([]);
      sheet.addRow([45356, ' Bianchi ', '=1+2', null, { formula: 'SUM(B1:B2)' }, 0.5, '10:30']);
      workbook.addWorksheet('Altro').addRow(['Non', 'questo']);
    });
    const file = await readAll(path);
    expect(file).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(file.headers).toEqual(['Data', 'Cognome', 'Nome', 'Sito', 'Calcolata', 'Telefono', 'Ora']);
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['2024-03-05', 'ROSSI', 'Mario', 'centro', '2024-03-06', '3331234567', '2024-03-05T10:30:00'] },
      { rowNumber: 4, cells: ['45356', 'Bianchi', '=1+2', null, '=SUM(B1:B2)', '0.5', '10:30'] },
    ]);
  });

  it('reads the workbook’s first worksheet, whatever its part is called (a sheet moved before another)', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheetXml = (header: string, value: string) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell('A1', header)}</row><row r="2">${cell('A2', value)}</row></sheetData></worksheet>`;
    const path = await writeBytes(
      zipOf({
        'xl/workbook.xml':
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registro &amp; note" sheetId="2" r:id="rId2"/><sheet name="Vecchio" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': sheetXml('Vecchio', 'no'),
        'xl/worksheets/sheet2.xml': sheetXml('Cognome', 'Rossi'),
        // After the worksheets, as Excel writes it (exceljs reads the worksheets once it has the strings).
        'xl/sharedStrings.xml': '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
      }),
      'xlsx',
    );
    expect(await readAll(path)).toMatchObject({ headers: ['Cognome'], rows: [{ rowNumber: 2, cells: ['Rossi'] }] });
  });

  it('reads a header-only file as no rows', async () => {
    const path = await writeXlsx((workbook) => workbook.addWorksheet('R').addRow(['Data', 'Cognome']));
    expect(await readAll(path)).toMatchObject({ headers: ['Data', 'Cognome'], rows: [] });
  });

  it('drops empty columns after the last header, and gives each row as many cells as headers', async () => {
    const path = await writeXlsx((workbook) => {
      const sheet = workbook.addWorksheet('R');
      sheet.addRow(['Data', 'Cognome', null, null]);
      sheet.addRow(['05/03/2024', null, 'fuori', 'colonna']);
      sheet.addRow(['06/03/2024']);
    });
    const file = await readAll(path);
    expect(file.headers).toEqual(['Data', 'Cognome']);
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['05/03/2024', null] },
      { rowNumber: 3, cells: ['06/03/2024', null] },
    ]);
  });

  it('refuses merged header cells, naming their columns', async () => {
    const path = await writeXlsx((workbook) => {
      const sheet = workbook.addWorksheet('R');
      sheet.addRow(['Persona', null, 'Data']);
      sheet.addRow(['Rossi', 'Mario', '05/03/2024']);
      sheet.mergeCells('A1:B1');
    });
    await expect(inspectFile(path)).rejects.toMatchObject({ code: 'import.merged_header', status: 422, extra: { columns: [1, 2] } });
  });

  it('accepts cells merged below the header', async () => {
    const path = await writeXlsx((workbook) => {
      const sheet = workbook.addWorksheet('R');
      sheet.addRow(['Cognome', 'Nome']);
      sheet.addRow(['Rossi', 'Mario']);
      sheet.mergeCells('A2:B2');
    });
    expect((await inspectFile(path)).headers).toEqual(['Cognome', 'Nome']);
  });

  it('refuses repeated headers and two empty ones', async () => {
    const repeated = await writeXlsx((workbook) => workbook.addWorksheet('R').addRow(['Data', 'Nome', 'NOME']));
    await expect(inspectFile(repeated)).rejects.toMatchObject({ code: 'import.merged_header', extra: { columns: [2, 3] } });
    const empties = await writeXlsx((workbook) => workbook.addWorksheet('R').addRow(['Data', null, null, 'Nome']));
    await expect(inspectFile(empties)).rejects.toMatchObject({ code: 'import.merged_header', extra: { columns: [2, 3] } });
  });

  it('refuses a first row that is empty or holds data', async () => {
    const startsLow = await writeXlsx((workbook) => {
      const sheet = workbook.addWorksheet('R');
      sheet.getCell('A3').value = 'Data';
    });
    await expect(inspectFile(startsLow)).rejects.toMatchObject({ code: 'import.no_header' });
    const data = await writeXlsx((workbook) => workbook.addWorksheet('R').addRow([new Date(Date.UTC(2024, 0, 1)), 45, '12/01/2024']));
    await expect(inspectFile(data)).rejects.toMatchObject({ code: 'import.no_header' });
  });

  it('refuses too many columns and an empty sheet', async () => {
    const wide = await writeXlsx((workbook) =>
      workbook.addWorksheet('R').addRow(Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `C${i}`)),
    );
    await expect(inspectFile(wide)).rejects.toMatchObject({
      code: 'import.too_many_columns',
      extra: { columns: MAX_IMPORT_COLUMNS + 1, limit: MAX_IMPORT_COLUMNS },
    });
    const exact = await writeXlsx((workbook) =>
      workbook.addWorksheet('R').addRow(Array.from({ length: MAX_IMPORT_COLUMNS }, (_, i) => `C${i}`)),
    );
    expect((await inspectFile(exact)).headers).toHaveLength(MAX_IMPORT_COLUMNS);
    const empty = await writeXlsx((workbook) => workbook.addWorksheet('R'));
    await expect(inspectFile(empty)).rejects.toMatchObject({ code: 'import.empty' });
  });
});

describe('a CSV register', () => {
  const ROWS = 'Data;Cognome;Nazionalità\n05/03/2024;Rossi;Italia\n';

  it.each([
    ['UTF-8', Buffer.from(ROWS, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROWS, 'utf8')]), 'utf-8'],
    ['Windows-1252', Buffer.from(ROWS, 'latin1'), 'windows-1252'],
  ])('reads %s', async (_, bytes, encoding) => {
    const file = await readAll(await writeBytes(bytes));
    expect(file).toMatchObject({ format: 'csv', encoding, delimiter: ';', headers: ['Data', 'Cognome', 'Nazionalità'] });
    expect(file.rows).toEqual([{ rowNumber: 2, cells: ['05/03/2024', 'Rossi', 'Italia'] }]);
  });

  it('reads Windows-1252 bytes that only come late in the file', async () => {
    const text = `Nome,Note\n${'Mario,ok\n'.repeat(20_000)}Jos\xe9,citt\xe0\n`;
    const file = await readAll(await writeBytes(Buffer.from(text, 'latin1')));
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows.at(-1)).toEqual({ rowNumber: 20_002, cells: ['José', 'città'] });
  });

  it('reads commas, quotes, new lines inside quotes, and numbers rows as a spreadsheet does', async () => {
    const path = await writeBytes(
      'Cognome,Nome,"Note, varie"\r\n"Rossi","Mario","riga uno\nriga due"\r\n\r\n,,\r\nBianchi,"Anna ""Annetta""",=1+2,extra\r\nVerdi\r\n',
    );
    const file = await readAll(path);
    expect(file.delimiter).toBe(',');
    expect(file.headers).toEqual(['Cognome', 'Nome', 'Note, varie']);
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['Rossi', 'Mario', 'riga uno\nriga due'] },
      { rowNumber: 5, cells: ['Bianchi', 'Anna "Annetta"', '=1+2'] },
      { rowNumber: 6, cells: ['Verdi', null, null] },
    ]);
  });

  it('reads Excel’s “Unicode text”: UTF-16 with its byte order mark, tab-separated', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Cognome\tNazionalità\r\nRossi\tCôte d’Ivoire\r\n', 'utf16le')]);
    const file = await readAll(await writeBytes(bytes, 'txt'));
    expect(file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Cognome', 'Nazionalità'] });
    expect(file.rows).toEqual([{ rowNumber: 2, cells: ['Rossi', 'Côte d’Ivoire'] }]);
  });

  it('reads a tab-separated file', async () => {
    const file = await readAll(await writeBytes('Cognome\tNome\nRossi\tMario\n'));
    expect(file).toMatchObject({ delimiter: '\t', headers: ['Cognome', 'Nome'], rows: [{ rowNumber: 2, cells: ['Rossi', 'Mario'] }] });
  });

  it('finds the delimiter of the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"a;b";c,d\n')).toBe(',');
    expect(detectDelimiter('Cognome\n')).toBe(',');
  });

  it('refuses an empty file, blank text, no header, repeated headers and too many columns', async () => {
    await expect(inspectFile(await writeBytes(''))).rejects.toMatchObject({ code: 'import.empty' });
    await expect(inspectFile(await writeBytes(' \r\n \n'))).rejects.toMatchObject({ code: 'import.empty' });
    await expect(inspectFile(await writeBytes('\nCognome;Nome\n'))).rejects.toMatchObject({ code: 'import.no_header' });
    await expect(inspectFile(await writeBytes('05/03/2024;12;3,5\n06/03/2024;13;4\n'))).rejects.toMatchObject({ code: 'import.no_header' });
    await expect(inspectFile(await writeBytes('Cognome;Nome;Cognome\n'))).rejects.toMatchObject({
      code: 'import.merged_header',
      extra: { columns: [1, 3] },
    });
    const wide = `${Array.from({ length: 201 }, (_, i) => `C${i}`).join(';')}\n`;
    await expect(inspectFile(await writeBytes(wide))).rejects.toMatchObject({ code: 'import.too_many_columns' });
  });
});

describe('a file that is not a spreadsheet', () => {
  it.each([
    ['a PDF', () => writeBytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'pdf')],
    ['binary garbage', () => writeBytes(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'bin')],
    [
      'an old .xls (OLE2)',
      () => writeBytes(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'xls'),
    ],
    ['a zip that is not a workbook', () => writeBytes(zipOf({ 'readme.txt': 'ciao', 'data/a.csv': 'a,b' }), 'zip')],
    [
      'a zip with a workbook but no worksheet',
      () => writeBytes(zipOf({ 'xl/workbook.xml': '<workbook><sheets></sheets></workbook>' }), 'xlsx'),
    ],
    [
      'a truncated XLSX',
      async () => {
        const whole = await readFile(await writeXlsx((workbook) => workbook.addWorksheet('R').addRow(['Data', 'Cognome'])));
        return writeBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'xlsx');
      },
    ],
    [
      'a workbook whose worksheet inflates past the size its zip declares',
      () =>
        writeBytes(
          zipOf(
            {
              'xl/workbook.xml': '<workbook><sheets><sheet name="R" sheetId="1" r:id="rId1"/></sheets></workbook>',
              'xl/worksheets/sheet1.xml': `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cognome</t></is></c></row>${'<row/>'.repeat(10_000)}</sheetData></worksheet>`,
            },
            { 'xl/worksheets/sheet1.xml': 100 },
          ),
          'xlsx',
        ),
    ],
    [
      'a workbook whose worksheet is not XML',
      () =>
        writeBytes(
          zipOf({
            'xl/workbook.xml': '<workbook><sheets><sheet name="R" sheetId="1" r:id="rId1"/></sheets></workbook>',
            'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Data</t></is></c></row><<<',
          }),
          'xlsx',
        ),
    ],
  ])('%s', async (_, write) => {
    await expect(inspectFile(await write())).rejects.toMatchObject({ code: 'import.not_spreadsheet', status: 422 });
  });

  it('a CSV whose quote never closes is refused when its rows are read', async () => {
    const path = await writeBytes('Cognome,Nome\nRossi,Mario\n"Bianchi,Anna\n');
    const info = await inspectFile(path);
    const read = async () => {
      for await (const _ of readRows(path, info));
    };
    await expect(read()).rejects.toMatchObject({ code: 'import.not_spreadsheet' });
  });

  it('a file that is not there is no spreadsheet problem but the file system’s', async () => {
    await expect(inspectFile(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a large register', () => {
  it('reads 100,000 CSV rows as a stream, memory bounded', { timeout: 180_000 }, async () => {
    const path = nextPath('csv');
    // Rows of ~1,300 bytes: ~130 MB in all, more than the bound below, so a reader holding the file would fail.
    const NOTE = 'Nota di colloquio: '.repeat(70);
    const out = createWriteStream(path);
    out.write('Data;Cognome;Nome;Sesso;Nazionalità;Tipologia richiesta;Note\n');
    for (let i = 0; i < 100_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const line = `${day}/03/2024;Cognome${i};Nome${i};${i % 2 ? 'M' : 'F'};Marocco;Lavoro;${NOTE}${i}\n`;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let last: SheetRow | undefined;
    const info = await inspectFile(path);
    for await (const row of readRows(path, info)) {
      count += 1;
      last = row;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(100_000);
    expect(last?.rowNumber).toBe(100_001);
    expect(last?.cells[1]).toBe('Cognome99999');
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(120 * 1024 * 1024);
    console.info(`100,000 CSV rows (${Math.round(size / 1048576)} MB): heap grew by ${Math.round((peak - before) / 1048576)} MB`);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});
