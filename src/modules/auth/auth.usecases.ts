import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type { Me } from '../../contracts/auth.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { badRequest } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestAuth } from './actor.js';
import {
  invalidCredentials,
  loginRateLimited,
  secondFactorInvalid,
  secondFactorRequired,
  secondFactorReused,
  wrongCurrentPassword,
} from './auth.errors.js';
import {
  centresOf,
  countRecentFailures,
  deleteAttemptsBefore,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  extendSession,
  findPasswordHash,
  findSessionOwner,
  findTokenOwner,
  findUserByEmail,
  insertFailedAttempt,
  insertSession,
  loadActor,
  markAttemptSucceeded,
  setPasswordHash,
  touchApiToken,
} from './auth.repository.js';
import { secondFactorStateOf, spendCodeWithinLimit } from './second-factor.usecases.js';
import { decoyHash, hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';
import { sessionSignInOf } from './sso.repository.js';
import { requirePasswordSignIn } from './sso.usecases.js';

type Db = Kysely<Database>;

export const LOGIN_WINDOW_MINUTES = 15;
/**
 * Failures on one address from one client (within the window) before that client is refused on
 * it; more than this many from anywhere, and the address is under attack.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures from one client, whatever the addresses, before it is refused on all of them. */
export const MAX_FAILURES_PER_IP = 30;
/** The attempts a client gets on an address under attack, the current one included. */
export const ATTEMPTS_PER_CLIENT_UNDER_ATTACK = 2;
/** Write "last seen" at most this often, so that reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

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
 * The client a login attempt is counted against: its IPv4 address, or the /64 network of its
 * IPv6 address (one subscriber's: a single host may use any address in it, so counting
 * addresses would give it 2^64 fresh budgets). IPv4-mapped IPv6 addresses count as IPv4.
 */
export function clientOf(ip: string): string {
  const address = ip.split('%')[0] ?? ip; // without a zone (fe80::1%eth0)
  if (isIP(address) !== 6) return ip;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - before.length - after.length).fill('0');
  const groups = [...before, ...zeros, ...after].map((group) => Number.parseInt(group, 16));
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/**
 * Logs in, within the limits of decision 003. The address is never locked as a whole, or anyone
 * who knows it could keep its owner out: a client (see clientOf) that fails on it too often is
 * refused on it, and a client that fails too often on any addresses is refused on all. An address
 * that has failed too often from anywhere is under attack: then each client gets only a couple
 * of attempts on it, so that many clients get a couple of guesses each, not five, while its owner
 * on a client that has not failed on it still logs in with the right password.
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
  const client = clientOf(device.ip);
  // The attempt is written first, as a failure, and counted with the others: parallel guesses
  // see each other, so the limit holds however many arrive at once.
  const attemptId = await insertFailedAttempt(db, { email: input.email, ip: client, at: now.toISOString() });
  const since = minutesBefore(now, LOGIN_WINDOW_MINUTES);
  // Each count stops one above its threshold: that is all the decision needs.
  const [fromClient, onAddress, onAddressFromClient] = await Promise.all([
    countRecentFailures(db, { ip: client }, since, MAX_FAILURES_PER_IP + 1),
    countRecentFailures(db, { email: input.email }, since, MAX_FAILURES_PER_EMAIL + 1),
    countRecentFailures(db, { email: input.email, ip: client }, since, MAX_FAILURES_PER_EMAIL + 1),
  ]);
  const underAttack = onAddress > MAX_FAILURES_PER_EMAIL;
  if (
    fromClient > MAX_FAILURES_PER_IP ||
    onAddressFromClient > MAX_FAILURES_PER_EMAIL ||
    (underAttack && onAddressFromClient > ATTEMPTS_PER_CLIENT_UNDER_ATTACK)
  ) {
    throw loginRateLimited({ windowMinutes: LOGIN_WINDOW_MINUTES });
  }

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

export async function changePassword(db: Db, auth: RequestAuth, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (!(await verifyPassword(await findPasswordHash(db, auth.actor.userId), input.currentPassword))) throw wrongCurrentPassword();
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
