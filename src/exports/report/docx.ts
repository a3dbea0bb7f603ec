/**
 * The report as an editable Word document: Heading 1 sections and Heading 2 blocks (Word builds
 * its own contents from them: a table of contents field is at the start), real Word tables with
 * a repeated header row, the charts as PNG images with their title, the coordinator's Markdown
 * as paragraphs with bold and italic, the version at the top of every page and
 * "Pagina N di M" at the bottom.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartAltText } from '../../contracts/report-charts.js';
import { type MdRun, parseMarkdown } from '../../contracts/report-markdown.js';
import type { ReportData, ReportFigures, ReportTable, ReportText } from '../../contracts/reports.js';
import {
  type CoverImage,
  cellText,
  chartPng,
  chartSize,
  chartSvg,
  contactLines,
  coverImageSize,
  generatedLine,
  type RenderOptions,
  versionLine,
} from './common.js';

type Child = Paragraph | Table | TableOfContents;

/** Width of a chart on the page, in pixels at 96 dpi (16 cm of A4 between the margins). */
const CHART_WIDTH = 600;
const ACCENT = '0066CC';
const MUTED = '5C6F82';

export async function renderDocx(data: ReportData, { coverImage }: RenderOptions = {}): Promise<Buffer> {
  let lists = 0;
  const children: Child[] = [
    ...(coverImage ? [coverParagraph(coverImage)] : []),
    new Paragraph({ children: [new TextRun({ text: data.heading.organisation, color: MUTED, size: 28 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(data.heading.name)] }),
    new Paragraph({ children: [new TextRun({ text: data.title, bold: true, color: ACCENT, size: 32 })] }),
    new Paragraph({ children: [new TextRun({ text: `Anno ${data.year}`, size: 28 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: versionLine(data), bold: data.versionNumber === null })] }),
    ...contactLines(data).map((line) => new Paragraph({ children: [new TextRun({ text: line, color: MUTED, size: 20 })] })),
    new TableOfContents('Indice', { hyperlink: true, headingStyleRange: '1-2' }),
  ];

  for (const section of data.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(`${section.number}. ${section.title}`)],
      }),
    );
    for (const block of section.blocks) {
      if (block.kind === 'table') children.push(...table(block));
      else if (block.kind === 'figures') children.push(...figures(block));
      else children.push(...text(block, () => ++lists));
    }
  }
  children.push(
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: generatedLine(data), color: MUTED, size: 16 })] }),
    new Paragraph({ children: [new TextRun({ text: versionLine(data), color: MUTED, size: 16 })] }),
  );

  const document = new Document({
    title: data.title,
    creator: 'Approdo',
    description: `${data.title} - ${data.heading.name}`,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 540, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: data.heading.name, bold: true, size: 18 }),
                  new TextRun({
                    text: `\t${versionLine(data)}`,
                    bold: data.versionNumber === null,
                    color: data.versionNumber === null ? 'CC334D' : MUTED,
                    size: 18,
                  }),
                ],
                tabStops: [{ type: 'right', position: 9000 }],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' di ', PageNumber.TOTAL_PAGES], size: 18, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The cover image's box, in pixels at 96 dpi: at most 4 cm high and 8 cm wide. */
const COVER_IMAGE_BOX = { width: Math.round((8 / 2.54) * 96), height: Math.round((4 / 2.54) * 96) };

/** The logo or stemma above the cover's text, with its alternative text (descr). */
function coverParagraph(image: CoverImage): Paragraph {
  const size = coverImageSize(image, COVER_IMAGE_BOX.width, COVER_IMAGE_BOX.height);
  return new Paragraph({
    spacing: { after: 240 },
    children: [
      new ImageRun({
        type: image.mediaType === 'image/jpeg' ? 'jpg' : 'png',
        data: image.bytes,
        transformation: { width: Math.round(size.width), height: Math.round(size.height) },
        altText: { name: 'logo', title: image.alt, description: image.alt },
      }),
    ],
  });
}

function figures(block: ReportFigures): Paragraph[] {
  const out: Paragraph[] = [];
  if (block.title) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.title)] }));
  for (const item of block.items) {
    out.push(
      new Paragraph({
        spacing: { after: 80 },
        children: [
          new TextRun({ text: `${item.label}: `, size: 28 }),
          new TextRun({ text: cellText(item.value), bold: true, color: ACCENT, size: 28 }),
        ],
      }),
    );
  }
  return out;
}

const runs = (list: MdRun[], bold = false): TextRun[] =>
  list.flatMap((run) =>
    run.text
      .split('\n')
      .map(
        (part, index) => new TextRun({ text: part, bold: bold || !!run.bold, italics: !!run.italic, ...(index > 0 ? { break: 1 } : {}) }),
      ),
  );

function text(block: ReportText, nextList: () => number): Paragraph[] {
  const out: Paragraph[] = [];
  if (block.title) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.title)] }));
  for (const md of parseMarkdown(block.markdown)) {
    if (md.kind === 'heading') {
      out.push(new Paragraph({ heading: md.level <= 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children: runs(md.runs) }));
    } else if (md.kind === 'paragraph') {
      out.push(new Paragraph({ spacing: { after: 120 }, children: runs(md.runs) }));
    } else {
      const instance = nextList();
      for (const item of md.items) {
        out.push(
          new Paragraph({
            ...(md.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
            children: runs(item),
          }),
        );
      }
    }
  }
  return out;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'A9B5C1' };

function table(block: ReportTable): Child[] {
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map(
      (column) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E6F0FA' },
          children: [
            new Paragraph({
              alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text: column.label, bold: true })],
            }),
          ],
        }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map(
          (column) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: [new TextRun({ text: cellText(row.cells[column.key]), bold: !!row.total })],
                }),
              ],
            }),
        ),
      }),
  );
  const out: Child[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(block.title)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [header, ...rows],
    }),
  ];
  for (const note of block.notes ?? []) {
    out.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: note, size: 17, color: MUTED })] }));
  }
  const size = chartSize(block);
  const svg = chartSvg(block, size);
  if (svg) {
    const height = Math.round((CHART_WIDTH * size.height) / size.width);
    out.push(
      new Paragraph({
        spacing: { before: 240 },
        keepNext: true,
        children: [new TextRun({ text: `Grafico: ${block.title}`, bold: true, size: 19 })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: chartPng(svg, size.width),
            transformation: { width: CHART_WIDTH, height },
            altText: { name: block.id, title: block.title, description: chartAltText(block) ?? `Grafico: ${block.title}` },
          }),
        ],
      }),
    );
    if (block.chart?.caption) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: block.chart.caption, italics: true, size: 17, color: MUTED })],
        }),
      );
    }
  }
  out.push(new Paragraph({ children: [] }));
  return out;
}
