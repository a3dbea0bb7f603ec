/**
 * The report's PDF as a tagged document (PDF/UA-1): every mark on a page belongs to a structure
 * element (a heading, a paragraph, a table cell, a figure) or is an artifact (the page's
 * furniture: src/exports/pdf.ts pdfArtifact). pdfkit's structure elements draw their content
 * when attached to the tree, so the tree is built top-down: a container is added to its parent
 * before its children, and a leaf is added with the function that draws it.
 *
 * A page break never happens inside a leaf of ours (the callers make room first), except in a
 * paragraph that runs over the page, which pdfkit continues on the next page itself.
 */
export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export interface TagOptions {
  /** A figure's alternative text. */
  alt?: string;
  /** What the element's content says, when its text alone would read wrong. */
  actual?: string;
  /** Where the element is on its page (a figure's box): [left, top, right, bottom] from the top-left corner. */
  bbox?: [number, number, number, number];
  /** A table header cell's scope. */
  scope?: 'Row' | 'Column';
}

/** A container (Sect, Table, TR, L, LI, TOC…) added to its parent; end() it when it is complete. */
export function container(doc: Doc, parent: Struct, type: string, options: TagOptions = {}): Struct {
  const element = doc.struct(type, pdfkitOptions(options));
  parent.add(element);
  return element;
}

/** A leaf (H2, P, TH, TD, Figure…) added to its parent, its content drawn by draw() now. */
export function leaf(doc: Doc, parent: Struct, type: string, draw: () => void, options: TagOptions = {}): Struct {
  const element = doc.struct(type, pdfkitOptions(options), draw);
  parent.add(element);
  return element;
}

/** pdfkit takes bbox, placement and scope too, which its types do not declare. */
function pdfkitOptions(options: TagOptions): PDFKit.Mixins.StructureElementOptions {
  return { ...options, ...(options.bbox ? { placement: 'Block' } : {}) } as PDFKit.Mixins.StructureElementOptions;
}

/** A table's summary (its Table attribute Summary): what a screen reader announces before the table. */
export function setTableSummary(table: Struct, summary: string) {
  const data = (table as unknown as { dictionary: { data: { A?: Record<string, unknown> } } }).dictionary.data;
  data.A = { ...(data.A ?? {}), O: 'Table', Summary: new String(summary) };
}
