import type { SelectQueryBuilder } from 'kysely';
import { countRows } from './queries.js';

/** A page of a list's rows and how many rows the whole list has. */
export interface RowsPage<Row> {
  rows: Row[];
  total: number;
}

/**
 * Reads one page of a list and counts the whole list, at once. `ordered` is the list's query
 * with its columns and order; `matching` the same filter without columns (nor the joins the
 * columns need), which is what is counted. Pages are numbered from 1.
 */
export async function readPage<Row>(
  // biome-ignore lint/suspicious/noExplicitAny: any list of any table; the rows keep their type
  ordered: SelectQueryBuilder<any, any, Row>,
  // biome-ignore lint/suspicious/noExplicitAny: the count needs no column of the query
  matching: SelectQueryBuilder<any, any, unknown>,
  page: number,
  pageSize: number,
): Promise<RowsPage<Row>> {
  const [rows, total] = await Promise.all([
    ordered
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    countRows(matching),
  ]);
  return { rows, total };
}

/** A page of a list's items (its rows as the list shows them) and how many items the whole list has. */
export interface ItemsPage<Item> {
  items: Item[];
  total: number;
}

/**
 * A page of a list bounded by the caller's centres (nothing is read without a centre): its rows
 * become items through `itemsOf`, which may read what they name for the whole page at once.
 */
export async function readCentresPage<Row, Item>(
  centreIds: readonly number[],
  ordered: Parameters<typeof readPage<Row>>[0],
  matching: Parameters<typeof readPage>[1],
  page: number,
  pageSize: number,
  itemsOf: (rows: Row[]) => Item[] | Promise<Item[]>,
): Promise<ItemsPage<Item>> {
  if (centreIds.length === 0) return { items: [], total: 0 };
  const { rows, total } = await readPage(ordered, matching, page, pageSize);
  return { items: await itemsOf(rows), total };
}

/**
 * Every row of a query in the order of its `idColumn`, a batch at a time, each batch read after
 * the last id of the one before: for exports and scans that must not hold everything in memory,
 * and that a page offset would slow down.
 */
export async function* inIdBatches<Row extends { id: number }>(
  // biome-ignore lint/suspicious/noExplicitAny: any table's query with its columns; the rows keep their type
  query: SelectQueryBuilder<any, any, Row>,
  idColumn: string,
  size: number,
): AsyncGenerator<Row[]> {
  let afterId = 0;
  for (;;) {
    const rows = await query.where(idColumn, '>', afterId).orderBy(idColumn).limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    afterId = (rows[rows.length - 1] as Row).id;
  }
}
