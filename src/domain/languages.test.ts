import { describe, expect, it } from 'vitest';
import { languageName, languagesAsText, languagesFromText } from './languages.js';

describe('languages as words', () => {
  it('names a code in the UI language, and keeps a code it cannot name', () => {
    expect(languageName('ar', 'it')).toBe('arabo');
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('zz', 'it')).toBe('zz');
  });

  it('reads names in Italian or English, any case or accents, and codes; duplicates once; the rest unknown', () => {
    expect(languagesFromText('arabo, Francese,  inglese', 'it')).toEqual({ codes: ['ar', 'fr', 'en'], unknown: [] });
    expect(languagesFromText('English; ar\nTIGRINO, arabo', 'it')).toEqual({ codes: ['en', 'ar', 'ti'], unknown: [] });
    expect(languagesFromText('urdu, klingonese, zz', 'it')).toEqual({ codes: ['ur'], unknown: ['klingonese', 'zz'] });
    expect(languagesFromText('  ', 'it')).toEqual({ codes: [], unknown: [] });
  });

  it('writes the codes back as words, so that a form shows and reads the same text', () => {
    const text = languagesAsText(['ar', 'fr', 'wo'], 'it');
    expect(text).toBe('arabo, francese, wolof');
    expect(languagesFromText(text, 'it').codes).toEqual(['ar', 'fr', 'wo']);
  });
});
