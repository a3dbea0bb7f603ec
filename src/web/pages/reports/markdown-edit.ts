/**
 * The toolbar of a narrative text (MarkdownEditor): each button changes the text around the
 * selection the way the report's renderer reads it (src/contracts/report-markdown.ts), so that
 * nobody has to learn the marks. Pure: a text and a selection in, a text and a selection out.
 */

export interface Edit {
  text: string;
  /** The selection after the change. */
  start: number;
  end: number;
}

/** Bold (**) or italic (*) around the selection; with nothing selected, around `placeholder`, which is left selected. */
export function wrapSelection(text: string, start: number, end: number, marker: '**' | '*', placeholder: string): Edit {
  const chosen = text.slice(start, end);
  // Spaces selected by a double click stay outside the marks, which would not close otherwise.
  const lead = chosen.length - chosen.trimStart().length;
  const trail = chosen.length - chosen.trimEnd().length;
  const inner = chosen.trim() || placeholder;
  const from = start + (chosen.trim() ? lead : 0);
  const to = end - (chosen.trim() ? trail : 0);
  const before = text.slice(0, from);
  const after = text.slice(chosen.trim() ? to : end);
  return {
    text: `${before}${marker}${inner}${marker}${after}`,
    start: from + marker.length,
    end: from + marker.length + inner.length,
  };
}

export type LineKind = 'heading' | 'bullet' | 'numbered';

const MARKS: Record<LineKind, RegExp> = { heading: /^#{1,6} /, bullet: /^[-*+] /, numbered: /^\d+[.)] / };

/**
 * Every line the selection touches as a heading, a bulleted or a numbered list; when they all
 * are already, the marks are taken off (the button toggles). Other line marks are replaced.
 */
export function markLines(text: string, start: number, end: number, kind: LineKind): Edit {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', Math.max(end - (end > start && text[end - 1] === '\n' ? 1 : 0), start));
  const to = next === -1 ? text.length : next;
  const lines = text.slice(from, to).split('\n');
  const all = lines.every((line) => MARKS[kind].test(line));
  const bare = (line: string) => line.replace(MARKS.heading, '').replace(MARKS.bullet, '').replace(MARKS.numbered, '');
  const marked = lines.map((line, i) => {
    if (all) return line.replace(MARKS[kind], '');
    const mark = kind === 'heading' ? '## ' : kind === 'bullet' ? '- ' : `${i + 1}. `;
    return `${mark}${bare(line)}`;
  });
  const block = marked.join('\n');
  return { text: text.slice(0, from) + block + text.slice(to), start: from, end: from + block.length };
}
