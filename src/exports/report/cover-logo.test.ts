/**
 * The centre's logo (or the Comune's stemma) on the report's cover: in the tagged PDF a Figure
 * on page 1 with its alternative text, above the title, the document still PDF/UA (read back
 * with pdfjs); in the DOCX an image at the start with its description. And the DOCX's charts
 * carry the same alternative text as the PDF's (chartAltText: every figure in words).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { jpegImage, pngImage } from '../../../test/support/images.js';
import { accessibilityProblems, allNodes, nodesOf, readPdfStructure, textOf } from '../../../test/support/pdf-structure.js';
import { reportFixture } from '../../../test/support/report-fixture.js';
import { chartAltText } from '../../contracts/report-charts.js';
import type { ReportTable } from '../../contracts/reports.js';
import { type CoverImage, renderReport } from './index.js';

const logo = (mediaType: CoverImage['mediaType'], width: number, height: number): CoverImage => ({
  mediaType,
  bytes: mediaType === 'image/png' ? pngImage(width, height) : jpegImage(width, height),
  width,
  height,
  alt: 'Logo di Sportello Immigrati Jesi',
});

const xmlText = (text: string) =>
  text.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

describe('the logo on the report’s cover', () => {
  const data = reportFixture();
  const charted = data.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === 'table' && !!b.chart);

  it('PDF: a Figure on page 1 with its alternative text, before the title; still a tagged PDF/UA document', async () => {
    for (const image of [logo('image/png', 600, 200), logo('image/jpeg', 64, 64)]) {
      const structure = await readPdfStructure(await renderReport(data, 'pdf', { coverImage: image }));
      expect(accessibilityProblems(structure)).toEqual([]);
      const figures = nodesOf(structure.tree, 'Figure');
      expect(figures[0]).toMatchObject({ alt: 'Logo di Sportello Immigrati Jesi', pages: [1] });
      // The charts are the other figures, as without a logo.
      expect(figures.slice(1).map((figure) => figure.alt)).toEqual(charted.map(chartAltText));
      const order = allNodes(structure.tree).filter((node) => node.role === 'Figure' || node.role === 'H1');
      expect(order[0]?.role).toBe('Figure');
      expect(textOf(order[1]!)).toBe(data.title);
    }
  });

  it('PDF without a logo: no figure on the cover', async () => {
    const structure = await readPdfStructure(await renderReport(data, 'pdf'));
    expect(nodesOf(structure.tree, 'Figure').filter((figure) => figure.pages.includes(1))).toEqual([]);
  });

  it('DOCX: the image first, with its description; each chart described by its figures', async () => {
    const zip = await JSZip.loadAsync(await renderReport(data, 'docx', { coverImage: logo('image/jpeg', 400, 400) }));
    const document = await zip.file('word/document.xml')!.async('string');
    const descriptions = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => xmlText(match[1]!));
    expect(descriptions).toEqual(['Logo di Sportello Immigrati Jesi', ...charted.map(chartAltText)]);
    // Before the title, at the size of its box (4 cm high at most: 4 cm = 1,440,000 EMU).
    expect(document.indexOf('descr="Logo di')).toBeLessThan(document.indexOf(data.title));
    const extent = document.match(/<wp:extent cx="(\d+)" cy="(\d+)"/)!;
    expect(Number(extent[2])).toBeLessThanOrEqual(1_440_000);
    expect(Number(extent[1])).toBe(Number(extent[2]));
    expect(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('word/media/'))
        .some((name) => name.endsWith('.jpg')),
    ).toBe(true);
  });

  it('DOCX without a logo: only the charts’ images', async () => {
    const zip = await JSZip.loadAsync(await renderReport(data, 'docx'));
    const document = await zip.file('word/document.xml')!.async('string');
    expect([...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => xmlText(match[1]!))).toEqual(charted.map(chartAltText));
  });
});
