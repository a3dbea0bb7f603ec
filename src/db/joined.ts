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

// biome-ignore lint/suspicious/noExplicitAny: a select of any tables, for the joins below
type AnySelect = SelectQueryBuilder<any, any, any>;

/** The names of the person a row names, for personOf (null when it names none, or the person was erased). */
export interface PersonNames {
  givenNames: string | null;
  familyNames: string | null;
}

/** A query of rows and the names of the person each names in `column` ("table.personId"), for personOf. */
export function joinPersonNames<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: `${string}.personId`,
): SelectQueryBuilder<DB, TB, O & PersonNames> {
  const joined = (query as AnySelect).leftJoin('people', 'people.id', column).select(['people.givenNames', 'people.familyNames']);
  return joined as SelectQueryBuilder<DB, TB, O & PersonNames>;
}

/**
 * A query of rows and, as `alias`, the display name of the user each names in `column`
 * ("table.column": its author, publisher, linked account…), for userOf: null when none.
 */
export function joinUserName<DB, TB extends keyof DB, O, A extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: `${string}.${string}`,
  alias: A,
): SelectQueryBuilder<DB, TB, O & Record<A, string | null>> {
  const joined = (query as AnySelect).leftJoin('users', 'users.id', column).select(`users.displayName as ${alias}`);
  return joined as SelectQueryBuilder<DB, TB, O & Record<A, string | null>>;
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
  const withPerson = (query as AnySelect)
    .leftJoin('people', (join) => join.onRef('people.id', '=', `${table}.personId`).onRef('people.centreId', '=', `${table}.centreId`))
    .select(['people.givenNames', 'people.familyNames']);
  return joinUserName(withPerson, `${table}.operatorId`, 'operatorName');
}
