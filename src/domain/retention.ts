/**
 * Retention (issue 14): whether a person's file is due for removal under the organisation's
 * settings, and why. Pure: the repository gathers a person's dates, this decides.
 *
 * The rule (decision 013):
 * - settings off: nobody is due;
 * - a person with an open case, their own or a household's they belong or belonged to, is never due;
 * - otherwise the clock runs from the last contact (the latest date the desk recorded anything
 *   with the person: see `lastContactOf`), and the file is due on the same day
 *   `yearsAfterCase` years later if the person ever had a case (own or household's, all closed
 *   now), `yearsAfterContact` years later if not.
 */

/** The bounds of the years a setting takes. */
export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 50;

export interface RetentionSettings {
  enabled: boolean;
  /** Years kept after the last contact for a person never in care. */
  yearsAfterContact: number;
  /** Years kept after the last contact (a case's closure is one) for a person whose cases are all closed. */
  yearsAfterCase: number;
}

/** What a person's file is removed for: no case ever, or cases all closed. */
export const RETENTION_REASONS = ['no_case', 'case_closed'] as const;
export type RetentionReason = (typeof RETENTION_REASONS)[number];

/** Why a file is kept. */
export type RetentionKeep = 'off' | 'open_case' | 'recent';

export interface PersonRetentionDates {
  /** Every date (YYYY-MM-DD) a contact was recorded on; null for a kind of record the person has none of. */
  contacts: ReadonlyArray<string | null>;
  /** An open case of the person or of a household they are or were in. */
  openCase: boolean;
  /** Any case, open or closed, of the person or of such a household. */
  hadCase: boolean;
}

export type RetentionVerdict =
  | { due: true; reason: RetentionReason; lastContact: string; dueOn: string }
  | { due: false; keep: RetentionKeep; lastContact: string; dueOn: string | null };

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return new Date(Date.UTC(y + years, m - 1, day)).toISOString().slice(0, 10);
}

/** The latest of the dates given (ISO dates compare as text). A person always has one: their registration. */
export function lastContactOf(contacts: ReadonlyArray<string | null>): string {
  let latest = '';
  for (const date of contacts) if (date && date > latest) latest = date;
  if (latest === '') throw new Error('A person has at least the date of their registration');
  return latest;
}

/** Whether a person's file is due for removal on `today`, and why (or why it is kept). */
export function retentionVerdict(settings: RetentionSettings, person: PersonRetentionDates, today: string): RetentionVerdict {
  const lastContact = lastContactOf(person.contacts);
  if (!settings.enabled) return { due: false, keep: 'off', lastContact, dueOn: null };
  if (person.openCase) return { due: false, keep: 'open_case', lastContact, dueOn: null };
  const reason: RetentionReason = person.hadCase ? 'case_closed' : 'no_case';
  const dueOn = addYears(lastContact, person.hadCase ? settings.yearsAfterCase : settings.yearsAfterContact);
  return dueOn <= today ? { due: true, reason, lastContact, dueOn } : { due: false, keep: 'recent', lastContact, dueOn };
}
