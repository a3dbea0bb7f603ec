/**
 * Name normalisation for search and duplicate detection. Forgives case, accents, the order
 * of names and common transliteration variants (Mohamed / Mohammed / Muhammad, Fatima / Fatma)
 * through a consonant "skeleton" of each name token.
 */

/** Lower case, accents removed, letters and digits only, split into tokens of 2+ characters. */
export function nameTokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i') // Turkish dotless i has no decomposition
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[đ]/g, 'd')
    .replace(/[ł]/g, 'l');
  const tokens = folded.split(/[^a-z0-9]+/).filter((t) => t.length >= 2);
  return [...new Set(tokens)];
}

/**
 * The consonant skeleton of a token: its first letter, then its consonants with h, w and
 * vowels dropped, c/k/q merged and doubled letters collapsed.
 * mohamed, mohammed, muhammad → "md"; fatima, fatma → "ftm"; youssef, yusuf → "ysf".
 */
export function nameSkeleton(token: string): string {
  if (token.length === 0) return '';
  const simplified = token
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/[yj](?=[aeiou])/g, 'y');
  const first = simplified[0] as string;
  const rest = simplified.slice(1).replace(/[aeiouyhw]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** A skeleton is used for matching only when it is long enough to mean something. */
export function isUsefulSkeleton(token: string, skeleton: string): boolean {
  return token.length >= 4 && skeleton.length >= 2;
}

export interface NameIndexEntry {
  token: string;
  skeleton: string;
}

/** The rows stored in the search index for a person's names. */
export function nameIndexEntries(...names: Array<string | null | undefined>): NameIndexEntry[] {
  const tokens = nameTokens(names.filter(Boolean).join(' '));
  return tokens.map((token) => ({ token, skeleton: nameSkeleton(token) }));
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = nameSkeleton(a);
  return isUsefulSkeleton(a, sa) && isUsefulSkeleton(b, nameSkeleton(b)) && sa === nameSkeleton(b);
}

/**
 * True when two full names probably denote the same person: every token of the shorter
 * name matches a token of the other one (exactly or by skeleton), whatever their order.
 */
export function namesProbablyMatch(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return shorter.every((token) => longer.some((other) => tokensMatch(token, other)));
}
