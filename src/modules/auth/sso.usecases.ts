/**
 * Signing in through the Comune's identity provider (decision 013): a sign-in started here
 * waits in the database (state hashed, nonce, PKCE verifier) and is finished once, by the
 * browser that started it, within SIGN_IN_MINUTES. The identity is matched to an account by
 * sign-in.ts's rules; every refusal is logged with its reason, never with a secret.
 * The organisation's sign-in policy (accounts created by signing in; passwords for everyone or
 * only for the break-glass administrator) is set here too.
 */
import type { Kysely } from 'kysely';
import type { SignInOptions, SignInPolicy } from '../../contracts/auth.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { emailFromClaims, fiscalCodeFromClaim, matchAccount, passwordSignInAllowed, safeReturnPath } from '../../domain/sign-in.js';
import type { AppError } from '../../errors/index.js';
import { firstOrganisationId } from '../accounts/accounts.repository.js';
import { createUser } from '../accounts/accounts.usecases.js';
import { recordAudit, recordChange } from '../audit/audit.repository.js';
import type { Actor } from './actor.js';
import {
  breakGlassNotAdmin,
  passwordSignInOff,
  ssoAccountInactive,
  ssoAmbiguous,
  ssoBoundElsewhere,
  ssoNeededToTurnPasswordsOff,
  ssoNoAccount,
  ssoRefused,
  ssoStateInvalid,
  ssoUnavailable,
} from './auth.errors.js';
import { loadActor } from './auth.repository.js';
import { createSession, type NewSession, type SessionDevice } from './auth.usecases.js';
import { safeEqual, sha256 } from './secrets.js';
import {
  bindIdentity,
  deleteExpiredSignInRequests,
  findAccountCandidates,
  findBreakGlassCandidate,
  insertSignInRequest,
  signInPolicyOf,
  takeSignInRequest,
  updateSignInPolicy,
} from './sso.repository.js';
import type { SsoClient, SsoIdentity } from './sso-client.js';

type Db = Kysely<Database>;

/** How long a sign-in started may wait for its callback. */
export const SIGN_IN_MINUTES = 10;

/** Starts a sign-in: where to send the browser, and the state its cookie keeps for the callback. */
export async function startSsoSignIn(db: Db, client: SsoClient, returnTo: unknown, now = new Date()) {
  const authorization = await client.authorization().catch(() => {
    throw ssoUnavailable();
  });
  await deleteExpiredSignInRequests(db, now.toISOString());
  await insertSignInRequest(db, {
    id: sha256(authorization.state),
    nonce: authorization.nonce,
    codeVerifier: authorization.codeVerifier,
    returnTo: safeReturnPath(returnTo),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString(),
  });
  return { url: authorization.url, state: authorization.state };
}

/** Logs a refused sign-in (who, when known; the reason's code; the library's own code, never a token) and gives its error. */
async function refused(db: Db, error: AppError, details: { userId?: number; cause?: string } = {}, now = new Date()): Promise<AppError> {
  await recordAudit(
    db,
    {
      userId: details.userId ?? null,
      centreId: null,
      action: 'login',
      entity: 'session',
      details: { via: 'sso', refused: error.code, ...(details.cause && { cause: details.cause }) },
    },
    now,
  );
  return error;
}

/** The library's short name for why a callback failed (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED), for the log. */
function causeOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
    if (typeof oauthError === 'string') return oauthError.slice(0, 100);
    if (typeof code === 'string') return code.slice(0, 100);
  }
  return 'unknown';
}

/**
 * Finishes a sign-in from the provider's callback: the state must be the one this browser
 * started (its cookie) and still waiting (used once), the code and the ID token must pass the
 * library's checks, and the identity must be one account (bound to it at its first sign-in)
 * or, if the organisation allows it, a new viewer of no centre.
 */
export async function finishSsoSignIn(
  db: Db,
  client: SsoClient,
  callback: { query: string; state: string | undefined; browserState: string | undefined },
  device: SessionDevice,
  sessionHours: number,
  now = new Date(),
): Promise<{ session: NewSession; actor: Actor; returnTo: string }> {
  const { state, browserState } = callback;
  if (!state || !browserState || !safeEqual(state, browserState)) throw await refused(db, ssoStateInvalid(), { cause: 'state' }, now);
  const request = await takeSignInRequest(db, sha256(state));
  if (!request || request.expiresAt < now.toISOString()) {
    throw await refused(db, ssoStateInvalid(), { cause: request ? 'expired' : 'unknown or used' }, now);
  }
  let identity: SsoIdentity;
  try {
    identity = await client.identity(callback.query, { state, nonce: request.nonce, codeVerifier: request.codeVerifier });
  } catch (error) {
    throw await refused(db, ssoRefused(), { cause: causeOf(error) }, now);
  }

  const userId = await accountOf(db, client, identity, now);
  const actor = await loadActor(db, userId);
  if (!actor) throw await refused(db, ssoAccountInactive(), { userId }, now);
  const session = await createSession(db, userId, sessionHours, device, now, 'sso');
  await recordAudit(db, { userId, centreId: null, action: 'login', entity: 'session', details: { via: 'sso' } }, now);
  return { session, actor, returnTo: request.returnTo };
}

