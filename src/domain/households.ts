/**
 * The dates of household memberships. A person belongs to one household at a time, so their
 * memberships never overlap: a new one starts on or after the day the previous one ended
 * (a move ends the old membership on the day the new one starts).
 */
import { dateRuleProblem } from './care.js';
import { nameTokens } from './names.js';

export interface MembershipDates {
  joinedOn: string;
  /** null while the membership lasts. */
  leftOn: string | null;
}

/**
 * The first day a person may join a household, given their memberships so far: the end of the
 * latest one, or the start of the current one (which a move ends on the new joining day).
 */
export function earliestJoinDate(memberships: readonly MembershipDates[]): string | null {
  let earliest: string | null = null;
  for (const m of memberships) {
    const bound = m.leftOn ?? m.joinedOn;
    if (earliest === null || bound > earliest) earliest = bound;
  }
  return earliest;
}

const JOINING = { inFuture: 'household.join_in_future', tooEarly: 'household.join_overlaps', sameDay: true } as const;
const LEAVING = { inFuture: 'household.leave_in_future', tooEarly: 'household.leave_before_joining', sameDay: true } as const;

/** Why a person cannot join on this date, or null when they can. */
export function joiningProblem(joinedOn: string, today: string, earliest: string | null) {
  return dateRuleProblem(JOINING, joinedOn, earliest, today);
}

/** Why a membership cannot end on this date, or null when it can. */
export function leavingProblem(leftOn: string, joinedOn: string, today: string) {
  return dateRuleProblem(LEAVING, leftOn, joinedOn, today);
}

/**
 * A household's name folded for search and order (lower case, accents removed, its words of two
 * or more letters and digits): "Famiglia Özil" → "famiglia ozil". Folded here, not by the
 * database, so that SQLite and PostgreSQL find and order the same households. Stored with
 * every change of the name.
 */
export function householdNameKey(name: string): string {
  return nameTokens(name).join(' ');
}
