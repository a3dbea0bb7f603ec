/**
 * Provenienza (origin group) of a person or visit, derived from citizenship at a date.
 * Never typed by hand: the EU membership of a country changes over time.
 */
export const ORIGIN_GROUPS = ['italian', 'eu', 'non_eu', 'unspecified'] as const;
export type OriginGroup = (typeof ORIGIN_GROUPS)[number];

/** Codes outside ISO 3166-1 used for the two non-country citizenship values. */
export const STATELESS = 'XS';
export const UNKNOWN_CITIZENSHIP = 'XU';

interface Membership {
  from: string; // first day of membership (ISO date)
  until?: string; // last day of membership (ISO date)
}

const FOUNDERS = '1958-01-01';

/** EU (and EEC before it) member states with their membership period. Italy is left out: it is its own group. */
export const EU_MEMBERSHIP: Readonly<Record<string, Membership>> = {
  BE: { from: FOUNDERS },
  DE: { from: FOUNDERS },
  FR: { from: FOUNDERS },
  LU: { from: FOUNDERS },
  NL: { from: FOUNDERS },
  DK: { from: '1973-01-01' },
  IE: { from: '1973-01-01' },
  GB: { from: '1973-01-01', until: '2020-01-31' },
  GR: { from: '1981-01-01' },
  ES: { from: '1986-01-01' },
  PT: { from: '1986-01-01' },
  AT: { from: '1995-01-01' },
  FI: { from: '1995-01-01' },
  SE: { from: '1995-01-01' },
  CY: { from: '2004-05-01' },
  CZ: { from: '2004-05-01' },
  EE: { from: '2004-05-01' },
  HU: { from: '2004-05-01' },
  LV: { from: '2004-05-01' },
  LT: { from: '2004-05-01' },
  MT: { from: '2004-05-01' },
  PL: { from: '2004-05-01' },
  SK: { from: '2004-05-01' },
  SI: { from: '2004-05-01' },
  BG: { from: '2007-01-01' },
  RO: { from: '2007-01-01' },
  HR: { from: '2013-07-01' },
};

export function isEuMemberOn(countryCode: string, isoDate: string): boolean {
  const membership = EU_MEMBERSHIP[countryCode.toUpperCase()];
  if (!membership) return false;
  // ISO dates compare correctly as strings.
  return isoDate >= membership.from && (membership.until === undefined || isoDate <= membership.until);
}

/**
 * The origin group of a citizenship on a date (YYYY-MM-DD, in Europe/Rome).
 * Stateless people are non-EU; a missing or unknown citizenship is "unspecified".
 */
export function originGroupOf(citizenship: string | null | undefined, isoDate: string): OriginGroup {
  if (!citizenship) return 'unspecified';
  const code = citizenship.toUpperCase();
  if (code === UNKNOWN_CITIZENSHIP) return 'unspecified';
  if (code === 'IT') return 'italian';
  if (isEuMemberOn(code, isoDate)) return 'eu';
  return 'non_eu';
}
