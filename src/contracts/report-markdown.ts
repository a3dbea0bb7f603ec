/**
 * The coordinator's Markdown, read into a few plain blocks (headings, paragraphs, lists of
 * runs of bold or italic text) that the web preview, the PDF and the DOCX all draw the same
 * way. No HTML ever passes: raw HTML in the text is kept as the characters typed.
 */
import { lexer, type Token, type Tokens } from 'marked';

export interface MdRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type MdBlock =
  | { kind: 'heading'; level: number; runs: MdRun[] }
  | { kind: 'paragraph'; runs: MdRun[] }
  | { kind: 'list'; ordered: boolean; items: MdRun[][] };

export function parseMarkdown(source: string): MdBlock[] {
  return lexer(source).flatMap(toBlocks);
}

function toBlocks(token: Token): MdBlock[] {
  switch (token.type) {
    case 'heading':
      return [{ kind: 'heading', level: (token as Tokens.Heading).depth, runs: runsOf((token as Tokens.Heading).tokens) }];
    case 'paragraph':
      return [{ kind: 'paragraph', runs: runsOf((token as Tokens.Paragraph).tokens) }];
    case 'list': {
      const list = token as Tokens.List;
      return [{ kind: 'list', ordered: list.ordered, items: list.items.map((item) => runsOf(item.tokens)) }];
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(toBlocks);
    case 'code':
    case 'html':
      return [{ kind: 'paragraph', runs: [{ text: (token as Tokens.Code).text ?? token.raw }] }];
    default:
      return []; // space, hr, tables: nothing to draw
  }
}

/** Inline tokens to runs; nested lists and paragraphs inside a list item become its text. */
function runsOf(tokens: Token[] | undefined, style: { bold?: boolean; italic?: boolean } = {}): MdRun[] {
  const runs: MdRun[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...runsOf((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        runs.push(...runsOf((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        runs.push(...runsOf(link.tokens, style));
        if (link.href && link.href !== link.text) runs.push({ text: ` (${link.href})`, ...style });
        break;
      }
      case 'br':
        runs.push({ text: '\n', ...style });
        break;
      case 'text':
      case 'paragraph': {
        const nested = (token as Tokens.Text).tokens;
        if (nested?.length) runs.push(...runsOf(nested, style));
        else runs.push({ text: decode((token as Tokens.Text).text), ...style });
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) runs.push({ text: '\n• ', ...style }, ...runsOf(item.tokens, style));
        break;
      case 'space':
        break;
      default:
        runs.push({ text: decode('text' in token && typeof token.text === 'string' ? token.text : token.raw), ...style });
    }
  }
  return merge(runs);
}

/** marked escapes &, <, > and quotes in text tokens: the runs hold the characters typed. */
function decode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

function merge(runs: MdRun[]): MdRun[] {
  const out: MdRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** The text alone (for CSV, comparisons, search). */
export function markdownPlainText(source: string): string {
  return parseMarkdown(source)
    .map((block) =>
      block.kind === 'list'
        ? block.items.map((item) => `- ${item.map((r) => r.text).join('')}`).join('\n')
        : block.runs.map((r) => r.text).join(''),
    )
    .join('\n\n');
}
