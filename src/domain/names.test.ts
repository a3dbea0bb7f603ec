import { describe, expect, it } from 'vitest';
import { nameIndexEntries, nameSkeleton, namesProbablyMatch, nameTokens } from './names.js';

describe('nameTokens', () => {
  it('folds case and accents and drops punctuation', () => {
    expect(nameTokens("  José  D'Àngelo-Pérez ")).toEqual(['jose', 'angelo', 'perez']);
    expect(nameTokens('NGUYỄN Thị')).toEqual(['nguyen', 'thi']);
    expect(nameTokens('Yılmaz İnce Øberg')).toEqual(['yilmaz', 'ince', 'oberg']);
  });
});

describe('nameSkeleton', () => {
  it('merges common transliterations', () => {
    expect(nameSkeleton('mohamed')).toBe(nameSkeleton('mohammed'));
    expect(nameSkeleton('mohamed')).toBe(nameSkeleton('muhammad'));
    expect(nameSkeleton('fatima')).toBe(nameSkeleton('fatma'));
    expect(nameSkeleton('youssef')).toBe(nameSkeleton('yusuf'));
    expect(nameSkeleton('ahmed')).toBe(nameSkeleton('ahmad'));
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('fatima')).not.toBe(nameSkeleton('fabio'));
    expect(nameSkeleton('amina')).not.toBe(nameSkeleton('mohamed'));
  });
});

describe('namesProbablyMatch', () => {
  it('forgives order, case, accents and transliteration', () => {
    expect(namesProbablyMatch('Mohamed Ali', 'ALI Muhammad')).toBe(true);
    expect(namesProbablyMatch('Fatma Diallo', 'Diallo Fatima')).toBe(true);
    expect(namesProbablyMatch('José Perez', 'jose pérez')).toBe(true);
  });

  it('a middle name missing on one side still matches', () => {
    expect(namesProbablyMatch('Mohamed Ben Ali', 'Mohamed Ali')).toBe(true);
  });

  it('different people do not match', () => {
    expect(namesProbablyMatch('Mohamed Ali', 'Amina Ali')).toBe(false);
    expect(namesProbablyMatch('Mario Rossi', 'Maria Bianchi')).toBe(false);
    expect(namesProbablyMatch('', 'Mario Rossi')).toBe(false);
  });
});

describe('nameIndexEntries', () => {
  it('indexes each distinct token of given and family names', () => {
    expect(nameIndexEntries('Mohammed', 'Ben Ali')).toEqual([
      { token: 'mohammed', skeleton: 'md' },
      { token: 'ben', skeleton: 'bn' },
      { token: 'ali', skeleton: 'al' },
    ]);
  });
});
