import { describe, expect, it as test } from 'vitest';
import { ERROR_CODES } from '../../contracts/errors.js';
import { en } from './en.js';
import { it } from './it.js';

describe('dictionaries', () => {
  test('English has exactly the Italian keys, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
    for (const [key, value] of Object.entries(en)) expect(value, key).not.toBe('');
  });

  test('every API error code has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(Object.keys(it)).toContain(`error.${code}`);
      expect(Object.keys(en)).toContain(`error.${code}`);
    }
  });

  test('placeholders match between languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(it) as Array<keyof typeof it>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(it[key]));
    }
  });
});
