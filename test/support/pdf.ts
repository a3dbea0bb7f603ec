/**
 * What a PDF says, read back with poppler-utils (pdftotext, pdffonts: the Debian package
 * poppler-utils, installed by CI): tests check documents by their text and their fonts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, work: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'approdo-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order (pdftotext -layout keeps lines together). */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export interface PdfFontInfo {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts the PDF uses, as pdffonts lists them. */
export function pdfFonts(pdf: Buffer): PdfFontInfo[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  // name  type  encoding  emb sub uni  object ID: the columns are fixed by the dashes of line 2.
  const [, dashes, ...rows] = out.split('\n');
  const widths = (dashes ?? '').split(' ').map((dash) => dash.length);
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const cells: string[] = [];
      let at = 0;
      for (const width of widths) {
        cells.push(row.slice(at, at + width).trim());
        at += width + 1;
      }
      return { name: cells[0] ?? '', type: cells[1] ?? '', embedded: cells[3] === 'yes' };
    });
}
