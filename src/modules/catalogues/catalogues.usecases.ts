/**
 * The catalogues, one per organisation, managed by the coordinator (catalogues.manage): values
 * are added, renamed, reordered, deactivated, never deleted (past records keep theirs).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { CatalogueDefinition, CatalogueItem } from './catalogues.js';
import { findCatalogueItem, insertCatalogueItem, listCatalogue, updateCatalogueItem } from './catalogues.repository.js';

type Db = Kysely<Database>;
type Input = Record<string, unknown>;

async function getItem<D extends CatalogueDefinition>(db: Db, definition: D, actor: Actor, id: number): Promise<CatalogueItem<D>> {
  const item = await findCatalogueItem(db, definition, actor.organisationId, id);
  if (!item) throw notFound(definition.name);
  return item;
}

export async function catalogueFor<D extends CatalogueDefinition>(db: Db, definition: D, actor: Actor, onlyActive: boolean) {
  return listCatalogue(db, definition, actor.organisationId, onlyActive);
}

export async function createCatalogueItem<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  actor: Actor,
  input: Input,
): Promise<CatalogueItem<D>> {
  const existing: Input[] = await listCatalogue(db, definition, actor.organisationId);
  if (existing.some((item) => item.code === input.code)) throw conflict(definition.duplicate(String(input.code)));
  const now = new Date().toISOString();
  // A new value goes last unless told otherwise.
  const sortOrder = input.sortOrder ?? Math.max(0, ...existing.map((item) => Number(item.sortOrder))) + 10;
  const id = await inTransaction(db, async (trx) => {
    const created = await insertCatalogueItem(trx, definition, {
      organisationId: actor.organisationId,
      ...input,
      ...(definition.contract.sorted && { sortOrder }),
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: definition.auditEntity, entityId: created });
    return created;
  });
  return getItem(db, definition, actor, id);
}

export async function updateCatalogueItemFor<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  actor: Actor,
  id: number,
  input: Input,
): Promise<CatalogueItem<D>> {
  await inTransaction(db, async (trx) => {
    const existing: Input = await getItem(trx, definition, actor, id);
    await updateCatalogueItem(trx, definition, id, { ...input, updatedAt: new Date().toISOString() });
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: definition.auditEntity,
      entityId: id,
      // The fields whose value changed, not every field sent.
      details: { fields: Object.keys(input).filter((key) => input[key] !== existing[key]) },
    });
  });
  return getItem(db, definition, actor, id);
}
