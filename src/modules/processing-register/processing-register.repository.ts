/** The register of processing: what it reads of the organisation's configuration, and the DPO's texts. All the SQL. */
import type { Kysely } from 'kysely';
import { joinUserName, userOf } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The organisation's name and its sign-in and second-factor policies. */
export async function organisationPolicies(db: Db, organisationId: number) {
  return db
    .selectFrom('organisations')
    .select(['name', 'secondFactorRoles', 'passwordSignIn', 'ssoCreatesAccounts'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

/** The organisation's centres with their public contacts, by code. */
export async function centresOf(db: Db, organisationId: number) {
  return db
    .selectFrom('centres')
    .select(['name', 'code', 'comuneIstat', 'address', 'phone', 'email'])
    .where('organisationId', '=', organisationId)
    .orderBy('code')
    .execute();
}

/** The organisation's active accounts by role, with how many have a second factor on and how many a password. */
export async function activeAccountsByRole(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom('users')
    .select((eb) => [
      'role',
      eb.fn.countAll<number>().as('accounts'),
      eb.fn.count<number>('totpSecret').as('withSecondFactor'),
      eb.fn.count<number>('passwordHash').as('withPassword'),
    ])
    .where('organisationId', '=', organisationId)
    .where('active', '=', 1)
    .groupBy('role')
    .execute();
  return rows.map((row) => ({
    role: row.role,
    accounts: Number(row.accounts),
    withSecondFactor: Number(row.withSecondFactor),
    withPassword: Number(row.withPassword),
  }));
}

/** The API tokens of the organisation's active accounts that are not revoked. */
export async function liveApiTokens(db: Db, organisationId: number): Promise<number> {
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select((eb) => eb.fn.countAll<number>().as('tokens'))
    .where('users.organisationId', '=', organisationId)
    .where('users.active', '=', 1)
    .where('apiTokens.revokedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.tokens);
}

/** The services the organisation's centres have referred people to, most used first. */
export async function servicesReferredTo(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.caseId')
    .innerJoin('centres', 'centres.id', 'cases.centreId')
    .select((eb) => ['referrals.service', eb.fn.countAll<number>().as('referrals')])
    .where('centres.organisationId', '=', organisationId)
    .where('referrals.direction', '=', 'outgoing')
    .groupBy('referrals.service')
    .orderBy('referrals', 'desc')
    .orderBy('referrals.service')
    .execute();
  return rows.map((row) => ({ service: row.service, referrals: Number(row.referrals) }));
}

/** The DPO's texts of the organisation, with who wrote each last. */
export async function registerTexts(db: Db, organisationId: number) {
  const texts = db
    .selectFrom('processingRegisterTexts')
    .select([
      'processingRegisterTexts.id',
      'processingRegisterTexts.section',
      'processingRegisterTexts.text',
      'processingRegisterTexts.version',
      'processingRegisterTexts.updatedAt',
      'processingRegisterTexts.updatedBy',
    ])
    .where('processingRegisterTexts.organisationId', '=', organisationId);
  const rows = await joinUserName(texts, 'processingRegisterTexts.updatedBy', 'updatedByName').execute();
  return rows.map(({ updatedBy, updatedByName, ...row }) => ({ ...row, updatedBy: userOf(updatedBy, updatedByName) }));
}

/** A section's text row: its id, text and version, if one was written. */
export async function findRegisterText(db: Db, organisationId: number, section: string) {
  return db
    .selectFrom('processingRegisterTexts')
    .select(['id', 'text', 'version'])
    .where('organisationId', '=', organisationId)
    .where('section', '=', section)
    .executeTakeFirst();
}

/** The first text of a section, at version 1; undefined when another was written meanwhile (the unique key). */
export async function insertRegisterText(
  db: Db,
  values: { organisationId: number; section: string; text: string; updatedBy: number; at: string },
): Promise<number | undefined> {
  const { at, ...row } = values;
  const inserted = await db
    .insertInto('processingRegisterTexts')
    .values({ ...row, createdAt: at, updatedAt: at, version: 1 })
    .onConflict((conflict) => conflict.columns(['organisationId', 'section']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}
