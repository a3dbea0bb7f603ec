import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfText } from '../../test/support/pdf.js';
import { createPdf, pdfBytes, pdfLabelled, pdfTitle, safeFileName } from './pdf.js';

describe('the PDF base', () => {
  it('is A4 with DejaVu Sans embedded and the centre’s name on every page', async () => {
    const doc = createPdf({ title: 'Prova', header: { centreName: 'Centro Servizi Jesi', organisationName: 'Comune di Jesi' } });
    pdfTitle(doc, 'Perché è così: àèìòù €');
    pdfLabelled(doc, 'Luogo', 'Pinacoteca civica');
    for (let i = 0; i < 80; i++) doc.text(`Riga ${i + 1} di un testo lungo che passa alla pagina seguente.`);
    const pdf = await pdfBytes(doc);

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf);
    expect(text).toContain('Perché è così: àèìòù €');
    expect(text).toContain('Luogo: Pinacoteca civica');
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Centro Servizi Jesi');

    const fonts = pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
  });

  it('makes safe file names', () => {
    expect(safeFileName('Visita alla Pinacoteca, 20/12 — «città»', 'pdf')).toBe('visita-alla-pinacoteca-20-12-citta.pdf');
    expect(safeFileName('"; rm -rf /', 'pdf')).toBe('rm-rf.pdf');
    expect(safeFileName('日本', 'pdf')).toBe('documento.pdf');
    expect(safeFileName('a'.repeat(200), 'pdf')).toHaveLength(84);
  });
});
