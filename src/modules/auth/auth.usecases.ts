import type { Kysely } from 'kysely';
import type { Me } from '../../contracts/auth.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestAuth } from './actor.js';
import { centresOf, countRecentFailures, findSessionOwner, findTokenOwner, findUserByEmail, loadActor } from './auth.repository.js';
import { decoyHash, hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';

type Db = Kysely<Database>;

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
/** Write "last seen" at most this often, so that reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: number, hours: number, now = new Date()): Promise<NewSession> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(cookieValue),
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      lastSeenAt: now.toISOString(),
    })
    .execute();
  return { cookieValue, csrfToken, expiresAt };
}

export async function login(
  db: Db,
  input: { email: string; password: string },
  ip: string,
  sessionHours: number,
  now = new Date(),
): Promise<{ session: NewSession; actor: Actor }> {
  // The attempt is written first, as a failure, and counted with the others: parallel guesses
  // see each other, so the limit holds however many arrive at once.
  const attempt = await db
    .insertInto('loginAttempts')
    .values({ email: input.email, ip, at: now.toISOString(), succeeded: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const since = minutesBefore(now, LOGIN_WINDOW_MINUTES);
  const [byEmail, byIp] = await Promise.all([
    countRecentFailures(db, 'email', input.email, since),
    countRecentFailures(db, 'ip', ip, since),
  ]);
  if (byEmail > MAX_FAILURES_PER_EMAIL || byIp > MAX_FAILURES_PER_IP) {
    throw new AppError('auth.rate_limited', 429, `Too many failed attempts: try again in ${LOGIN_WINDOW_MINUTES} minutes`, {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }

  const user = await findUserByEmail(db, input.email);
  // Verify even for unknown e-mails, so that timing does not tell which addresses exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const actor = passwordOk && user?.active ? await loadActor(db, user.id) : undefined;
  if (!actor) throw new AppError('auth.invalid_credentials', 401, 'Wrong e-mail or password');
  await db.updateTable('loginAttempts').set({ succeeded: 1 }).where('id', '=', attempt.id).execute();

  const session = await createSession(db, actor.userId, sessionHours, now);
  await recordAudit(db, { userId: actor.userId, centreId: null, action: 'login', entity: 'session' }, now);
  // Keep the tables small: attempts matter only inside the window, expired sessions not at all.
  await db
    .deleteFrom('loginAttempts')
    .where('at', '<', minutesBefore(now, 24 * 60))
    .execute();
  await db.deleteFrom('sessions').where('expiresAt', '<', now.toISOString()).execute();
  return { session, actor };
}

export async function logout(db: Db, auth: RequestAuth): Promise<void> {
  if (!auth.sessionId) {
    throw new AppError('validation.failed', 400, 'API tokens do not log out: an administrator revokes them');
  }
  await db.deleteFrom('sessions').where('id', '=', auth.sessionId).execute();
  await recordAudit(db, { userId: auth.actor.userId, centreId: null, action: 'logout', entity: 'session' });
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
      await db.updateTable('apiTokens').set({ lastUsedAt: now.toISOString() }).where('id', '=', owner.tokenId).execute();
    }
    return { actor: owner.actor, via: 'token' };
  }
  if (credentials.cookie) {
    const sessionId = sha256(credentials.cookie);
    const owner = await findSessionOwner(db, sessionId, now.toISOString());
    if (!owner) return null;
    if (now.getTime() - Date.parse(owner.lastSeenAt) > TOUCH_EVERY_MS) {
      // Sliding expiry: a session lasts sessionHours after its last use.
      await db
        .updateTable('sessions')
        .set({
          lastSeenAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
        })
        .where('id', '=', sessionId)
        .execute();
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
    csrfToken: auth.csrfToken ?? null,
  };
}

export async function changePassword(db: Db, auth: RequestAuth, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await db.selectFrom('users').select('passwordHash').where('id', '=', auth.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('auth.wrong_password', 400, 'The current password is not right');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ passwordHash, updatedAt: new Date().toISOString() }).where('id', '=', auth.actor.userId).execute();
    // Every other session of this user ends: a changed password locks out whoever knew the old one.
    let others = trx.deleteFrom('sessions').where('userId', '=', auth.actor.userId);
    if (auth.sessionId) others = others.where('id', '!=', auth.sessionId);
    await others.execute();
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
