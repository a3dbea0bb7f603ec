/** Privacy notices given to people and erasure requests decided: all the SQL. */
import type { Insertable, Kysely, SelectQueryBuilder } from 'kysely';
import type { ErasureOutcome, ErasureRequest, NoticeLanguage, PrivacyNotice } from '../../contracts/privacy.js';
import { userOf } from '../../db/joined.js';
import { type ItemsPage, readCentresPage } from '../../db/paging.js';
import { withUserName } from '../../db/queries.js';
import type { Database, ErasureRequestsTable, PrivacyNoticesTable } from '../../db/schema.js';

type Db = Kysely<Database>;

// --- privacy notices

/** The notices, with the name of who gave each. */
const noticesQuery = (db: Db) => withUserName(db, 'privacyNotices', 'givenBy', 'givenByName');

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticesQuery>['executeTakeFirstOrThrow']>>;

const toNotice = ({ givenBy, givenByName, language, ...row }: NoticeRow): PrivacyNotice => ({
  ...row,
  language: language as NoticeLanguage,
  givenBy: userOf(givenBy, givenByName),
});

/** A person's notices in these centres, the latest given first. */
export async function noticesOf(db: Db, personId: number, centreIds: readonly number[]): Promise<PrivacyNotice[]> {
  if (centreIds.length === 0) return [];
  const rows = await noticesQuery(db)
    .where('privacyNotices.personId', '=', personId)
    .where('privacyNotices.centreId', 'in', centreIds)
    .orderBy('privacyNotices.givenOn', 'desc')
    .orderBy('privacyNotices.id', 'desc')
    .execute();
  return rows.map(toNotice);
}

/** One notice of these centres, or undefined. */
export async function noticeIn(db: Db, id: number, centreIds: readonly number[]): Promise<PrivacyNotice | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await noticesQuery(db)
    .where('privacyNotices.id', '=', id)
    .where('privacyNotices.centreId', 'in', centreIds)
    .executeTakeFirst();
  return row && toNotice(row);
}

export async function insertNotice(db: Db, values: Insertable<PrivacyNoticesTable>): Promise<number> {
  const { id } = await db.insertInto('privacyNotices').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteNoticeRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('privacyNotices').where('id', '=', id).execute();
}

/** The notice version a centre gives today (its setting). */
export async function currentNoticeVersion(db: Db, centreId: number): Promise<string> {
  const row = await db.selectFrom('centres').select('privacyNoticeVersion').where('id', '=', centreId).executeTakeFirstOrThrow();
  return row.privacyNoticeVersion;
}

// --- erasure requests

/** The requests, with the name of who decided each. */
const requestsQuery = (db: Db) => withUserName(db, 'erasureRequests', 'decidedBy', 'decidedByName');

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

const toRequest = ({ decidedBy, decidedByName, outcome, ...row }: RequestRow): ErasureRequest => ({
  ...row,
  outcome: outcome as ErasureOutcome,
  decidedBy: userOf(decidedBy, decidedByName),
});

/** Records a decided request; the request as stored. */
export async function insertErasureRequest(db: Db, values: Insertable<ErasureRequestsTable>): Promise<ErasureRequest> {
  const { id } = await db.insertInto('erasureRequests').values(values).returning('id').executeTakeFirstOrThrow();
  return toRequest(await requestsQuery(db).where('erasureRequests.id', '=', id).executeTakeFirstOrThrow());
}

export interface ErasureRequestFilter {
  centreIds: readonly number[];
  outcome?: ErasureOutcome;
}

/** The requests of a query that are the filter's. */
function matchingRequests<Row>(query: SelectQueryBuilder<Database, 'erasureRequests', Row>, { centreIds, outcome }: ErasureRequestFilter) {
  return query
    .where('erasureRequests.centreId', 'in', centreIds)
    .$if(outcome !== undefined, (matching) => matching.where('erasureRequests.outcome', '=', outcome as ErasureOutcome));
}

/** A page of the centres' erasure requests, the latest decided first. */
export async function erasureRequestsPage(
  db: Db,
  filter: ErasureRequestFilter,
  page: number,
  pageSize: number,
): Promise<ItemsPage<ErasureRequest>> {
  return readCentresPage(
    filter.centreIds,
    matchingRequests(requestsQuery(db), filter).orderBy('erasureRequests.decidedAt', 'desc').orderBy('erasureRequests.id', 'desc'),
    matchingRequests(db.selectFrom('erasureRequests'), filter),
    page,
    pageSize,
    (rows) => rows.map(toRequest),
  );
}
