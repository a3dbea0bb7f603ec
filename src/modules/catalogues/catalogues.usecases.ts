/**
 * The catalogues, one per organisation, managed by the coordinator (catalogues.manage): values
 * are added, renamed, reordered, deactivated, never deleted (past records keep theirs).
 */
import type { Kysely } from 'kysely';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields } from '../../db/versioned.js';
import { conflict } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { CatalogueDefinition, CatalogueItem } from './catalogues.js';
import { findCatalogueItem, insertCatalogueItem, listCatalogue, setSortOrders, updateCatalogueItem } from './catalogues.repository.js';

type Db = Kysely<Database>;
type Input = Record<string, unknown>;

async function getItem<D extends CatalogueDefinition>(db: Db, definition: D, actor: Actor, id: number): Promise<CatalogueItem<D>> {
  return orNotFound(findCatalogueItem(db, definition, actor.organisationId, id), definition.name);
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
    await recordChange(trx, actor, 'create', definition.auditEntity, { id: created, centreId: null });
    return created;
  });
  return getItem(db, definition, actor, id);
}

/**
 * Moves a value of a sorted catalogue to `position` (1 is the first; past the end is the last)
 * and shifts the others, renumbering the places 10, 20, 30…: one change, in the caller's
 * transaction, where the web app used to swap two values by two requests.
 */
async function moveToPosition(db: Db, definition: CatalogueDefinition, actor: Actor, id: number, position: number, stamp: string) {
  const values: Input[] = await listCatalogue(db, definition, actor.organisationId);
  const ids = values.map((value) => Number(value.id)).filter((other) => other !== id);
  ids.splice(Math.min(Math.max(position, 1), ids.length + 1) - 1, 0, id);
  const before = new Map(values.map((value) => [Number(value.id), Number(value.sortOrder)]));
  const places = ids.map((valueId, index) => ({ id: valueId, sortOrder: (index + 1) * 10 }));
  await setSortOrders(
    db,
    definition,
    places.filter((place) => place.sortOrder !== before.get(place.id)),
    stamp,
  );
}

export async function updateCatalogueItemFor<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  actor: Actor,
  id: number,
  input: Input,
): Promise<CatalogueItem<D>> {
  // `position` (a sorted catalogue's place to move the value to) is no column: it moves the value.
  const { position, ...changes } = input;
  await inTransaction(db, async (trx) => {
    const existing: Input = await getItem(trx, definition, actor, id);
    const stamp = new Date().toISOString();
    await updateCatalogueItem(trx, definition, id, { ...changes, updatedAt: stamp });
    if (position !== undefined && definition.contract.sorted) await moveToPosition(trx, definition, actor, id, Number(position), stamp);
    await recordChange(
      trx,
      actor,
      'update',
      definition.auditEntity,
      { id, centreId: null },
      {
        // The fields whose value changed, not every field sent.
        details: { fields: changedFields(input, existing) },
      },
    );
  });
  return getItem(db, definition, actor, id);
}
