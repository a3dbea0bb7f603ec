/**
 * The application-type catalogue, one per organisation, managed by the coordinator
 * (catalogues.manage): rules, transactions, audit.
 */
import type { Kysely } from 'kysely';
import type { ApplicationType, ApplicationTypeCreateInput, ApplicationTypeUpdateInput } from '../../contracts/activities.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import {
  findApplicationType,
  insertApplicationType,
  listApplicationTypes,
  updateApplicationTypeRow,
} from './application-types.repository.js';

type Db = Kysely<Database>;

async function getApplicationType(db: Db, actor: Actor, id: number): Promise<ApplicationType> {
  const type = await findApplicationType(db, actor.organisationId, id);
  if (!type) throw notFound('application type');
  return type;
}

export async function createApplicationType(db: Db, actor: Actor, input: ApplicationTypeCreateInput): Promise<ApplicationType> {
  const existing = await listApplicationTypes(db, actor.organisationId);
  if (existing.some((type) => type.code === input.code)) {
    throw conflict(`An application type with code ${input.code} exists already`);
  }
  const now = new Date().toISOString();
  // A new type goes last unless told otherwise.
  const sortOrder = input.sortOrder ?? Math.max(0, ...existing.map((type) => type.sortOrder)) + 10;
  const id = await inTransaction(db, async (trx) => {
    const created = await insertApplicationType(trx, {
      organisationId: actor.organisationId,
      code: input.code,
      labelIt: input.labelIt,
      labelEn: input.labelEn,
      level: input.level,
      anagrafe: input.anagrafe ? 1 : 0,
      active: 1,
      sortOrder,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'application_type', entityId: created });
    return created;
  });
  return getApplicationType(db, actor, id);
}

/** Renames, reorders, corrects or deactivates a type. Types are never deleted: past applications keep theirs. */
export async function updateApplicationType(db: Db, actor: Actor, id: number, input: ApplicationTypeUpdateInput): Promise<ApplicationType> {
  const { active, anagrafe, ...rest } = input;
  await inTransaction(db, async (trx) => {
    const existing = await getApplicationType(trx, actor, id);
    await updateApplicationTypeRow(trx, id, {
      ...rest,
      ...(active !== undefined && { active: active ? 1 : 0 }),
      ...(anagrafe !== undefined && { anagrafe: anagrafe ? 1 : 0 }),
      updatedAt: new Date().toISOString(),
    });
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'application_type',
      entityId: id,
      // The fields whose value changed, not every field sent.
      details: { fields: (Object.keys(input) as Array<keyof typeof input>).filter((key) => input[key] !== existing[key]) },
    });
  });
  return getApplicationType(db, actor, id);
}

export async function applicationTypesFor(db: Db, actor: Actor, onlyActive: boolean): Promise<ApplicationType[]> {
  return listApplicationTypes(db, actor.organisationId, onlyActive);
}
