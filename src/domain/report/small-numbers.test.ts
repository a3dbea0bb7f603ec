import { describe, expect, it } from 'vitest';
import { groupSmall, OTHER_KEY } from './small-numbers.js';

const c = (key: string, count: number) => ({ key, label: key.toUpperCase(), count });

describe('groupSmall', () => {
  it('groups the categories under the threshold as Altro, lists them by label, and keeps the total', () => {
    const { rows, other } = groupSmall([c('ma', 40), c('gh', 2), c('dz', 1), c('ng', 5), c('xu', 3)], 5, { keepLast: ['xu'] });
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['ma', 40],
      ['ng', 5],
      [OTHER_KEY, 3],
      ['xu', 3],
    ]);
    expect(other.map((r) => r.key)).toEqual(['dz', 'gh']);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(51);
  });

  it('leaves a single small category alone, drops zeros, and never groups with threshold 0', () => {
    expect(groupSmall([c('ma', 40), c('gh', 2), c('zz', 0)], 5).rows.map((r) => r.key)).toEqual(['ma', 'gh']);
    expect(groupSmall([c('a', 1), c('b', 1)], 0).other).toEqual([]);
  });

  it('groups nothing when every category is small: never an "Altro" alone (beside Non specificato)', () => {
    const all = groupSmall([c('ng', 1), c('ma', 1), c('cm', 2), c('xu', 1)], 5, { keepLast: ['xu'] });
    expect(all.rows.map((r) => [r.key, r.count])).toEqual([
      ['cm', 2],
      ['ma', 1],
      ['ng', 1],
      ['xu', 1],
    ]);
    expect(all.other).toEqual([]);
    // One category at the threshold is enough for the others to be grouped beside it.
    expect(groupSmall([c('ng', 5), c('ma', 1), c('cm', 2)], 5).rows.map((r) => r.key)).toEqual(['ng', OTHER_KEY]);
  });

  it('keeps the given order when asked', () => {
    expect(groupSmall([c('b', 1), c('a', 9)], 0, { order: 'given' }).rows.map((r) => r.key)).toEqual(['b', 'a']);
  });
});
