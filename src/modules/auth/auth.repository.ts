import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/permissions.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function centreIdsOf(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('userCentres').select('centreId').where('userId', '=', userId).orderBy('centreId').execute();
  return rows.map((r) => r.centreId);
}

export async function loadActor(db: Db, userId: number): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'displayName', 'role', 'locale', 'organisationId', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return undefined;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Role,
    locale: user.locale,
    organisationId: user.organisationId,
    centreIds: await centreIdsOf(db, user.id),
  };
}

export async function findLiveSession(db: Db, sessionId: string, nowIso: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', sessionId).where('expiresAt', '>', nowIso).executeTakeFirst();
}

export async function findLiveToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'lastUsedAt'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}

export async function countRecentFailures(db: Db, column: 'email' | 'ip', value: string, sinceIso: string) {
  const row = await db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('at', '>=', sinceIso)
    .where('succeeded', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function centresOf(db: Db, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  return db.selectFrom('centres').select(['id', 'code', 'name']).where('id', 'in', centreIds).orderBy('name').execute();
}
