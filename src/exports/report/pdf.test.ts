import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfText } from '../../../test/support/pdf.js';
import {
  accessibilityProblems,
  allNodes,
  nodesOf,
  type PdfStructure,
  readPdfStructure,
  textOf,
} from '../../../test/support/pdf-structure.js';
import { reportFixture } from '../../../test/support/report-fixture.js';
import { chartCellText } from '../../contracts/report-charts.js';
import type { ReportData, ReportTable } from '../../contracts/reports.js';
import { createPdf, pdfBytes, pdfTitle } from '../pdf.js';
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

  it('is a PDF with Titillium Web embedded and no standard font', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/TitilliumWeb-(Regular|SemiBold|Italic)/);
    }
  });

  it('prints € and accents in Titillium, and a text with a letter Titillium lacks in DejaVu Sans', async () => {
    const other = reportFixture();
    other.heading = { ...other.heading, name: 'Centro Servizi Şişli', address: 'Via Perù 1, € àèìòù «»' };
    const countries = other.sections.flatMap((s) => s.blocks).find((b): b is ReportTable => b.id === 'visits.countries')!;
    countries.rows[1]!.cells.category = 'Türkiye (Şanlıurfa)';
    const document = await renderReport(other, 'pdf');
    const text = pagesOf(pdfText(document)).map(flat);
    expect(text[0]).toContain('Centro Servizi Şişli');
    expect(text[0]).toContain('Via Perù 1, € àèìòù «»');
    // In the table and in the chart's labels.
    expect(text.join(' ').match(/Türkiye \(Şanlıurfa\) 58/g)).toHaveLength(2);
    const names = pdfFonts(document).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(names)).toEqual(
      new Set(['TitilliumWeb-Regular', 'TitilliumWeb-SemiBold', 'TitilliumWeb-Italic', 'DejaVuSans', 'DejaVuSans-Bold']),
    );
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

  it('keeps a small table whole on one page with its title', () => {
    // "Utenti presi in carico 2022/2023/2024": its three rows once spread over two pages.
    const page = pages.find((text) => text.includes('Utenti presi in carico 2022/2023/2024'))!;
    expect(flat(page)).toMatch(/2022 149 .*2023 160 .*2024 163/);
  });

  it('sets a table too wide for the page smaller rather than break a word or a number inside a cell', async () => {
    const wide = reportFixture();
    const columns = Array.from({ length: 9 }, (_, i) => ({ key: `c${i}`, label: `Incontri settimanali ${i + 1}`, numeric: true }));
    wide.sections.at(-1)!.blocks.push({
      kind: 'table',
      id: 'needs.wide',
      title: 'Tabella larga di prova',
      columns: [{ key: 'name', label: 'Attività', numeric: false }, ...columns],
      rows: [{ key: 'r', cells: { name: 'Alfabetizzazione', ...Object.fromEntries(columns.map((c, i) => [c.key, 1_234_567 + i])) } }],
      protect: false,
    });
    // Cell by cell, as a screen reader reads them: a word broken over two lines reads "Incontr i".
    const read = await readPdfStructure(await renderReport(wide, 'pdf'));
    const table = nodesOf(read.tree, 'Table').find((node) => node.summary?.startsWith('Tabella larga di prova'))!;
    const [header, row] = nodesOf(table, 'TR').map((tr) => tr.children.map(textOf));
    expect(header).toEqual(['Attività', ...columns.map((c) => c.label)]);
    expect(row).toEqual(['Alfabetizzazione', ...columns.map((_, i) => chartCellText(1_234_567 + i))]);
  });
});

