import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFixture } from '../../../test/support/report-fixture.js';
import { renderReport } from './index.js';

/** The paragraphs of a WordprocessingML part: style and text, and whether it sits in a table. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
    style: match[0].match(/<w:pStyle w:val="([^"]+)"/)?.[1] ?? null,
    text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => xmlText(t[1]!)).join(''),
    xml: match[0],
  }));
}
const xmlText = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** The text of each cell of each table. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        paragraphs(cell[0])
          .map((p) => p.text)
          .join('\n'),
      ),
    ),
  );
}

describe('the report as DOCX', () => {
  const data = reportFixture();
  let zip: JSZip;
  let document: string;

  beforeAll(async () => {
    zip = await JSZip.loadAsync(await renderReport(data, 'docx'));
    document = await zip.file('word/document.xml')!.async('string');
  });

  it('gives each section a Heading 1 and each table a Heading 2, so Word builds its contents', () => {
    const headings = paragraphs(document)
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings).toEqual(data.sections.map((s) => `${s.number}. ${s.title}`));
    const sub = paragraphs(document)
      .filter((p) => p.style === 'Heading2')
      .map((p) => p.text);
    expect(sub).toContain('Paesi di provenienza');
    expect(sub).toContain('Paesi con un numero di accessi inferiore a 5');
    expect(sub).toContain('Chiusure');
  });

  it('has a table of contents field over the headings, updated when Word opens it', async () => {
    expect(document).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('w:updateFields');
  });

  it('writes the tables as Word tables: header, cells, total row in bold, hidden counts', () => {
    const all = tables(document);
    expect(all.length).toBe(data.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length);
    const origin = all.find((t) => t[0]?.[0] === 'Provenienza' && t.some((r) => r[1] === '297'))!;
    expect(origin).toEqual([
      ['Provenienza', 'N. accessi'],
      ['Italiani', '62'],
      ['Comunitari', '9'],
      ['Extracomunitari', '297'],
      ['Non specificato', '3'],
      ['Totale', '371'],
    ]);
    const countries = all.find((t) => t[0]?.[1] === 'N. utenti' && t.some((r) => r[0] === 'Camerun'))!;
    expect(countries).toContainEqual(['Camerun', '< 5']);
    expect(countries).toContainEqual(['Egitto', '*']);
    // The header row repeats on every page; the total row is bold.
    const tbl = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => t.includes('Extracomunitari') && t.includes('297'))!;
    expect(tbl).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/);
    const totalRow = [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].at(-1)![0];
    expect(totalRow).toMatch(/<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/);
  });

  it('puts each chart as a PNG image with its title', async () => {
    const charts = data.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table' && b.chart);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(charts.length);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const titles = paragraphs(document).map((p) => p.text);
    expect(titles).toContain('Grafico: Paesi di provenienza');
    expect(document).toContain('title="Paesi di provenienza"');
  });

  it('writes the Markdown as paragraphs with bold and italic runs, and lists', () => {
    const all = paragraphs(document);
    const description = all.find((p) => p.text.startsWith("Il Centro Servizi per l'Integrazione Sociale è un servizio"))!;
    expect(description.xml).toMatch(/<w:r><w:rPr><w:b\/>[\s\S]*?<w:t[^>]*>informazione, accompagnamento, orientamento e sostegno<\/w:t>/);
    expect(description.xml).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>ASP<\/w:t>/);
    expect(description.text).not.toContain('**');
    const closure = all.find((p) => p.text === 'dal 5 al 23 agosto;')!;
    expect(closure.xml).toContain('<w:numPr>');
  });

  it('numbers the pages in the footer and marks a draft in the header', async () => {
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/footer\d*\.xml/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const footer = footers.join('');
    expect(footer).toContain('Pagina ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/header\d*\.xml/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.join('')).toContain('Bozza');
  });

  it('says the version of a published report', async () => {
    const published = await JSZip.loadAsync(await renderReport(reportFixture({ versionNumber: 3 }), 'docx'));
    const xml = await published.file('word/document.xml')!.async('string');
    expect(paragraphs(xml).map((p) => p.text)).toContain('Versione 3, pubblicata il 14 febbraio 2025');
    expect(xml).not.toContain('Bozza');
  });
});
