/**
 * publiccode.yml (the standard for public software, required of software a Public Administration
 * publishes in Italy) is valid against the standard's schema (test/support/publiccode.schema.json,
 * the core keys, enumerations and lengths with the Italian extension) and says what is true of
 * the project: its version, licence, languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function validatorOf() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(read('test/support/publiccode.schema.json')) as object);
}

describe('publiccode.yml', () => {
  const publiccode = parse(read('publiccode.yml')) as Record<string, unknown>;
  const validate = validatorOf();

  it('is valid against the publiccode.yml schema', () => {
    const valid = validate(publiccode);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('says what is true of the project: its version, licence and languages', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string; license: string };
    expect(publiccode.softwareVersion).toBe(pkg.version);
    expect((publiccode.legal as { license: string }).license).toBe(pkg.license);
    expect((publiccode.localisation as { availableLanguages: string[] }).availableLanguages).toEqual(['it', 'en']);
    const description = publiccode.description as Record<string, { longDescription: string; features: string[] }>;
    for (const lang of ['it', 'en']) {
      expect(description[lang]?.longDescription.length).toBeGreaterThanOrEqual(150);
      expect(description[lang]?.features.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('the schema refuses what the standard refuses (it would catch a broken file)', () => {
    const broken = (change: (copy: Record<string, unknown>) => void) => {
      const copy = structuredClone(publiccode);
      change(copy);
      return validate(copy);
    };
    expect(broken((c) => delete c.name)).toBe(false);
    expect(broken((c) => (c.developmentStatus = 'finished'))).toBe(false);
    expect(broken((c) => (c.categories = ['case-management']))).toBe(false);
    expect(broken((c) => (c.softwareType = 'web'))).toBe(false);
    const italian = (c: Record<string, unknown>) => (c.description as { it: { shortDescription: string } }).it;
    expect(broken((c) => (italian(c).shortDescription = 'x'.repeat(151)))).toBe(false);
    expect(broken((c) => ((c.maintenance as { contacts?: unknown }).contacts = undefined))).toBe(false);
    expect(broken((c) => (c.releaseDate = '07/12/2026'))).toBe(false);
  });
});
