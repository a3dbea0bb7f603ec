/** Small query shapes that every area's repository needs: one home for each. */
import type { ExpressionBuilder, Insertable, Kysely, Selectable, SelectQueryBuilder, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { notFound } from '../errors/index.js';
import { joinUserName } from './joined.js';
import type { Database } from './schema.js';

// biome-ignore lint/suspicious/noExplicitAny: helpers for any table; the callers are typed
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: a select of any table
type AnySelect = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: the expressions of any query, for a subquery of any table
type AnyExpressions = ExpressionBuilder<any, any>;

/** The row a read found: 404 `entity` when there is none (another centre's row is not found either). */
export async function orNotFound<T>(read: Promise<T | undefined | null>, entity: string): Promise<T> {
  const row = await read;
  if (row === undefined || row === null) throw notFound(entity);
  return row;
}

/** How many rows a query finds (a query without columns: its tables, joins and filters). */
export async function countRows(query: AnySelect): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many rows of `table` go with the outer query's row, those whose `column` ("table.column")
 * equals the outer `outerColumn` (its id, its centre…): a subquery to select `.as(…)`, which the
 * caller may filter further.
 */
export function relatedCount<DB, TB extends keyof DB, T extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  table: T,
  column: `${T}.${string}`,
  outerColumn: `${string}.${string}`,
): SelectQueryBuilder<DB, TB | T, { n: number }> {
  const from: AnySelect = (eb as AnyExpressions).selectFrom(table);
  const related = from.select((sub) => sub.fn.countAll<number>().as('n')).whereRef(column, '=', outerColumn);
  return related as SelectQueryBuilder<DB, TB | T, { n: number }>;
}

/** A period of calendar dates, both ends included; either end may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

/** What a centre's list or figures read: the centres (the actor's, or one of them) and a period. */
export interface PeriodFilter extends DateRange {
  centreIds: number[];
}

/** Keeps the rows whose date `column` ("table.column") falls in the range: ISO dates compare as text. */
export function withinDates<Query extends AnySelect>(query: Query, column: `${string}.${string}`, range: DateRange): Query {
  let within: AnySelect = query;
  if (range.from) within = within.where(column, '>=', range.from);
  if (range.to) within = within.where(column, '<=', range.to);
  return within as Query;
}

/** The rows of `table` in these centres whose date `dateColumn` falls in the period. */
export function inCentresAndPeriod<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  dateColumn: keyof Database[T] & string,
  filter: PeriodFilter,
  // biome-ignore lint/complexity/noBannedTypes: Kysely's own type of a query with no columns yet
): SelectQueryBuilder<Database, T, {}> {
  const inCentres: AnySelect = (db as AnyDb).selectFrom(table as string).where(`${table as string}.centreId`, 'in', filter.centreIds);
  return withinDates(inCentres, `${table}.${dateColumn}`, filter);
}

/** The tables of records that belong to an owner (a centre, an organisation), each with its owner's column. */
const OWNER_COLUMN = { people: 'centreId', cases: 'centreId', centres: 'organisationId' } as const;

/**
 * The ids without repeats, each one a row of `table` that `ownerId` owns (the people an event
 * lists, the cases a consultation discussed, the centres given to a user of the organisation):
 * any other answers 404 `entity`, as if it did not exist.
 */
export async function requireOwned(
  db: Kysely<Database>,
  table: keyof typeof OWNER_COLUMN,
  ownerId: number,
  ids: readonly number[],
  entity: string,
): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await (db as AnyDb)
    .selectFrom(table)
    .select('id')
    .where('id', 'in', unique)
    .where(OWNER_COLUMN[table], '=', ownerId)
    .execute();
  if (rows.length !== unique.length) throw notFound(entity);
  return unique;
}

/** requireOwned for the records of a centre (its people, its cases). */
export function requireOfCentre(db: Kysely<Database>, table: 'people' | 'cases', centreId: number, ids: readonly number[], entity: string) {
  return requireOwned(db, table, centreId, ids, entity);
}

/**
 * Keeps the rows whose columns ("table.column") equal the values given. A value not given
 * (undefined, or empty) filters nothing: the optional filters of a list.
 */
export function whereEqual<Query extends AnySelect>(
  query: Query,
  equal: Record<`${string}.${string}`, string | number | undefined>,
): Query {
  let matching: AnySelect = query;
  for (const [column, value] of Object.entries(equal)) if (value) matching = matching.where(column, '=', value);
  return matching as Query;
}

/**
 * Keeps the rows (`ownerId`, "table.id") that `table` links to `linkedId`: the visits about a
 * topic, the meetings with an organisation, the cases naming a person. No id filters nothing.
 */
export function whereLinked<Query extends AnySelect>(
  query: Query,
  table: keyof typeof LINKS | 'caseMembers',
  ownerId: `${string}.id`,
  linkedId: number | undefined,
): Query {
  if (!linkedId) return query;
  const { owner, linked } = table === 'caseMembers' ? { owner: 'caseId', linked: 'personId' } : LINKS[table];
  const filtered: AnySelect = query.where((eb) =>
    eb.exists(
      eb
        .selectFrom(table)
        .select(`${table}.${owner}`)
        .whereRef(`${table}.${owner}`, '=', ownerId)
        .where(`${table}.${linked}`, '=', linkedId),
    ),
  );
  return filtered as Query;
}

