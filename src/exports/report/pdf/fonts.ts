/**
 * The report's fonts: Titillium Web, Bootstrap Italia's (SIL Open Font License), embedded from
 * the WOFF files of @fontsource/titillium-web. Its "latin" files hold every Italian letter, €,
 * the guillemets, typographic quotes and dashes; a text with a letter they lack (ş, ć, ğ: the
 * "latin-ext" files hold those but no basic letters, so a name cannot be set in them whole) is
 * written in DejaVu Sans (pdfFont in src/exports/pdf.ts).
 *
 * pdfkit reads WOFF, but inflates its tables in JavaScript on every document (a second per
 * report): the files are turned into plain TrueType once, with node's zlib, and kept in memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { PdfFontFaces } from '../../pdf.js';

const require = createRequire(import.meta.url);

/** WOFF 1.0 (a TrueType font with zlib-compressed tables) as the TrueType font it wraps. */
export function woffToTtf(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(raw) : raw,
    };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const cache = new Map<string, Buffer>();
function face(weight: 400 | 600, style: 'normal' | 'italic'): Buffer {
  const file = require.resolve(`@fontsource/titillium-web/files/titillium-web-latin-${weight}-${style}.woff`);
  let font = cache.get(file);
  if (!font) {
    font = woffToTtf(readFileSync(file));
    cache.set(file, font);
  }
  return font;
}

/** The faces as createPdf registers them: bold is Titillium's SemiBold (600), as Bootstrap Italia's headings. */
export function reportFonts(): PdfFontFaces {
  return { regular: face(400, 'normal'), bold: face(600, 'normal'), italic: face(400, 'italic'), boldItalic: face(600, 'italic') };
}
