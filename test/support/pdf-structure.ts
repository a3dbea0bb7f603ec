/**
 * A PDF's accessibility read back with pdfjs-dist (as a screen reader's PDF library would):
 * its language, title, mark info, XMP metadata, bookmarks, the structure tree of every page
 * with the text of each element, and what each page paints outside any marked content (neither
 * tagged nor an artifact). accessibilityProblems() lists what PDF/UA-1 forbids of all that.
 *
 * pdfjs gives each page's part of the structure tree; an element that runs over pages (a
 * section, a long table) comes once per page. The document's tree joins them: the last element
 * of a page and the first of the next are one when their path from the root has the same roles
 * (a table also the same summary).
 */

/**
 * pdfjs-dist 6 asks for Node 22.13 and calls two of its built-ins, Promise.withResolvers and
 * ArrayBuffer's transferToFixedLength; the project runs on Node 20.19 too. Their standard
 * behaviour is given here, before pdfjs is loaded (a copy stands for the transfer: nothing
 * reads the buffer after it).
 */
function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const promises = Promise as unknown as { withResolvers?: unknown };
promises.withResolvers ??= withResolvers;
const buffers = ArrayBuffer.prototype as unknown as { transferToFixedLength?: (this: ArrayBuffer, length?: number) => ArrayBuffer };
buffers.transferToFixedLength ??= function (this: ArrayBuffer, length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};
const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  /** A table's Summary; a header cell's Scope. */
  summary?: string;
  scope?: string;
  children: StructNode[];
  /** The text of its own marked content (not its children's). */
  ownText: string;
  /** Pages (from 1) it has content on. */
  pages: number[];
}

export interface PdfPageStructure {
  number: number;
  /** The page's part of the structure tree (null: the page has none). */
  tree: StructNode | null;
  /** Marked-content sequences on the page that belong to the tree (MCIDs). */
  taggedContent: number;
  /** Painting operators (text, paths, images) outside any marked content: untagged content. */
  untaggedPaint: number;
}

export interface PdfStructure {
  /** The catalog's /Lang. */
  lang: string | null;
  /** The document information's title, and XMP dc:title. */
  title: string | null;
  xmpTitle: string | null;
  /** pdfuaid:part of the XMP metadata ("1" for PDF/UA-1). */
  pdfuaPart: string | null;
  displayDocTitle: boolean;
  marked: boolean;
  outline: { title: string; children: { title: string }[] }[];
  pages: PdfPageStructure[];
  /** The document's structure tree, pages joined. */
  tree: StructNode;
}

interface PdfjsNode {
  role?: string;
  alt?: string;
  lang?: string;
  summary?: string;
  scope?: string;
  type?: string;
  id?: string;
  children?: PdfjsNode[];
}

const PAINT = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.shadingFill,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.rawFillPath,
]);

/** Painting operators outside marked content, from a page's operator list. */
function untaggedPaint(fnArray: number[], argsArray: unknown[]): number {
  let depth = 0;
  let count = 0;
  fnArray.forEach((fn, i) => {
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
    else if (fn === OPS.endMarkedContent) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      // A path is painted by the operator constructPath carries (endPath: a clip, no paint).
      const painted = fn === OPS.constructPath ? (argsArray[i] as unknown[])[0] : fn;
      if (PAINT.has(painted as number)) count++;
    }
  });
  return count;
}

