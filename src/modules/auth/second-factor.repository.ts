/** The second factor's SQL: a user's TOTP seed and last step, recovery codes, the organisation's policy. */
import type { Kysely } from 'kysely';
import { countRows, spendOnce } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A user's second factor, with the organisation's roles that require one (JSON text). */
export async function findSecondFactorOf(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisationId')
    .select([
      'users.email',
      'users.role',
      'users.passwordHash',
      'users.totpSecret',
      'users.totpPendingSecret',
      'users.totpLastStep',
      'organisations.secondFactorRoles',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setPendingTotpSecret(db: Db, userId: number, seed: string, nowIso: string) {
  await db.updateTable('users').set({ totpPendingSecret: seed, updatedAt: nowIso }).where('id', '=', userId).execute();
}

/** The pending seed becomes the active one, its code's step the last one used. */
export async function activateTotp(db: Db, userId: number, seed: string, step: number, nowIso: string) {
  await db
    .updateTable('users')
    .set({ totpSecret: seed, totpPendingSecret: null, totpEnabledAt: nowIso, totpLastStep: step, updatedAt: nowIso })
    .where('id', '=', userId)
    .execute();
}

export async function clearTotp(db: Db, userId: number, nowIso: string) {
  await db
    .updateTable('users')
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: nowIso })
    .where('id', '=', userId)
    .execute();
}

/** Counts a refused code: one more in the window that began at the first of them, or the first of a new window. */
export async function countRefusedCode(db: Db, userId: number, windowStartIso: string, nowIso: string) {
  await db
    .updateTable('users')
    .set((eb) => ({
      secondFactorFailures: eb
        .case()
        .when('secondFactorFailedAt', '>=', windowStartIso)
        .then(eb('secondFactorFailures', '+', 1))
        .else(1)
        .end(),
      secondFactorFailedAt: eb
        .case()
        .when('secondFactorFailedAt', '>=', windowStartIso)
        .then(eb.ref('secondFactorFailedAt'))
        .else(nowIso)
        .end(),
    }))
    .where('id', '=', userId)
    .execute();
}

/** The codes refused in the window that began at `windowStartIso` or later. */
export async function recentRefusedCodes(db: Db, userId: number, windowStartIso: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(['secondFactorFailures', 'secondFactorFailedAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.secondFactorFailedAt && row.secondFactorFailedAt >= windowStartIso ? Number(row.secondFactorFailures) : 0;
}

export async function forgetRefusedCodes(db: Db, userId: number) {
  await db.updateTable('users').set({ secondFactorFailures: 0, secondFactorFailedAt: null }).where('id', '=', userId).execute();
}

/**
 * Takes a TOTP step as used, if no later or equal step was: false when it was (a reused code).
 * One conditional update, so two logins racing with the same code cannot both pass.
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(db: Db, userId: number, codeHashes: string[], nowIso: string) {
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('recoveryCodes')
    .values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: nowIso })))
    .execute();
}

export async function deleteRecoveryCodes(db: Db, userId: number) {
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
}

/** Uses an unused recovery code once: false when the user has no such code unused. */
export async function spendRecoveryCode(db: Db, userId: number, codeHash: string, nowIso: string): Promise<boolean> {
  return spendOnce(db, 'recoveryCodes', nowIso, (codes) => codes.where('userId', '=', userId).where('codeHash', '=', codeHash));
}

export function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  return countRows(db.selectFrom('recoveryCodes').where('userId', '=', userId).where('usedAt', 'is', null));
}

export async function findSecondFactorRoles(db: Db, organisationId: number): Promise<string> {
  const row = await db.selectFrom('organisations').select('secondFactorRoles').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return row.secondFactorRoles;
}

export async function setSecondFactorRoles(db: Db, organisationId: number, rolesJson: string) {
  await db.updateTable('organisations').set({ secondFactorRoles: rolesJson }).where('id', '=', organisationId).execute();
}
