import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfText } from '../../../test/support/pdf.js';
import { reportFixture } from '../../../test/support/report-fixture.js';
import type { ReportData, ReportTable } from '../../contracts/reports.js';
import { renderReport } from './index.js';

/** The text of each page (pdftotext separates pages with a form feed). */
const pagesOf = (text: string) => text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A table long enough to cross pages. */
function longTable(): ReportTable {
  return {
    kind: 'table',
    id: 'needs.long',
    title: 'Tabella lunga di prova',
    columns: [
      { key: 'name', label: 'Voce della tabella lunga', numeric: false },
      { key: 'count', label: 'Conteggio', numeric: true },
    ],
    rows: [
      ...Array.from({ length: 90 }, (_, i) => ({ key: `r${i}`, cells: { name: `Riga ${i + 1}`, count: 1000 + i } })),
      { key: 'total', cells: { name: 'Totale righe', count: 94005 }, total: true },
    ],
    protect: false,
  };
}

describe('the report as PDF', () => {
  let data: ReportData;
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    data = reportFixture();
    data.sections.at(-1)!.blocks.push(longTable());
    pdf = await renderReport(data, 'pdf');
    pages = pagesOf(pdfText(pdf));
  });

  it('is a PDF with every font embedded and no standard font', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/DejaVu/);
    }
  });

  it('opens with a cover: the centre, its organisation, the title and the year', () => {
    const cover = flat(pages[0]!);
    expect(cover).toContain('Comune di Jesi');
    expect(cover).toContain("Centro Servizi per l'Integrazione Sociale");
    expect(cover).toContain('Report di Gestione gennaio - dicembre 2024');
    expect(cover).toContain('Anno 2024');
    // Its address, telephone and e-mail.
    expect(cover).toContain('Cortile Ex Appannaggio, 16 - 60035 Jesi (AN)');
    expect(cover).toContain('Tel. 0731 204711');
    expect(cover).toContain('integrazione@comune.jesi.an.it');
  });

  it("names the centre's comune on the cover when the organisation's name does not", async () => {
    const other = reportFixture();
    other.heading = { ...other.heading, organisation: 'Unione dei Comuni', comune: 'Comune di Maiolati Spontini' };
    const cover = flat(pagesOf(pdfText(await renderReport(other, 'pdf')))[0]!);
    expect(cover).toContain('Comune di Maiolati Spontini');
    expect(cover).toContain('Unione dei Comuni');
  });

  it('has a contents page giving the page on which each numbered section starts', () => {
    const contents = pages[1]!;
    expect(contents).toContain('Indice');
    for (const section of data.sections) {
      const heading = `${section.number}. ${section.title}`;
      const page = Number(flat(contents).split(`${heading} `)[1]?.match(/^\d+/)?.[0]);
      expect(page, heading).toBeGreaterThan(2);
      // The section's heading is on that page.
      expect(flat(pages[page - 1]!), heading).toContain(heading);
      if (page > 3) expect(flat(pages[page - 2]!), heading).not.toContain(heading);
    }
  });

  it('numbers every page "Pagina N di M" and marks a draft "Bozza" on every page', () => {
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`);
      expect(page).toContain('Bozza');
    });
  });

  it('writes figures, table cells with Italian separators, the total row, hidden counts and notes', () => {
    const text = flat(pages.join('\n'));
    expect(text).toContain('Totale: 371');
    expect(text).toContain('Utilizzi della postazione PC: 1.284');
    expect(text).toMatch(/Extracomunitari 297/);
    expect(text).toContain('Totale 371');
    expect(text).toContain('152 456 74 36 110');
    // pdftotext may join "< 5" (right-aligned words are placed one by one).
    expect(text).toMatch(/Camerun < ?5/);
    expect(text).toMatch(/Egitto \*/);
    expect(text).toContain('Paesi con un numero di accessi inferiore a 5');
    expect(text).toMatch(/Costa d'Avorio 4/);
    expect(text).toContain('«Altro» raggruppa 20 voci');
    expect(text).toMatch(/Riga 90 1\.089/);
  });

  it('repeats the header of a table that breaks across pages', () => {
    const withHeader = pages.filter((page) => page.includes('Voce della tabella lunga'));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    const last = withHeader.at(-1)!;
    expect(flat(last)).toContain('Totale righe 94.005');
  });

  it('draws the charts as vectors: their labels are text, with counts and percentages', () => {
    const text = flat(pages.join('\n'));
    expect(text).toContain('Extracomunitari: 297 (80,1%)');
    expect(text).toContain('Iscritti SAI');
    expect(text).toContain('Una visita con due tipologie conta sotto ciascuna');
  });

  it('writes the Markdown texts: paragraphs, lists, headings', () => {
    const text = flat(pages.join('\n'));
    expect(text).toContain('informazione, accompagnamento, orientamento e sostegno');
    expect(text).toContain('dal 5 al 23 agosto;');
    expect(text).toContain('Operatore della mediazione;');
    expect(text).toContain('Corsi di italiano L2 per minorenni');
    expect(text).not.toContain('**');
  });

  it('ends with the generation time and the app version', () => {
    expect(flat(pages.at(-1)!)).toContain('Generato il 14 febbraio 2025 alle 10:30 con Approdo 0.1.0');
  });

  it('says "Versione N, pubblicata il …" on every page of a published version, and no "Bozza"', async () => {
    const published = pagesOf(pdfText(await renderReport(reportFixture({ versionNumber: 2 }), 'pdf')));
    for (const page of published) {
      expect(page).toContain('Versione 2, pubblicata il 14 febbraio 2025');
      expect(page).not.toContain('Bozza');
    }
  });
});
