import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Each `<form …>` opening tag of a source text (its `{…}` attributes may hold `=>`), with its line. */
function formTags(source: string): Array<{ line: number; tag: string }> {
  const tags: Array<{ line: number; tag: string }> = [];
  for (const match of source.matchAll(/<form\b/g)) {
    let depth = 0;
    let end = match.index;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    tags.push({ line: source.slice(0, match.index).split('\n').length, tag: source.slice(match.index, end + 1) });
  }
  return tags;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('forms say their own messages', () => {
  it('every form of the web app is noValidate: the Italian message under the field, never the browser bubble', () => {
    const without = sources(join(import.meta.dirname, '..')).flatMap((file) =>
      formTags(readFileSync(file, 'utf8'))
        .filter(({ tag }) => !/\bnoValidate\b/.test(tag))
        .map(({ line }) => `${file}:${line}`),
    );
    expect(without).toEqual([]);
  });

  it('the scan finds a form without noValidate, over several lines too', () => {
    const found = formTags('<form onSubmit={a}>\n</form>\n<form\n  onSubmit={(e) => {}}\n  noValidate\n>');
    expect(found.map((f) => [f.line, /noValidate/.test(f.tag)])).toEqual([
      [1, false],
      [3, true],
    ]);
  });
});
