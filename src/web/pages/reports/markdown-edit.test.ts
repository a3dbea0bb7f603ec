import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../contracts/report-markdown.js';
import { markLines, wrapSelection } from './markdown-edit.js';

describe('the narrative toolbar', () => {
  it('puts bold and italic around the selection, spaces outside, and the renderer reads them', () => {
    const text = 'Lo sportello ha accolto molte persone.';
    const bold = wrapSelection(text, 24, 29, '**', 'testo');
    expect(bold.text).toBe('Lo sportello ha accolto **molte** persone.');
    expect(bold.text.slice(bold.start, bold.end)).toBe('molte');
    expect(parseMarkdown(bold.text)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Lo sportello ha accolto ' }, { text: 'molte', bold: true }, { text: ' persone.' }] },
    ]);
    // A word selected with the space after it (a double click).
    expect(wrapSelection(text, 24, 30, '*', 'testo').text).toBe('Lo sportello ha accolto *molte* persone.');
  });

  it('with nothing selected, inserts a placeholder left selected to type over', () => {
    const edit = wrapSelection('Ciao ', 5, 5, '**', 'testo in grassetto');
    expect(edit.text).toBe('Ciao **testo in grassetto**');
    expect(edit.text.slice(edit.start, edit.end)).toBe('testo in grassetto');
  });

  it('makes the lines touched a heading or a list, and takes the marks off when they all have them', () => {
    const text = 'Titolo\nprimo\nsecondo\nfine';
    const heading = markLines(text, 2, 2, 'heading');
    expect(heading.text).toBe('## Titolo\nprimo\nsecondo\nfine');
    const list = markLines(text, 8, 15, 'bullet');
    expect(list.text).toBe('Titolo\n- primo\n- secondo\nfine');
    expect(markLines(list.text, 8, 20, 'bullet').text).toBe(text);
    const numbered = markLines(list.text, 8, 20, 'numbered');
    expect(numbered.text).toBe('Titolo\n1. primo\n2. secondo\nfine');
    expect(parseMarkdown(markLines('primo\nsecondo', 0, 7, 'numbered').text)).toEqual([
      { kind: 'list', ordered: true, items: [[{ text: 'primo' }], [{ text: 'secondo' }]] },
    ]);
    expect(markLines('', 0, 0, 'bullet').text).toBe('- ');
  });
});
