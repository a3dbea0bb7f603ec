/** The first run's one-time setup links, stored by their SHA-256. */
import type { Kysely } from 'kysely';
import { spendOnce } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function hasActiveAdministrator(db: Db): Promise<boolean> {
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).limit(1).executeTakeFirst();
  return admin !== undefined;
}

/** Forgets the links that can no longer be used: expired, or used already. */
export async function deleteSpentSetupTokens(db: Db, nowIso: string) {
  await db
    .deleteFrom('setupTokens')
    .where((eb) => eb.or([eb('expiresAt', '<', nowIso), eb('usedAt', 'is not', null)]))
    .execute();
}

export async function insertSetupToken(db: Db, token: { tokenHash: string; createdAt: string; expiresAt: string }) {
  await db.insertInto('setupTokens').values(token).execute();
}

/** Marks a live link used, in one statement (two requests cannot both use it): whether it was live. */
export async function useSetupToken(db: Db, tokenHash: string, nowIso: string): Promise<boolean> {
  return spendOnce(db, 'setupTokens', nowIso, (links) => links.where('tokenHash', '=', tokenHash).where('expiresAt', '>', nowIso));
}
