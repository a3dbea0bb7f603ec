/**
 * The languages a person speaks are stored as ISO 639 codes ("ar", "fr") and read as words
 * ("arabo", "francese"): names from Intl.DisplayNames in the UI's language, and back.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Folds a name for matching: lower case, without accents, single spaces. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const byLocale = new Map<string, Map<string, string>>();

/** Every two-letter language code this runtime names, by its folded name in `locale` (and in English). */
function codesByName(locale: string): Map<string, string> {
  let codes = byLocale.get(locale);
  if (!codes) {
    codes = new Map();
    const names = [new Intl.DisplayNames([locale], { type: 'language' }), new Intl.DisplayNames(['en'], { type: 'language' })];
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        const code = first + second;
        for (const display of names) {
          const name = display.of(code);
          if (name && name !== code && !codes.has(fold(name))) codes.set(fold(name), code);
        }
      }
    }
    byLocale.set(locale, codes);
  }
  return codes;
}

/** A language's name in `locale` ("ar" → "arabo"); the code itself when the runtime has no name for it. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/**
 * The languages written as words, separated by commas ("arabo, Francese, en"): the codes of those
 * named (by name in `locale` or in English, or by their code), and the words not recognised.
 */
export function languagesFromText(text: string, locale: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const word of text
    .split(/[,;\n]+/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const folded = fold(word);
    const code = /^[a-z]{2,3}$/.test(folded) && languageName(folded, locale) !== folded ? folded : codesByName(locale).get(folded);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(word);
  }
  return { codes, unknown };
}

/** The codes as words for a form's field ("arabo, francese"). */
export function languagesAsText(codes: readonly string[], locale: string): string {
  return codes.map((code) => languageName(code, locale)).join(', ');
}
