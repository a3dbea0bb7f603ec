/** What a repository makes of the rows it read: the names a join brought, rows grouped by their owner. */
import type { SelectQueryBuilder } from 'kysely';

/** The person a row names, or null when it names none (or the person was erased: no names). */
export const personOf = (row: { personId: number | null; givenNames: string | null; familyNames: string | null }) =>
  row.personId !== null && row.givenNames !== null
    ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
    : null;

/** The user a row names (its operator, author, responsible…), or null. */
export const userOf = (id: number | null, displayName: string | null) => (id !== null ? { id, displayName: displayName ?? '' } : null);

/** The rows grouped by `key` (their case, goal, meeting…), each made into `item` (the row itself by default), in their order. */
export function groupBy<Row, Item = Row>(rows: readonly Row[], key: (row: Row) => number, item?: (row: Row) => Item): Map<number, Item[]> {
  const groups = new Map<number, Item[]>();
  for (const row of rows) {
    const value = item ? item(row) : (row as unknown as Item);
    const list = groups.get(key(row));
    if (list) list.push(value);
    else groups.set(key(row), [value]);
  }
  return groups;
}

/**
 * The rows of these owners (their case, staff member, meeting…) read by `read` and grouped as
 * `groupBy` does; no owners, no query.
 */
export async function groupsOf<Row, Item = Row>(
  ownerIds: readonly number[],
  read: (ownerIds: readonly number[]) => Promise<Row[]>,
  key: (row: Row) => number,
  item?: (row: Row) => Item,
): Promise<Map<number, Item[]>> {
  if (ownerIds.length === 0) return new Map();
  return groupBy(await read(ownerIds), key, item);
}

/** The names a centre's record shows beside its own columns: its person's and its operator's. */
export interface PersonAndOperatorNames {
  givenNames: string | null;
  familyNames: string | null;
  operatorName: string | null;
}

/**
 * A centre's records (`table`, with personId and operatorId) with the names they show, for
 * personOf and userOf: the person's only where the person belongs to the record's own centre
 * (always, by construction), and the operator's.
 */
export function withPersonAndOperator<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  table: TB & string,
): SelectQueryBuilder<DB, TB, O & PersonAndOperatorNames> {
  // biome-ignore lint/suspicious/noExplicitAny: the joined tables are named by the caller's table
  const joined = (query as SelectQueryBuilder<any, any, O>)
    .leftJoin('people', (join) => join.onRef('people.id', '=', `${table}.personId`).onRef('people.centreId', '=', `${table}.centreId`))
    .leftJoin('users', 'users.id', `${table}.operatorId`)
    .select(['people.givenNames', 'people.familyNames', 'users.displayName as operatorName']);
  return joined as unknown as SelectQueryBuilder<DB, TB, O & PersonAndOperatorNames>;
}
