import type { Kysely } from 'kysely';
import type { Me } from '../../contracts/auth.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { badRequest } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestAuth } from './actor.js';
import { invalidCredentials, secondFactorInvalid, secondFactorRequired, secondFactorReused } from './auth.errors.js';
import {
  centresOf,
  deleteAttemptsBefore,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  extendSession,
  findSessionOwner,
  findTokenOwner,
  findUserByEmail,
  insertSession,
  loadActor,
  markAttemptSucceeded,
  setPasswordHash,
  touchApiToken,
} from './auth.repository.js';
import { attemptWithinLimits, minutesBefore, verifyOwnPassword } from './login-limits.js';
import { secondFactorStateOf, spendCodeWithinLimit } from './second-factor.usecases.js';
import { decoyHash, hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';
import { sessionSignInOf } from './sso.repository.js';
import { requirePasswordSignIn } from './sso.usecases.js';

type Db = Kysely<Database>;

/** Write "last seen" at most this often, so that reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Where a session is opened from: the client's address and browser (listed to its user). */
export interface SessionDevice {
  ip: string;
  userAgent: string | undefined;
}

export async function createSession(
  db: Db,
  userId: number,
  hours: number,
  device: SessionDevice,
  now = new Date(),
  signedInWith: 'password' | 'sso' = 'password',
): Promise<NewSession> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await insertSession(db, {
    id: sha256(cookieValue),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    lastSeenAt: now.toISOString(),
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, 300) ?? null,
    signedInWith,
  });
  return { cookieValue, csrfToken, expiresAt };
}

/** A session for a user just created (the first administrator, at setup), as a login gives one. */
export async function startSession(
  db: Db,
  userId: number,
  hours: number,
  device: SessionDevice,
): Promise<{ session: NewSession; actor: Actor }> {
  const session = await createSession(db, userId, hours, device);
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error('setup created no active user');
  return { session, actor };
}

/**
 * Logs in, within the limits of decision 003 (login-limits.ts): many clients get a couple of
 * guesses each on an address under attack, not five, while its owner on a client that has not
 * failed on it still logs in with the right password.
 * With a second factor on, the password alone answers auth.second_factor_required (not counted:
 * a right password is no guess); a wrong or reused code is a failure the limits count.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; code?: string | undefined },
  device: SessionDevice,
  sessionHours: number,
  now = new Date(),
): Promise<{ session: NewSession; actor: Actor }> {
  const attemptId = await attemptWithinLimits(db, input.email, device.ip, now);

  const user = await findUserByEmail(db, input.email);
  // Verify even for unknown e-mails, so that timing does not tell which addresses exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const actor = passwordOk && user?.active ? await loadActor(db, user.id) : undefined;
  if (!actor || !user) throw invalidCredentials();
  // A right password, but the organisation signs this user in through its identity provider only.
  await requirePasswordSignIn(db, user).catch(async (error: unknown) => {
    await markAttemptSucceeded(db, attemptId);
    throw error;
  });
  let secondFactor: string | undefined;
  if (user.totpSecret) {
    if (!input.code) {
      await markAttemptSucceeded(db, attemptId);
      throw secondFactorRequired();
    }
    secondFactor = await spendCodeWithinLimit(
      db,
      { id: user.id, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep },
      input.code,
      now,
      { userId: user.id, centreId: null, action: 'login', entity: 'session' },
      (check) => (check === 'wrong' ? secondFactorInvalid() : secondFactorReused()),
    );
  }
  await markAttemptSucceeded(db, attemptId);

  const session = await createSession(db, actor.userId, sessionHours, device, now);
  await recordAudit(
    db,
    { userId: actor.userId, centreId: null, action: 'login', entity: 'session', ...(secondFactor && { details: { secondFactor } }) },
    now,
  );
  // Keep the tables small: attempts matter only inside the window, expired sessions not at all.
  await deleteAttemptsBefore(db, minutesBefore(now, 24 * 60));
  await deleteExpiredSessions(db, now.toISOString());
  return { session, actor };
}

/** Ends the session; answers how it was opened ('password' or 'sso'). */
export async function logout(db: Db, auth: RequestAuth): Promise<string | undefined> {
  if (!auth.sessionId) throw badRequest('API tokens do not log out: an administrator revokes them');
  const signedInWith = await sessionSignInOf(db, auth.sessionId);
  await deleteSession(db, auth.sessionId);
  await recordAudit(db, { userId: auth.actor.userId, centreId: null, action: 'logout', entity: 'session' });
  return signedInWith;
}

/** Who is calling: a Bearer API token, or else the session cookie. */
export async function authenticate(
  db: Db,
  credentials: { bearer?: string; cookie?: string },
  sessionHours: number,
  now = new Date(),
): Promise<RequestAuth | null> {
  if (credentials.bearer) {
    const owner = await findTokenOwner(db, sha256(credentials.bearer));
    if (!owner) return null;
    if (!owner.lastUsedAt || now.getTime() - Date.parse(owner.lastUsedAt) > TOUCH_EVERY_MS) {
      await touchApiToken(db, owner.tokenId, now.toISOString());
    }
    return { actor: owner.actor, via: 'token' };
  }
  if (credentials.cookie) {
    const sessionId = sha256(credentials.cookie);
    const owner = await findSessionOwner(db, sessionId, now.toISOString());
    if (!owner) return null;
    if (now.getTime() - Date.parse(owner.lastSeenAt) > TOUCH_EVERY_MS) {
      // Sliding expiry: a session lasts sessionHours after its last use.
      await extendSession(db, sessionId, now.toISOString(), new Date(now.getTime() + sessionHours * 3_600_000).toISOString());
    }
    return { actor: owner.actor, via: 'session', sessionId, csrfToken: owner.csrfToken };
  }
  return null;
}

export async function describeMe(db: Db, auth: RequestAuth): Promise<Me> {
  const { actor } = auth;
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    locale: actor.locale,
    organisationId: actor.organisationId,
    centres: await centresOf(db, actor.centreIds),
    secondFactor: await secondFactorStateOf(db, actor.userId),
    csrfToken: auth.csrfToken ?? null,
  };
}

export async function changePassword(
  db: Db,
  auth: RequestAuth,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<void> {
  await verifyOwnPassword(db, auth.actor, input.currentPassword, ip);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await setPasswordHash(trx, auth.actor.userId, passwordHash, new Date().toISOString());
    // Every other session of this user ends: a changed password locks out whoever knew the old one.
    await deleteSessionsOf(trx, auth.actor.userId, auth.sessionId);
    await recordAudit(trx, {
      userId: auth.actor.userId,
      centreId: null,
      action: 'update',
      entity: 'user',
      entityId: auth.actor.userId,
      details: { fields: ['password'] },
    });
  });
}