/** The account of an identity: found (and bound at its first sign-in) or created; else the sign-in is refused. */
async function accountOf(db: Db, client: SsoClient, identity: SsoIdentity, now: Date): Promise<number> {
  const { emailClaim, fiscalCodeClaim } = client.settings;
  const email = emailFromClaims(identity.claims[emailClaim], identity.claims.email_verified);
  const fiscalCode = fiscalCodeFromClaim(identity.claims[fiscalCodeClaim]);
  const found = await findAccountCandidates(db, { issuer: identity.issuer, subject: identity.subject, email, fiscalCode });
  // Approdo runs one organisation per Comune: a new account is created in the first.
  const organisationId = await firstOrganisationId(db);
  const createsAccounts = organisationId !== undefined && (await signInPolicyOf(db, organisationId)).ssoCreatesAccounts;
  const match = matchAccount(identity, found, createsAccounts);

  if (match.outcome === 'refused') {
    const error = { no_account: ssoNoAccount, ambiguous: ssoAmbiguous, bound_elsewhere: ssoBoundElsewhere }[match.reason]();
    throw await refused(db, error, {}, now);
  }
  if (match.outcome === 'account') {
    if (match.bind) {
      await bindIdentity(db, match.userId, identity, now.toISOString());
      await recordAudit(
        db,
        {
          userId: match.userId,
          centreId: null,
          action: 'update',
          entity: 'user',
          entityId: match.userId,
          details: { fields: ['ssoIdentity'] },
        },
        now,
      );
    }
    return match.userId;
  }
  // A new account needs an address to be told apart and reached by: without one, nobody is created.
  if (organisationId === undefined || !email)
    throw await refused(db, ssoNoAccount(), { cause: 'no e-mail to create an account with' }, now);
  return inTransaction(db, async (trx) => {
    const user = await createUser(
      trx,
      { organisationId, email, displayName: displayNameOf(identity.claims, email), role: 'viewer', centreIds: [], fiscalCode },
      null,
    );
    await bindIdentity(trx, user.id, identity, now.toISOString());
    return user.id;
  });
}

function displayNameOf(claims: Record<string, unknown>, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const name = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return (name || email).slice(0, 120);
}

/** Refuses a password sign-in the organisation has turned off for this user (the password was right). */
export async function requirePasswordSignIn(db: Db, user: { id: number; organisationId: number }): Promise<void> {
  if (!passwordSignInAllowed(await signInPolicyOf(db, user.organisationId), user.id)) {
    await recordAudit(db, {
      userId: user.id,
      centreId: null,
      action: 'login',
      entity: 'session',
      details: { refused: 'password sign-in off' },
    });
    throw passwordSignInOff();
  }
}

/** What the login page offers. */
export async function signInOptionsOf(db: Db, client: SsoClient | null): Promise<SignInOptions> {
  const organisationId = await firstOrganisationId(db);
  const policy = organisationId === undefined ? undefined : await signInPolicyOf(db, organisationId);
  return {
    sso: client ? { buttonLabel: client.settings.buttonLabel } : null,
    passwordSignIn: client && policy ? policy.passwordSignIn : 'everyone',
  };
}

export async function signInPolicyFor(db: Db, actor: Actor, ssoConfigured: boolean): Promise<SignInPolicy> {
  return { ...(await signInPolicyOf(db, actor.organisationId)), ssoConfigured };
}

/**
 * Sets the organisation's sign-in policy. Passwords go off only with an identity provider to
 * sign in with and a break-glass administrator who keeps theirs (the way back in when the
 * provider is down).
 */
export async function changeSignInPolicy(
  db: Db,
  actor: Actor,
  input: Omit<SignInPolicy, 'ssoConfigured'>,
  ssoConfigured: boolean,
): Promise<SignInPolicy> {
  return inTransaction(db, async (trx) => {
    if (input.passwordSignIn === 'break_glass') {
      if (!ssoConfigured) throw ssoNeededToTurnPasswordsOff();
      if (input.breakGlassUserId === null || !(await findBreakGlassCandidate(trx, input.breakGlassUserId, actor.organisationId))) {
        throw breakGlassNotAdmin();
      }
    } else if (input.breakGlassUserId !== null && !(await findBreakGlassCandidate(trx, input.breakGlassUserId, actor.organisationId))) {
      throw breakGlassNotAdmin();
    }
    await updateSignInPolicy(trx, actor.organisationId, input);
    await recordChange(trx, actor, 'update', 'organisation', { id: actor.organisationId, centreId: null }, { details: { signIn: input } });
    return { ...input, ssoConfigured };
  });
}
