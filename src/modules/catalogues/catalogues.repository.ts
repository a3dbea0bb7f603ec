/** The catalogues' SQL: one table per catalogue, named by its definition. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { prepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { CATALOGUES, type CatalogueDefinition, type CatalogueItem } from './catalogues.js';

type Db = Kysely<Database>;
// biome-ignore lint/suspicious/noExplicitAny: one path for the four catalogue tables; the callers are typed
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** The item's columns, and those of its booleans (stored as 0/1). */
const columnsOf = (definition: CatalogueDefinition) => Object.keys(definition.contract.item.shape);
const flagsOf = (definition: CatalogueDefinition) =>
  columnsOf(definition).filter((key) => definition.contract.item.shape[key] instanceof z.ZodBoolean);

function toItem<D extends CatalogueDefinition>(definition: D, row: Row): CatalogueItem<D> {
  const item = { ...row };
  for (const flag of flagsOf(definition)) item[flag] = row[flag] === 1;
  return item as CatalogueItem<D>;
}

/** The values as stored: booleans as 0/1. */
function toRow(definition: CatalogueDefinition, values: Row): Row {
  const row = { ...values };
  for (const flag of flagsOf(definition)) if (typeof row[flag] === 'boolean') row[flag] = row[flag] ? 1 : 0;
  return row;
}

function ordered<D extends CatalogueDefinition>(definition: D, rows: Row[]): CatalogueItem<D>[] {
  const items = rows.map((row) => toItem(definition, row));
  return definition.compare ? items.sort(definition.compare) : items;
}

function selectItems(db: Db, definition: CatalogueDefinition) {
  const query = (db as AnyDb).selectFrom(definition.table).select(columnsOf(definition));
  return definition.contract.sorted ? query.orderBy('sortOrder').orderBy('id') : query;
}

export async function listCatalogue<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  organisationId: number,
  onlyActive = false,
): Promise<CatalogueItem<D>[]> {
  let query = selectItems(db, definition).where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  return ordered(definition, await query.execute());
}

/** The catalogue of the organisation(s) these centres belong to. */
export async function catalogueOfCentres<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  centreIds: number[],
): Promise<CatalogueItem<D>[]> {
  if (centreIds.length === 0) return [];
  const organisations = db.selectFrom('centres').select('organisationId').where('id', 'in', centreIds);
  return ordered(definition, await selectItems(db, definition).where('organisationId', 'in', organisations).execute());
}

export async function findCatalogueItem<D extends CatalogueDefinition>(
  db: Db,
  definition: D,
  organisationId: number,
  id: number,
): Promise<CatalogueItem<D> | undefined> {
  const row = await selectItems(db, definition).where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row ? toItem(definition, row) : undefined;
}

export async function insertCatalogueItem(db: Db, definition: CatalogueDefinition, values: Row): Promise<number> {
  const row = await (db as AnyDb).insertInto(definition.table).values(toRow(definition, values)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCatalogueItem(db: Db, definition: CatalogueDefinition, id: number, changes: Row): Promise<void> {
  await (db as AnyDb).updateTable(definition.table).set(toRow(definition, changes)).where('id', '=', id).execute();
}

/** Gives values their new places: each its sort order. */
export async function setSortOrders(
  db: Db,
  definition: CatalogueDefinition,
  places: ReadonlyArray<{ id: number; sortOrder: number }>,
  stamp: string,
) {
  for (const { id, sortOrder } of places) {
    await (db as AnyDb).updateTable(definition.table).set({ sortOrder, updatedAt: stamp }).where('id', '=', id).execute();
  }
}

// Prepared, and the whole (small) active catalogue: every visit checks its topics.
const selectActiveIds = new Map(
  CATALOGUES.map(({ table }) => [
    table,
    prepared((db, p: { organisationId: number }) =>
      (db as AnyDb).selectFrom(table).select('id').where('organisationId', '=', p.organisationId).where('active', '=', 1),
    ),
  ]),
);

/** Which of `ids` are active values of the organisation's catalogue. */
export async function activeCatalogueIds(
  db: Db,
  definition: CatalogueDefinition,
  organisationId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const wanted = new Set(ids);
  const { rows } = await (selectActiveIds.get(definition.table) as NonNullable<ReturnType<typeof selectActiveIds.get>>)(db, {
    organisationId,
  });
  return new Set(rows.map((row) => row.id as number).filter((id) => wanted.has(id)));
}

/** Gives an organisation every default catalogue; the values it has already are left as they are. */
export async function seedDefaultCatalogues(db: Db, organisationId: number, now = new Date().toISOString()): Promise<void> {
  for (const definition of CATALOGUES) {
    const rows = definition.defaults.map((values, i) =>
      toRow(definition, {
        organisationId,
        ...values,
        active: 1,
        ...(definition.contract.sorted && { sortOrder: (i + 1) * 10 }),
        createdAt: now,
        updatedAt: now,
      }),
    );
    await (db as AnyDb)
      .insertInto(definition.table)
      .values(rows)
      .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
      .execute();
  }
}