/** The tables that link a record to the ones it names, and the two columns of each. */
const LINKS = {
  eventParticipants: { owner: 'eventId', linked: 'personId' },
  legalConsultationCases: { owner: 'consultationId', linked: 'caseId' },
  networkMeetingOrganisations: { owner: 'meetingId', linked: 'networkOrganisationId' },
  visitTopics: { owner: 'visitId', linked: 'topicId' },
} as const;

/** A table of links between a record and the records it names (an event's participants…). */
export type LinkTable = keyof typeof LINKS;

/** The records named by `ownerId` become exactly `linkedIds` (the old links are deleted). */
export async function replaceLinks(db: Kysely<Database>, table: LinkTable, ownerId: number, linkedIds: readonly number[]) {
  const { owner, linked } = LINKS[table];
  await (db as AnyDb).deleteFrom(table).where(owner, '=', ownerId).execute();
  if (linkedIds.length === 0) return;
  await (db as AnyDb)
    .insertInto(table)
    .values(linkedIds.map((id) => ({ [owner]: ownerId, [linked]: id })))
    .execute();
}

/**
 * Every column of a table's rows, and as `alias` the display name of the user its `column` names
 * (its author, creator…; null when none): the select a repository then filters and orders.
 */
export function withUserName<T extends keyof Database & string, A extends string>(
  db: Kysely<Database>,
  table: T,
  column: keyof Database[T] & string,
  alias: A,
): SelectQueryBuilder<Database, T, Selectable<Database[T]> & Record<A, string | null>> {
  const name = table as string;
  const rows: AnySelect = (db as AnyDb).selectFrom(name).selectAll(name);
  return joinUserName(rows, `${name}.${column}`, alias) as AnySelect;
}

/**
 * Writes the one row a table keeps for each `key` (an organisation's settings, a user's
 * preference; or the columns of a key of several, as the mapping an organisation saved for a
 * register's headers): inserted the first time, its other columns replaced after, in one
 * statement (a second writer meanwhile updates the row the first inserted).
 */
export async function saveRowByKey<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  key: KeyColumn<T> | readonly KeyColumn<T>[],
  row: Insertable<Database[T]>,
): Promise<void> {
  const keys: string[] = typeof key === 'string' ? [key] : [...key];
  const changes = Object.fromEntries(Object.entries(row).filter(([column]) => !keys.includes(column)));
  await (db as AnyDb)
    .insertInto(table as string)
    .values(row)
    .onConflict((conflict) => conflict.columns(keys).doUpdateSet(changes))
    .execute();
}

/** A column of a table's key (one column, or one of several: an organisation's mapping of a register's headers). */
type KeyColumn<T extends keyof Database> = keyof Insertable<Database[T]> & string;

/** The tables of single-use secrets (a recovery code, a setup link): a row is used once, at `usedAt`. */
type SingleUseTable = 'recoveryCodes' | 'setupTokens';

/** An update of a single-use table's rows, which the caller narrows. */
type SingleUseUpdate<T extends SingleUseTable> = UpdateQueryBuilder<Database, T, T, UpdateResult>;

/**
 * Spends a single-use row: the unused rows of `table` that `which` keeps (its code, its live
 * link) marked used now, in one statement (two requests cannot both use one); whether there was one.
 */
export async function spendOnce<T extends SingleUseTable>(
  db: Kysely<Database>,
  table: T,
  nowIso: string,
  which: (rows: SingleUseUpdate<T>) => SingleUseUpdate<T>,
): Promise<boolean> {
  const unused = (db as AnyDb)
    .updateTable(table as string)
    .set({ usedAt: nowIso })
    .where('usedAt', 'is', null);
  const result = await which(unused as unknown as SingleUseUpdate<T>).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The tables whose rows a centre keeps (a `centreId` column). */
export type CentreTable = { [T in keyof Database]: Database[T] extends { centreId: unknown } ? T : never }[keyof Database];

/**
 * The row of `table` with this id, if one of these centres keeps it (undefined otherwise, and
 * without any centre): its `columns`, or all of them.
 */
export function rowInCentres<T extends CentreTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  centreIds: readonly number[],
): Promise<Selectable<Database[T]> | undefined>;
export function rowInCentres<T extends CentreTable, C extends keyof Selectable<Database[T]> & string>(
  db: Kysely<Database>,
  table: T,
  id: number,
  centreIds: readonly number[],
  columns: readonly C[],
): Promise<Pick<Selectable<Database[T]>, C> | undefined>;
export async function rowInCentres(
  db: Kysely<Database>,
  table: CentreTable,
  id: number,
  centreIds: readonly number[],
  columns?: readonly string[],
) {
  if (centreIds.length === 0) return undefined;
  const query: AnySelect = (db as AnyDb).selectFrom(table);
  return (columns ? query.select(columns) : query.selectAll()).where('id', '=', id).where('centreId', 'in', centreIds).executeTakeFirst();
}
