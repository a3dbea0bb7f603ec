/** Privacy notices given to people and erasure requests decided: all the SQL. */
import type { Insertable, Kysely, SelectQueryBuilder } from 'kysely';
import type { ErasureOutcome, ErasureRequest, NoticeLanguage, PrivacyNotice } from '../../contracts/privacy.js';
import { userOf } from '../../db/joined.js';
import { type ItemsPage, readCentresPage } from '../../db/paging.js';
import type { Database, ErasureRequestsTable, PrivacyNoticesTable } from '../../db/schema.js';

type Db = Kysely<Database>;

// --- privacy notices

type NoticesQuery = SelectQueryBuilder<Database, 'privacyNotices', object>;

/** The notices a query finds, with the name of who gave each. */
function withGiver(query: NoticesQuery) {
  return query
    .leftJoin('users', 'users.id', 'privacyNotices.givenBy')
    .selectAll('privacyNotices')
    .select('users.displayName as givenByName');
}

type NoticeRow = Awaited<ReturnType<ReturnType<typeof withGiver>['executeTakeFirstOrThrow']>>;

const toNotice = ({ givenBy, givenByName, language, ...row }: NoticeRow): PrivacyNotice => ({
  ...row,
  language: language as NoticeLanguage,
  givenBy: userOf(givenBy, givenByName),
});

/** A person's notices in these centres, the latest given first. */
export async function noticesOf(db: Db, personId: number, centreIds: readonly number[]): Promise<PrivacyNotice[]> {
  if (centreIds.length === 0) return [];
  const rows = await withGiver(db.selectFrom('privacyNotices'))
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
  const row = await withGiver(db.selectFrom('privacyNotices'))
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

type RequestsQuery = SelectQueryBuilder<Database, 'erasureRequests', object>;

/** The requests a query finds, with the name of who decided each. */
function withDecider(query: RequestsQuery) {
  return query
    .leftJoin('users', 'users.id', 'erasureRequests.decidedBy')
    .selectAll('erasureRequests')
    .select('users.displayName as decidedByName');
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof withDecider>['executeTakeFirstOrThrow']>>;

const toRequest = ({ decidedBy, decidedByName, outcome, ...row }: RequestRow): ErasureRequest => ({
  ...row,
  outcome: outcome as ErasureOutcome,
  decidedBy: userOf(decidedBy, decidedByName),
});

/** Records a decided request; the request as stored. */
export async function insertErasureRequest(db: Db, values: Insertable<ErasureRequestsTable>): Promise<ErasureRequest> {
  const { id } = await db.insertInto('erasureRequests').values(values).returning('id').executeTakeFirstOrThrow();
  return toRequest(await withDecider(db.selectFrom('erasureRequests').where('erasureRequests.id', '=', id)).executeTakeFirstOrThrow());
}

export interface ErasureRequestFilter {
  centreIds: readonly number[];
  outcome?: ErasureOutcome;
}

/** A page of the centres' erasure requests, the latest decided first. */
export async function erasureRequestsPage(
  db: Db,
  filter: ErasureRequestFilter,
  page: number,
  pageSize: number,
): Promise<ItemsPage<ErasureRequest>> {
  const { centreIds, outcome } = filter;
  const matching = db
    .selectFrom('erasureRequests')
    .where('erasureRequests.centreId', 'in', centreIds)
    .$if(outcome !== undefined, (query) => query.where('erasureRequests.outcome', '=', outcome as ErasureOutcome));
  return readCentresPage(
    centreIds,
    withDecider(matching).orderBy('erasureRequests.decidedAt', 'desc').orderBy('erasureRequests.id', 'desc'),
    matching,
    page,
    pageSize,
    (rows) => rows.map(toRequest),
  );
}
