/** Organisations, centres, user accounts and API tokens: the administrator's work. */
import type { Kysely, Selectable } from 'kysely';
import type { User } from '../../contracts/auth.js';
import { orNotFound, requireOwned } from '../../db/queries.js';
import type { CentresTable, Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { PERMISSIONS, type Role } from '../../domain/permissions.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { deleteSessionsOf } from '../auth/auth.repository.js';
import { hashPassword, randomSecret, sha256 } from '../auth/secrets.js';
import { seedDefaultCatalogues } from '../catalogues/catalogues.repository.js';
import {
  centreIdsOfUser,
  deleteUserCentres,
  findApiToken,
  findCentreByCode,
  findTokenUser,
  findUserIdByEmail,
  findUserIdByFiscalCode,
  findUserOfOrganisation,
  findUserRow,
  firstOrganisationId,
  insertApiToken,
  insertCentre,
  insertOrganisation,
  insertUser,
  insertUserCentres,
  listApiTokenRows,
  listCentreRows,
  listColleagueRows,
  listUserRows,
  markApiTokenRevoked,
  updateUserRow,
} from './accounts.repository.js';
import { checkCentreComune } from './centres.usecases.js';

type Db = Kysely<Database>;

export const API_TOKEN_PREFIX = 'apd_';

export async function createOrganisation(db: Db, name: string, now = new Date().toISOString()): Promise<number> {
  const organisationId = await insertOrganisation(db, name, now);
  await seedDefaultCatalogues(db, organisationId, now);
  return organisationId;
}

/** Where a new centre is and how it is reached: each optional, set later in its settings. */
export interface CentrePlace {
  comuneIstat?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** A new centre; a comune the ISTAT list does not have is refused (400 on `comuneField`). */
export async function createCentre(
  db: Db,
  input: { organisationId: number; code: string; name: string } & CentrePlace,
  actor: Actor | null,
  comuneField = 'comuneIstat',
) {
  checkCentreComune(input.comuneIstat, comuneField);
  return inTransaction(db, async (trx) => {
    if (await findCentreByCode(trx, input.code)) throw conflict(`A centre with code ${input.code} exists already`);
    const centre = await insertCentre(trx, {
      organisationId: input.organisationId,
      code: input.code,
      name: input.name,
      comuneIstat: input.comuneIstat || null,
      address: input.address || null,
      phone: input.phone || null,
      email: input.email || null,
      createdAt: new Date().toISOString(),
    });
    await recordChange(trx, actor, 'create', 'centre', { id: centre.id, centreId: centre.id });
    return centre;
  });
}

/**
 * The centre with this code, created if missing, in the installation's first organisation
 * (created too on an empty database): what the command line and the demo start from.
 */
export async function ensureCentre(
  db: Db,
  input: { code: string; name: string; organisationName: string } & CentrePlace,
): Promise<{ centre: Selectable<CentresTable>; created: boolean }> {
  const existing = await findCentreByCode(db, input.code);
  if (existing) return { centre: existing, created: false };
  checkCentreComune(input.comuneIstat);
  const { code, name, organisationName, ...place } = input;
  const organisationId = (await firstOrganisationId(db)) ?? (await createOrganisation(db, organisationName));
  const centre = await createCentre(db, { organisationId, code, name, ...place }, null);
  return { centre, created: true };
}

export async function listCentres(db: Db, organisationId: number) {
  return listCentreRows(db, organisationId);
}

async function toUser(
  db: Db,
  row: {
    id: number;
    email: string;
    displayName: string;
    role: string;
    active: number;
    createdAt: string;
    fiscalCode: string | null;
    ssoSubject: string | null;
  },
): Promise<User> {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    active: row.active === 1,
    centreIds: await centreIdsOfUser(db, row.id),
    createdAt: row.createdAt,
    fiscalCode: row.fiscalCode,
    ssoBound: row.ssoSubject !== null,
  };
}

/** A codice fiscale names one user of the organisation: an identity provider's `fiscalNumber` finds that one. */
async function requireFreeFiscalCode(db: Db, organisationId: number, fiscalCode: string | null | undefined, exceptUserId?: number) {
  if (fiscalCode && (await findUserIdByFiscalCode(db, organisationId, fiscalCode, exceptUserId))) {
    throw conflict('Another user has this codice fiscale');
  }
}

export async function createUser(
  db: Db,
  input: {
    organisationId: number;
    email: string;
    displayName: string;
    role: Role;
    centreIds: number[];
    password?: string | undefined;
    fiscalCode?: string | null | undefined;
  },
  actor: Actor | null,
): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(db, async (trx) => {
    if (await findUserIdByEmail(trx, input.email)) throw conflict(`A user with e-mail ${input.email} exists already`);
    await requireFreeFiscalCode(trx, input.organisationId, input.fiscalCode);
    await requireOwned(trx, 'centres', input.organisationId, input.centreIds, 'centre');
    const now = new Date().toISOString();
    const user = await insertUser(trx, {
      organisationId: input.organisationId,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      fiscalCode: input.fiscalCode ?? null,
      role: input.role,
      active: 1,
      locale: 'it',
      createdAt: now,
      updatedAt: now,
    });
    await insertUserCentres(trx, user.id, [...new Set(input.centreIds)]);
    await recordChange(
      trx,
      actor,
      'create',
      'user',
      { id: user.id, centreId: null },
      { details: { role: input.role, centreIds: input.centreIds } },
    );
    return toUser(trx, user);
  });
}

