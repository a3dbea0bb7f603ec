/**
 * Who signs in through the Comune's identity provider (issue 14), as pure rules: the codice
 * fiscale read from a claim, and which Approdo account an identity is, or why none.
 * The repository finds the candidates; the use case acts on the answer.
 */
import { isValidFiscalCode, normaliseFiscalCode } from './codice-fiscale.js';

/**
 * The codice fiscale a claim carries, or null. SPID and CIE gateways send it as
 * `TINIT-RSSMRA80A01H501U` (ETSI's "tax identification, Italy" prefix); others send it bare.
 */
export function fiscalCodeFromClaim(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const bare = normaliseFiscalCode(value.replace(/^\s*TINIT-/i, ''));
  return isValidFiscalCode(bare) ? bare : null;
}

/** The e-mail address a claim carries (lower case), unless the provider says it is not verified. */
export function emailFromClaims(value: unknown, verified: unknown): string | null {
  if (typeof value !== 'string' || verified === false || verified === 'false') return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** An account as the matching sees it: which identity it is bound to, if any. */
export interface AccountCandidate {
  id: number;
  ssoIssuer: string | null;
  ssoSubject: string | null;
}

export type AccountMatch =
  /** The account; `bind`: its first sign-in through the provider, to be bound to the identity. */
  | { outcome: 'account'; userId: number; bind: boolean }
  /** Nobody known, and the organisation lets the sign-in create a viewer of no centre. */
  | { outcome: 'create' }
  | { outcome: 'refused'; reason: 'no_account' | 'ambiguous' | 'bound_elsewhere' };

/**
 * Which account an identity is. An account already bound to it is that account, whatever the
 * claims say today. Otherwise the e-mail and the codice fiscale find at most one account, and
 * only one not bound to another identity of the same provider: an account is never taken over
 * by a second identity that happens to carry its address. Nobody found: a new account if the
 * organisation allows it, else refused.
 */
export function matchAccount(
  identity: { issuer: string; subject: string },
  found: { bySubject: AccountCandidate | undefined; byEmail: AccountCandidate | undefined; byFiscalCode: AccountCandidate | undefined },
  createsAccounts: boolean,
): AccountMatch {
  if (found.bySubject) return { outcome: 'account', userId: found.bySubject.id, bind: false };
  const { byEmail, byFiscalCode } = found;
  if (byEmail && byFiscalCode && byEmail.id !== byFiscalCode.id) return { outcome: 'refused', reason: 'ambiguous' };
  const candidate = byEmail ?? byFiscalCode;
  if (!candidate) return createsAccounts ? { outcome: 'create' } : { outcome: 'refused', reason: 'no_account' };
  if (candidate.ssoSubject !== null && (candidate.ssoIssuer !== identity.issuer || candidate.ssoSubject !== identity.subject)) {
    return { outcome: 'refused', reason: 'bound_elsewhere' };
  }
  return { outcome: 'account', userId: candidate.id, bind: true };
}

/** How the organisation lets people sign in with a password. */
export type PasswordSignIn = 'everyone' | 'break_glass';

/** Whether a user may sign in with their password: everyone, or only the break-glass administrator. */
export function passwordSignInAllowed(
  policy: { passwordSignIn: PasswordSignIn; breakGlassUserId: number | null },
  userId: number,
): boolean {
  return policy.passwordSignIn === 'everyone' || policy.breakGlassUserId === userId;
}

/** The page to go back to after signing in: a path of the app only, never another site. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (a header split, a newline in a log) make it no path of the app either.
  const hasControl = [...value].some((char) => char.charCodeAt(0) < 0x20);
  return value.length > 500 || hasControl ? '/' : value;
}
