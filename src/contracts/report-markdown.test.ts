import { describe, expect, it } from 'vitest';
import { markdownPlainText, parseMarkdown } from './report-markdown.js';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs with bold and italic runs, and lists', () => {
    const blocks = parseMarkdown(
      '## Chiusure\n\nIl Centro svolge attività di **informazione, accompagnamento** e *sostegno*.\n\n- ▶ 1 Coordinatore;\n- ▶ 1 Operatore della Mediazione;\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Chiusure' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Il Centro svolge attività di ' },
          { text: 'informazione, accompagnamento', bold: true },
          { text: ' e ' },
          { text: 'sostegno', italic: true },
          { text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ text: '▶ 1 Coordinatore;' }], [{ text: '▶ 1 Operatore della Mediazione;' }]] },
    ]);
  });

  it('keeps raw HTML and entities as the characters typed, never as markup', () => {
    const blocks = parseMarkdown('Prova <script>alert(1)</script> & "virgolette" l\'apostrofo');
    expect(markdownPlainText('Prova <script>alert(1)</script> & "virgolette" l\'apostrofo')).toBe(
      'Prova <script>alert(1)</script> & "virgolette" l\'apostrofo',
    );
    expect(blocks).toHaveLength(1);
  });

  it('gives nothing for an empty text', () => {
    expect(parseMarkdown('')).toEqual([]);
  });
});
