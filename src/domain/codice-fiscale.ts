/**
 * Codice fiscale: the 16-character personal code (with its check character, omocodia
 * substitutions allowed) or the 11-digit provisional number issued to asylum seekers.
 */
export type FiscalCodeKind = 'personal' | 'provisional';

const ODD_VALUES: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};

function evenValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65; // '0'-'9' → 0-9, 'A'-'Z' → 0-25
}

// Letters, then digits (or omocodia letters L-V), in the layout of the personal code.
const PERSONAL_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export function normaliseFiscalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function personalCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = first15[i] as string;
    // Positions are counted from 1: odd positions are even indexes.
    sum += i % 2 === 0 ? (ODD_VALUES[char] ?? 0) : evenValue(char);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function provisionalCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(first10[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** The kind of a valid code, or null if the code is not valid. */
export function fiscalCodeKind(input: string): FiscalCodeKind | null {
  const code = normaliseFiscalCode(input);
  if (code.length === 16) {
    if (!PERSONAL_PATTERN.test(code)) return null;
    return personalCheckCharacter(code.slice(0, 15)) === code[15] ? 'personal' : null;
  }
  if (/^[0-9]{11}$/.test(code)) {
    return provisionalCheckDigit(code.slice(0, 10)) === Number(code[10]) ? 'provisional' : null;
  }
  return null;
}

export function isValidFiscalCode(input: string): boolean {
  return fiscalCodeKind(input) !== null;
}