describe('the report as a tagged PDF (PDF/UA-1), read back with pdfjs', () => {
  let data: ReportData;
  let structure: PdfStructure;

  beforeAll(async () => {
    data = reportFixture();
    structure = await readPdfStructure(await renderReport(data, 'pdf'));
  });

  it('has its language, its title shown, the PDF/UA identification, tags on every page and bookmarks', () => {
    expect(accessibilityProblems(structure)).toEqual([]);
    expect(structure.lang).toBe('it-IT');
    expect(structure.title).toBe("Report di Gestione gennaio - dicembre 2024 - Centro Servizi per l'Integrazione Sociale");
    expect(structure.xmpTitle).toBe(structure.title);
    expect(structure.outline.map((item) => item.title)).toEqual(data.sections.map((s) => `${s.number}. ${s.title}`));
  });

  it('keeps a title with "&" or "<" whole in the XMP metadata', async () => {
    const other = reportFixture();
    other.heading = { ...other.heading, name: 'Servizi & Integrazione <Jesi>' };
    const read = await readPdfStructure(await renderReport(other, 'pdf'));
    expect(read.title).toBe('Report di Gestione gennaio - dicembre 2024 - Servizi & Integrazione <Jesi>');
    expect(read.xmpTitle).toBe(read.title);
  });

  it('gives the headings in order: the title H1, the contents and the sections H2, the blocks H3', () => {
    const headings = allNodes(structure.tree).filter((node) => /^H\d$/.test(node.role));
    expect(headings[0]).toMatchObject({ role: 'H1' });
    expect(textOf(headings[0]!)).toBe(data.title);
    const h2 = headings.filter((node) => node.role === 'H2').map(textOf);
    expect(h2).toEqual(['Indice', ...data.sections.map((s) => `${s.number}. ${s.title}`)]);
    expect(headings.filter((node) => node.role === 'H3').map(textOf)).toContain('Paesi di provenienza');
  });

  it('gives every table its header cells, each column header a TH and each row named by one', () => {
    const tables = nodesOf(structure.tree, 'Table');
    const count = data.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length;
    expect(tables).toHaveLength(count);
    const origin = tables.find((table) => table.summary?.startsWith('Provenienza: 4 righe'))!;
    const [header, ...rows] = nodesOf(origin, 'TR');
    expect(header!.children.map((cell) => [cell.role, cell.scope, textOf(cell)])).toEqual([
      ['TH', 'Column', 'Provenienza'],
      ['TH', 'Column', 'N. accessi'],
    ]);
    expect(rows.map((row) => row.children.map(textOf))).toContainEqual(['Extracomunitari', '297']);
    expect(rows[0]!.children.map((cell) => cell.role)).toEqual(['TH', 'TD']);
  });

  it('keeps a table that runs over pages one table, its header once (repeated on the page as an artifact)', async () => {
    const long = reportFixture();
    long.sections.at(-1)!.blocks.push(longTable());
    const read = await readPdfStructure(await renderReport(long, 'pdf'));
    expect(accessibilityProblems(read)).toEqual([]);
    const table = nodesOf(read.tree, 'Table').find((node) => node.summary?.startsWith('Tabella lunga di prova'))!;
    expect(table.pages.length).toBeGreaterThan(1);
    expect(nodesOf(table, 'TR')).toHaveLength(92);
    expect(
      nodesOf(table, 'TH')
        .filter((cell) => cell.scope === 'Column')
        .map(textOf),
    ).toEqual(['Voce della tabella lunga', 'Conteggio']);
  });

  it('makes every chart a figure whose alternative text states its figures, from its table', () => {
    const figures = nodesOf(structure.tree, 'Figure');
    const charted = data.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === 'table' && !!b.chart);
    expect(figures).toHaveLength(charted.length);
    const countries = charted.find((table) => table.id === 'visits.countries')!;
    const alt = figures.find((figure) => figure.alt?.includes('Paesi di provenienza'))!.alt!;
    for (const row of countries.rows.filter((r) => !r.total)) {
      expect(alt).toContain(`${chartCellText(row.cells.category)} ${chartCellText(row.cells.count)}`);
    }
    expect(alt).toContain('Italia 62, Nigeria 58, Marocco 41');
    // A hidden count stays hidden in words too.
    expect(figures.map((f) => f.alt).join(' ')).toContain('Camerun < 5');
  });

  it('writes lists as L, LI, Lbl and LBody, and the contents as links to the sections', () => {
    const items = nodesOf(structure.tree, 'LI');
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
    expect(items.map(textOf)).toContain('• dal 5 al 23 agosto;');
    const entries = nodesOf(structure.tree, 'TOCI');
    expect(entries).toHaveLength(data.sections.length);
    expect(textOf(entries[1]!)).toMatch(/^2\. Accessi 2024 \d+$/);
  });

  it('fails a document without tags (the check reads what is there)', async () => {
    const doc = createPdf({ title: 'Prova', header: { centreName: 'Centro' } });
    pdfTitle(doc, 'Un titolo');
    const problems = accessibilityProblems(await readPdfStructure(await pdfBytes(doc)));
    expect(problems).toContain('page 1 has no tagged content');
    expect(problems).toContain('no bookmarks (outline)');
    expect(problems).toContain('not marked as tagged (MarkInfo Marked)');
    expect(problems.some((problem) => /page 1 paints \d+ times outside tags and artifacts/.test(problem))).toBe(true);
  });
});
