import type { SelectQueryBuilder } from 'kysely';

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
  const [rows, count] = await Promise.all([
    ordered
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
