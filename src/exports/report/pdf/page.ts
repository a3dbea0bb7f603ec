/** The page's room: where the text may go on an A4 page of the report. */
import type { Doc } from './structure.js';

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
export const spaceLeft = (doc: Doc) => bottom(doc) - doc.y;
/** The height a page has for content, from the top margin to the bottom one. */
export const pageHeight = (doc: Doc) => doc.page.height - doc.page.margins.top - doc.page.margins.bottom;

/** A new page unless this much room is left (outside any structure element: see structure.ts). */
export function ensureSpace(doc: Doc, height: number) {
  if (spaceLeft(doc) < height) doc.addPage();
}