export async function listUsers(db: Db, organisationId: number): Promise<User[]> {
  const rows = await listUserRows(db, organisationId);
  return Promise.all(rows.map((row) => toUser(db, row)));
}

/**
 * What an account change grants or takes away, for the audit log: administrators are
 * organisation-wide (decision 010), so every role and centre given, to others or to
 * themselves, is traceable.
 */
function grantsOf(roleBefore: string, role: Role | undefined, centresBefore: number[], centres: number[] | undefined, self: boolean) {
  const added = centres ? [...new Set(centres)].filter((id) => !centresBefore.includes(id)).sort((a, b) => a - b) : [];
  const removed = centres ? centresBefore.filter((id) => !centres.includes(id)) : [];
  return {
    ...(role !== undefined && role !== roleBefore && { role: { from: roleBefore, to: role } }),
    ...((added.length > 0 || removed.length > 0) && { centres: { added, removed } }),
    ...(self && { self: true }),
  };
}

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: number,
  input: { displayName?: string; role?: Role; centreIds?: number[]; active?: boolean; password?: string; fiscalCode?: string | null },
): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(findUserOfOrganisation(trx, userId, actor.organisationId), 'user');
    await requireFreeFiscalCode(trx, actor.organisationId, input.fiscalCode, userId);
    if (userId === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw conflict('You cannot deactivate yourself or drop your own administrator role');
    }
    await updateUserRow(trx, userId, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      ...(input.fiscalCode !== undefined && { fiscalCode: input.fiscalCode }),
      ...(passwordHash !== undefined && { passwordHash }),
      updatedAt: new Date().toISOString(),
    });
    const centresBefore = await centreIdsOfUser(trx, userId);
    if (input.centreIds) {
      await requireOwned(trx, 'centres', actor.organisationId, input.centreIds, 'centre');
      await deleteUserCentres(trx, userId);
      await insertUserCentres(trx, userId, [...new Set(input.centreIds)]);
    }
    if (input.active === false || passwordHash !== undefined) await deleteSessionsOf(trx, userId);
    await recordChange(
      trx,
      actor,
      'update',
      'user',
      { id: userId, centreId: null },
      {
        details: {
          fields: Object.keys(input),
          ...grantsOf(existing.role, input.role, centresBefore, input.centreIds, userId === actor.userId),
        },
      },
    );
    return toUser(trx, await findUserRow(trx, userId));
  });
}

export async function createApiToken(db: Db, input: { userId: number; name: string; organisationId?: number }, actor: Actor | null) {
  const user = await findTokenUser(db, input.userId);
  if (!user || (input.organisationId !== undefined && user.organisationId !== input.organisationId)) throw notFound('user');
  const token = randomSecret(API_TOKEN_PREFIX);
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const row = await insertApiToken(trx, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdBy: actor?.userId ?? null,
      createdAt: now,
    });
    // Whose token it is: a token for another user acts with that user's centres and role.
    await recordChange(trx, actor, 'create', 'api_token', { id: row.id, centreId: null }, { details: { forUserId: user.id } });
    return { ...row, userEmail: user.email, token };
  });
}

/** The tokens of an organisation's users, or of everyone (the command line), newest first. */
export async function listApiTokens(db: Db, organisationId?: number) {
  return listApiTokenRows(db, organisationId);
}

/** Revokes a token; `actor` null is the command line, which may revoke any token. */
export async function revokeApiToken(db: Db, actor: Actor | null, tokenId: number): Promise<void> {
  const token = await orNotFound(findApiToken(db, tokenId, actor?.organisationId), 'token');
  if (token.revokedAt) return;
  await inTransaction(db, async (trx) => {
    await markApiTokenRevoked(trx, tokenId, new Date().toISOString());
    await recordChange(trx, actor, 'delete', 'api_token', { id: tokenId, centreId: null });
  });
}

export interface ColleagueFilter {
  /** Only these of the actor's centres (all of the actor's when not said). */
  centreIds?: readonly number[];
  /** Only who may be given work on a case: active accounts that may write personal data. */
  assignable?: boolean;
}

/**
 * The users of the actor's centres, by name: everyone (for filters: who recorded a visit), or
 * only those who may be given work (responsible for a case, assigned an action). Not for
 * account management.
 */
export async function listColleagues(db: Db, actor: Actor, filter: ColleagueFilter = {}) {
  const centreIds = (filter.centreIds ?? actor.centreIds).filter((id) => actor.centreIds.includes(id));
  if (centreIds.length === 0) return [];
  const rows = await listColleagueRows(db, centreIds, filter.assignable ? PERMISSIONS['personal.write'] : undefined);
  // Sorted here: SQLite and PostgreSQL collate names differently.
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'it') || a.id - b.id);
}
