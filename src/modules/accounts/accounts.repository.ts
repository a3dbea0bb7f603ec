/** Organisations, centres, user accounts and API tokens as stored. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ApiTokensTable, CentresTable, Database, UsersTable } from '../../db/schema.js';
import type { Role } from '../../domain/permissions.js';

type Db = Kysely<Database>;

// --- organisations and centres

export async function insertOrganisation(db: Db, name: string, nowIso: string): Promise<number> {
  const org = await db.insertInto('organisations').values({ name, createdAt: nowIso }).returning('id').executeTakeFirstOrThrow();
  return org.id;
}

/** The installation's first organisation, if any. */
export async function firstOrganisationId(db: Db): Promise<number | undefined> {
  const organisation = await db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirst();
  return organisation?.id;
}

export async function findCentreByCode(db: Db, code: string) {
  return db.selectFrom('centres').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCentre(
  db: Db,
  centre: Pick<Insertable<CentresTable>, 'organisationId' | 'code' | 'name' | 'comuneIstat' | 'address' | 'phone' | 'email' | 'createdAt'>,
) {
  return db.insertInto('centres').values(centre).returningAll().executeTakeFirstOrThrow();
}

export async function listCentreRows(db: Db, organisationId: number) {
  return db.selectFrom('centres').selectAll().where('organisationId', '=', organisationId).orderBy('name').execute();
}

// --- users

const USER_COLUMNS = ['id', 'email', 'displayName', 'role', 'active', 'createdAt', 'fiscalCode', 'ssoSubject'] as const;

export async function findUserIdByEmail(db: Db, email: string): Promise<number | undefined> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return user?.id;
}

/** A user of the organisation, with the role an update starts from. */
export async function findUserOfOrganisation(db: Db, userId: number, organisationId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', userId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
}

/** Another user of the organisation with this codice fiscale, if any. */
export async function findUserIdByFiscalCode(db: Db, organisationId: number, fiscalCode: string, exceptUserId?: number) {
  let query = db.selectFrom('users').select('id').where('organisationId', '=', organisationId).where('fiscalCode', '=', fiscalCode);
  if (exceptUserId !== undefined) query = query.where('id', '!=', exceptUserId);
  return (await query.executeTakeFirst())?.id;
}

export async function findUserRow(db: Db, userId: number) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirstOrThrow();
}

export async function listUserRows(db: Db, organisationId: number) {
  return db.selectFrom('users').select(USER_COLUMNS).where('organisationId', '=', organisationId).orderBy('displayName').execute();
}

export async function insertUser(db: Db, user: Insertable<UsersTable>) {
  return db.insertInto('users').values(user).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateUserRow(db: Db, userId: number, changes: Updateable<UsersTable>) {
  await db.updateTable('users').set(changes).where('id', '=', userId).execute();
}

export async function centreIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('userCentres').select('centreId').where('userId', '=', userId).orderBy('centreId').execute();
  return rows.map((row) => row.centreId);
}

export async function insertUserCentres(db: Db, userId: number, centreIds: number[]) {
  // An account created by signing in through the identity provider has no centre yet.
  if (centreIds.length === 0) return;
  await db
    .insertInto('userCentres')
    .values(centreIds.map((centreId) => ({ userId, centreId })))
    .execute();
}

export async function deleteUserCentres(db: Db, userId: number) {
  await db.deleteFrom('userCentres').where('userId', '=', userId).execute();
}

/** The users of these centres; with `activeWithRoles`, only the active ones that have one of those roles. */
export async function listColleagueRows(db: Db, centreIds: readonly number[], activeWithRoles?: readonly Role[]) {
  let query = db
    .selectFrom('users')
    .innerJoin('userCentres', 'userCentres.userId', 'users.id')
    .select(['users.id', 'users.displayName'])
    .distinct()
    .where('userCentres.centreId', 'in', centreIds);
  if (activeWithRoles) query = query.where('users.active', '=', 1).where('users.role', 'in', activeWithRoles);
  return query.execute();
}

// --- API tokens

export async function findTokenUser(db: Db, userId: number) {
  return db.selectFrom('users').select(['id', 'email', 'organisationId']).where('id', '=', userId).executeTakeFirst();
}

export async function insertApiToken(db: Db, token: Insertable<ApiTokensTable>) {
  return db
    .insertInto('apiTokens')
    .values(token)
    .returning(['id', 'userId', 'name', 'tokenPrefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .executeTakeFirstOrThrow();
}

/** The tokens of an organisation's users, or of everyone's when no organisation is said; with their user. */
function tokensOf(db: Db, organisationId?: number) {
  const tokens = db.selectFrom('apiTokens').innerJoin('users', 'users.id', 'apiTokens.userId');
  return organisationId === undefined ? tokens : tokens.where('users.organisationId', '=', organisationId);
}

/** The tokens of an organisation's users, or of everyone, newest first. */
export async function listApiTokenRows(db: Db, organisationId?: number) {
  return tokensOf(db, organisationId)
    .select([
      'apiTokens.id',
      'apiTokens.userId',
      'users.email as userEmail',
      'apiTokens.name',
      'apiTokens.tokenPrefix',
      'apiTokens.createdAt',
      'apiTokens.lastUsedAt',
      'apiTokens.revokedAt',
    ])
    .orderBy('apiTokens.id', 'desc')
    .execute();
}

/** A token of the organisation's users (of anyone's when no organisation is said). */
export async function findApiToken(db: Db, tokenId: number, organisationId?: number) {
  return tokensOf(db, organisationId)
    .select(['apiTokens.id', 'apiTokens.revokedAt'])
    .where('apiTokens.id', '=', tokenId)
    .executeTakeFirst();
}

export async function markApiTokenRevoked(db: Db, tokenId: number, nowIso: string) {
  await db.updateTable('apiTokens').set({ revokedAt: nowIso }).where('id', '=', tokenId).execute();
}
