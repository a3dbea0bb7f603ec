import { describe, expect, it } from 'vitest';
import { fiscalCodeKind, isValidFiscalCode, personalCheckCharacter, provisionalCheckDigit } from './codice-fiscale.js';

describe('codice fiscale', () => {
  it('accepts a well-known valid personal code, in any case and with spaces', () => {
    expect(fiscalCodeKind('RSSMRA85T10A562S')).toBe('personal');
    expect(isValidFiscalCode('rssmra85t10a562s')).toBe(true);
    expect(isValidFiscalCode(' RSS MRA 85T10 A562S ')).toBe(true);
  });

  it('refuses a wrong check character', () => {
    expect(isValidFiscalCode('RSSMRA85T10A562T')).toBe(false);
    expect(personalCheckCharacter('RSSMRA85T10A562')).toBe('S');
  });

  it('accepts omocodia substitutions with the recomputed check character', () => {
    const omocode = 'RSSMRA85T10A56N'; // last digit 2 replaced by N
    const check = personalCheckCharacter(omocode);
    expect(isValidFiscalCode(omocode + check)).toBe(true);
  });

  it('refuses malformed codes', () => {
    expect(isValidFiscalCode('RSSMRA85Z10A562S')).toBe(false); // Z is no month letter
    expect(isValidFiscalCode('RSSMRA85T10A562')).toBe(false); // 15 characters
    expect(isValidFiscalCode('')).toBe(false);
    expect(isValidFiscalCode('1234567890A')).toBe(false);
  });

  it('accepts the 11-digit provisional number with its check digit', () => {
    expect(provisionalCheckDigit('1234567890')).toBe(3);
    expect(fiscalCodeKind('12345678903')).toBe('provisional');
    expect(isValidFiscalCode('12345678904')).toBe(false);
  });
});