/** The text of each marked-content sequence of a page, by its id ("p12R_mc3"). */
async function markedText(page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>) {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const texts = new Map<string, string>();
  const open: (string | null)[] = [];
  for (const item of content.items as { type?: string; id?: string | null; str?: string; hasEOL?: boolean }[]) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (typeof item.str === 'string') {
      const id = [...open].reverse().find((candidate) => candidate !== null);
      if (id) texts.set(id, `${texts.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
    }
  }
  return texts;
}

/** A node of pdfjs' tree of a page; counter.tagged counts the page's own marked content (prefix: "p12R_"). */
function toNode(raw: PdfjsNode, page: number, texts: Map<string, string>, counter: { tagged: number; prefix: string }): StructNode {
  const node: StructNode = { role: raw.role ?? '', children: [], ownText: '', pages: [page] };
  if (raw.alt !== undefined) node.alt = raw.alt;
  if (raw.lang !== undefined) node.lang = raw.lang;
  if (raw.summary !== undefined) node.summary = raw.summary;
  if (raw.scope !== undefined) node.scope = raw.scope;
  for (const child of raw.children ?? []) {
    if (child.type === 'content' && child.id) {
      if (child.id.startsWith(counter.prefix)) counter.tagged++;
      node.ownText += texts.get(child.id) ?? '';
    } else if (child.role) node.children.push(toNode(child, page, texts, counter));
  }
  return node;
}

/** The elements pdfjs gives whole on every page they are on (the text only of that page's part). */
const WHOLE = new Set(['L', 'LI', 'LBody', 'Table', 'THead', 'TBody', 'TFoot', 'TR']);

const sameShape = (a: StructNode, b: StructNode): boolean =>
  a.role === b.role &&
  a.summary === b.summary &&
  a.children.length === b.children.length &&
  a.children.every((child, i) => sameShape(child, b.children[i]!));

/** One element given on two pages: the text of each page's part, the pages of both. */
function overlay(into: StructNode, next: StructNode) {
  into.ownText += next.ownText;
  for (const page of next.pages) if (!into.pages.includes(page)) into.pages.push(page);
  into.children.forEach((child, i) => {
    overlay(child, next.children[i]!);
  });
}

/**
 * Whether the last element of a page and the first of the next are one continued: a table or
 * a list of the same shape (and summary), the document, or a container (a section) whose last
 * and first children are one continued. Anything else starts anew on its page.
 */
function continues(a: StructNode, b: StructNode): boolean {
  if (a.role !== b.role) return false;
  if (WHOLE.has(a.role)) return sameShape(a, b);
  if (a.role === 'Document') return true;
  const last = a.children.at(-1);
  const first = b.children[0];
  return !!last && !!first && continues(last, first);
}

/** Adds a page's part of the tree (next) to the document's (into). */
function join(into: StructNode, next: StructNode) {
  const last = into.children.at(-1);
  const [first, ...rest] = next.children;
  if (last && first && continues(last, first)) {
    if (WHOLE.has(last.role)) overlay(last, first);
    else {
      last.ownText += first.ownText;
      last.pages.push(...first.pages);
      join(last, first);
    }
    into.children.push(...rest);
  } else into.children.push(...next.children);
}

export async function readPdfStructure(pdf: Buffer): Promise<PdfStructure> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await task.promise;
  try {
    const { info, metadata } = (await document.getMetadata()) as {
      info: { Title?: string; Language?: string };
      metadata: { get(name: string): string | null; getRaw?: () => string } | null;
    };
    const preferences = await document.getViewerPreferences();
    // Typed as an object, given as a Map by pdfjs 6.
    const markInfo = (await document.getMarkInfo()) as unknown as Map<string, boolean> | { Marked?: boolean } | null;
    const marked = markInfo instanceof Map ? markInfo.get('Marked') === true : markInfo?.Marked === true;
    const outline = ((await document.getOutline()) ?? []).map((item) => ({
      title: item.title,
      children: (item.items ?? []).map((child) => ({ title: child.title })),
    }));
    const raw = metadata?.getRaw?.() ?? '';
    const pages: PdfPageStructure[] = [];
    const tree: StructNode = { role: 'Root', children: [], ownText: '', pages: [] };
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const texts = await markedText(page);
      const rawTree = (await page.getStructTree()) as PdfjsNode | null;
      const { num, gen } = page.ref as { num: number; gen: number };
      const counter = { tagged: 0, prefix: `p${num}R${gen === 0 ? '' : gen}_` };
      const pageTree = rawTree ? toNode(rawTree, number, texts, counter) : null;
      const operators = await page.getOperatorList();
      pages.push({
        number,
        tree: pageTree,
        taggedContent: counter.tagged,
        untaggedPaint: untaggedPaint(operators.fnArray, operators.argsArray),
      });
      if (pageTree) join(tree, pageTree);
    }
    return {
      lang: info.Language ?? null,
      title: info.Title ?? null,
      xmpTitle: metadata?.get('dc:title') ?? null,
      pdfuaPart: raw.match(/<pdfuaid:part>\s*(\d+)\s*</)?.[1] ?? null,
      displayDocTitle: preferences?.get('DisplayDocTitle') === true,
      marked,
      outline,
      pages,
      tree,
    };
  } finally {
    await task.destroy();
  }
}

/** Every element of the tree, depth first (reading order). */
export function allNodes(tree: StructNode): StructNode[] {
  return [tree, ...tree.children.flatMap(allNodes)];
}

export const nodesOf = (tree: StructNode, role: string) => allNodes(tree).filter((node) => node.role === role);

/** The text of an element and its descendants. */
export const textOf = (node: StructNode): string => [node.ownText, ...node.children.map(textOf)].join(' ').replace(/\s+/g, ' ').trim();

const HEADING = /^H([1-6])$/;

/** What makes the document fall short of PDF/UA-1, in words (empty: nothing found). */
export function accessibilityProblems(structure: PdfStructure): string[] {
  const problems: string[] = [];
  if (!structure.lang) problems.push('no document language (Lang)');
  if (!structure.title || !structure.xmpTitle) problems.push('no title (document information and XMP dc:title)');
  if (!structure.displayDocTitle) problems.push('the title is not shown (ViewerPreferences DisplayDocTitle)');
  if (!structure.marked) problems.push('not marked as tagged (MarkInfo Marked)');
  if (structure.pdfuaPart !== '1') problems.push('no PDF/UA-1 identification in the XMP metadata');
  if (structure.outline.length === 0) problems.push('no bookmarks (outline)');
  for (const page of structure.pages) {
    if (!page.tree || page.taggedContent === 0) problems.push(`page ${page.number} has no tagged content`);
    if (page.untaggedPaint > 0) problems.push(`page ${page.number} paints ${page.untaggedPaint} times outside tags and artifacts`);
  }
  const nodes = allNodes(structure.tree);
  for (const figure of nodes.filter((node) => node.role === 'Figure')) {
    if (!figure.alt?.trim()) problems.push(`a Figure without alternative text on page ${figure.pages.join(', ')}`);
  }
  for (const table of nodes.filter((node) => node.role === 'Table')) {
    if (nodesOf(table, 'TH').length === 0) problems.push(`a Table without header cells (TH) on page ${table.pages.join(', ')}`);
    if (nodesOf(table, 'TR').length === 0) problems.push(`a Table without rows (TR) on page ${table.pages.join(', ')}`);
  }
  for (const list of nodes.filter((node) => node.role === 'L')) {
    if (list.children.some((child) => child.role !== 'LI'))
      problems.push(`a list (L) with children other than LI on page ${list.pages.join(', ')}`);
  }
  let level = 0;
  for (const heading of nodes.filter((node) => HEADING.test(node.role))) {
    const next = Number(heading.role.slice(1));
    if (next > level + 1) problems.push(`heading ${heading.role} «${textOf(heading)}» after H${level} (a level skipped)`);
    if (!textOf(heading)) problems.push(`an empty heading ${heading.role}`);
    level = next;
  }
  if (!nodes.some((node) => node.role === 'H1')) problems.push('no H1');
  return problems;
}
