import type { Insertable, Kysely } from 'kysely';
import { prepared } from '../../db/prepared.js';
import { countRows } from '../../db/queries.js';
import type { Database, SessionsTable } from '../../db/schema.js';
import type { Role } from '../../domain/permissions.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

const selectCentreIds = prepared((db, p: { userId: number }) =>
  db.selectFrom('userCentres').select('centreId').where('userId', '=', p.userId).orderBy('centreId'),
);

export async function centreIdsOf(db: Db, userId: number): Promise<number[]> {
  const { rows } = await selectCentreIds(db, { userId });
  return rows.map((r) => r.centreId);
}

const ACTOR_COLUMNS = [
  'users.id as userId',
  'users.email',
  'users.displayName',
  'users.role',
  'users.locale',
  'users.organisationId',
] as const;

type ActorRow = { userId: number; email: string; displayName: string; role: string; locale: string; organisationId: number };

async function toActor(db: Db, row: ActorRow): Promise<Actor> {
  return { ...row, role: row.role as Role, centreIds: await centreIdsOf(db, row.userId) };
}

/** The actor of an active user, or undefined. */
export async function loadActor(db: Db, userId: number): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users')
    .select(ACTOR_COLUMNS)
    .where('users.id', '=', userId)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row ? toActor(db, row) : undefined;
}

/** The owner of a live API token (not revoked, user active), with the token's id and last use. */
// Prepared: every API request authenticates (see src/db/prepared.ts).
const selectTokenOwner = prepared((db, p: { tokenHash: string }) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([...ACTOR_COLUMNS, 'apiTokens.id as tokenId', 'apiTokens.lastUsedAt'])
    .where('apiTokens.tokenHash', '=', p.tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where('users.active', '=', 1),
);

export async function findTokenOwner(db: Db, tokenHash: string) {
  const [row] = (await selectTokenOwner(db, { tokenHash })).rows;
  if (!row) return undefined;
  const { tokenId, lastUsedAt, ...actorRow } = row;
  return { actor: await toActor(db, actorRow), tokenId, lastUsedAt };
}

/** The owner of a live session (not expired, user active), with the session's CSRF token and last use. */
const selectSessionOwner = prepared((db, p: { sessionId: string; nowIso: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([...ACTOR_COLUMNS, 'sessions.csrfToken', 'sessions.lastSeenAt'])
    .where('sessions.id', '=', p.sessionId)
    .where('sessions.expiresAt', '>', p.nowIso)
    .where('users.active', '=', 1),
);

export async function findSessionOwner(db: Db, sessionId: string, nowIso: string) {
  const [row] = (await selectSessionOwner(db, { sessionId, nowIso })).rows;
  if (!row) return undefined;
  const { csrfToken, lastSeenAt, ...actorRow } = row;
  return { actor: await toActor(db, actorRow), csrfToken, lastSeenAt };
}

export async function centresOf(db: Db, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  return db.selectFrom('centres').select(['id', 'code', 'name']).where('id', 'in', centreIds).orderBy('name').execute();
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | null> {
  const user = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow();
  return user.passwordHash;
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string, nowIso: string) {
  await db.updateTable('users').set({ passwordHash, updatedAt: nowIso }).where('id', '=', userId).execute();
}

// --- sessions

export async function insertSession(db: Db, session: Insertable<SessionsTable>) {
  await db.insertInto('sessions').values(session).execute();
}

/** Sliding expiry: the session is used now, and lasts until expiresAtIso. */
export async function extendSession(db: Db, sessionId: string, nowIso: string, expiresAtIso: string) {
  await db.updateTable('sessions').set({ lastSeenAt: nowIso, expiresAt: expiresAtIso }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but the session that asks; how many ended. */
export async function deleteSessionsOf(db: Db, userId: number, exceptSessionId?: string): Promise<number> {
  let sessions = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId) sessions = sessions.where('id', '!=', exceptSessionId);
  const result = await sessions.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A session's handle: the first 16 hex digits of its stored id (itself a hash of the cookie). */
export const SESSION_HANDLE_LENGTH = 16;

/** A user's live sessions, the most recently used first. */
export async function listSessionsOf(db: Db, userId: number, nowIso: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'userAgent', 'ip'])
    .where('userId', '=', userId)
    .where('expiresAt', '>', nowIso)
    .orderBy('lastSeenAt', 'desc')
    .execute();
}

/** Ends the user's session with this handle; false when the user has none. */
export async function deleteSessionByHandle(db: Db, userId: number, handle: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .where((eb) => eb(eb.fn('substr', ['id', eb.lit(1), eb.lit(SESSION_HANDLE_LENGTH)]), '=', handle))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteExpiredSessions(db: Db, nowIso: string) {
  await db.deleteFrom('sessions').where('expiresAt', '<', nowIso).execute();
}

export async function touchApiToken(db: Db, tokenId: number, nowIso: string) {
  await db.updateTable('apiTokens').set({ lastUsedAt: nowIso }).where('id', '=', tokenId).execute();
}

// --- login attempts

/** A login attempt, written as a failure until the password is found right. */
export async function insertFailedAttempt(db: Db, attempt: { email: string; ip: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('loginAttempts')
    .values({ ...attempt, succeeded: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAttemptSucceeded(db: Db, attemptId: number) {
  await db.updateTable('loginAttempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}

export async function deleteAttemptsBefore(db: Db, beforeIso: string) {
  await db.deleteFrom('loginAttempts').where('at', '<', beforeIso).execute();
}

/**
 * The failed login attempts since sinceIso from this client, on this address, or both, counted
 * up to atMost: the limits only ask whether a count is above a threshold, so no count reads more
 * than threshold + 1 rows, however many an attacker has piled up (each of the three is one seek
 * in an index: (ip, at), (email, at), (email, ip, at)).
 */
export async function countRecentFailures(db: Db, of: { email?: string; ip?: string }, sinceIso: string, atMost: number) {
  let recent = db.selectFrom('loginAttempts').select('id').where('at', '>=', sinceIso).where('succeeded', '=', 0);
  if (of.email !== undefined) recent = recent.where('email', '=', of.email);
  if (of.ip !== undefined) recent = recent.where('ip', '=', of.ip);
  return countRows(db.selectFrom(recent.limit(atMost).as('recent')));
}
