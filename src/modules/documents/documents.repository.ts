import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { DeadlineItem, IdentityDocument, Permit } from '../../contracts/documents.js';
import type { IdentityDocumentKind, PermitType, RenewalStatus } from '../../contracts/enums.js';
import { rowInCentres } from '../../db/queries.js';
import type { Database, IdentityDocumentsTable, ResidencePermitsTable } from '../../db/schema.js';
import { type DeadlineWindow, daysLeft, LISTED_RENEWAL_STATUSES } from '../../domain/deadlines.js';

type Db = Kysely<Database>;
export type PermitRow = Selectable<ResidencePermitsTable>;
export type IdentityDocumentRow = Selectable<IdentityDocumentsTable>;

export const toPermit = (row: PermitRow): Permit => ({
  ...row,
  permitType: row.permitType as PermitType,
  renewalStatus: row.renewalStatus as RenewalStatus,
  superseded: row.superseded === 1,
});

export const toIdentityDocument = (row: IdentityDocumentRow): IdentityDocument => ({ ...row, kind: row.kind as IdentityDocumentKind });

// --- a person's documents: permits and identity documents alike

export type DocumentTable = 'residencePermits' | 'identityDocuments';
// biome-ignore lint/suspicious/noExplicitAny: one query for both tables of documents; the callers are typed
type AnyDb = Kysely<any>;

/** A person's documents of one table, the latest expiry first (one without expiry before all). */
export async function documentsOf<T extends DocumentTable>(db: Db, table: T, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  const rows = await (db as AnyDb)
    .selectFrom(table)
    .selectAll()
    .where('personId', '=', personId)
    .where('centreId', 'in', centreIds)
    .orderBy(sql`case when expires_on is null then 0 else 1 end`)
    .orderBy('expiresOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows as Selectable<Database[T]>[];
}

/** One document of these centres, or undefined. */
export function documentIn<T extends DocumentTable>(db: Db, table: T, id: number, centreIds: number[]) {
  return rowInCentres(db, table, id, centreIds);
}

/** A new document; the row as stored. */
export async function insertDocument<T extends DocumentTable>(db: Db, table: T, values: Insertable<Database[T]>) {
  const row = await (db as AnyDb).insertInto(table).values(values).returningAll().executeTakeFirstOrThrow();
  return row as Selectable<Database[T]>;
}

// --- Scadenze

/**
 * Marks which permits of a person are superseded: another permit of theirs expires later, or
 * never (that newer permit is the one to watch); of two with the same expiry, or both without,
 * the later recorded is watched, so that the Scadenze page lists the deadline once. Run after
 * every write of the person's permits, so that the Scadenze page reads one index range and
 * looks at no other row.
 */
export async function markSupersededPermits(db: Db, personId: number): Promise<void> {
  await db
    .updateTable('residencePermits')
    .set({
      superseded: sql<number>`case when exists (
        select 1 from residence_permits newer
        where newer.person_id = residence_permits.person_id
          and newer.id <> residence_permits.id
          and (newer.expires_on > residence_permits.expires_on
            or (newer.expires_on = residence_permits.expires_on and newer.id > residence_permits.id)
            or (newer.expires_on is null and (residence_permits.expires_on is not null or newer.id > residence_permits.id)))
      ) then 1 else 0 end`,
    })
    .where('personId', '=', personId)
    .execute();
}

/**
 * The permits the Scadenze page watches, in the centres given: an expiry on or before the
 * window's end, a renewal still open (LISTED_RENEWAL_STATUSES), and not superseded. Read
 * through the (centre_id, expires_on) index; the reminders read the same permits.
 */
export function watchedPermits(db: Db, centreIds: readonly number[], until: string) {
  return db
    .selectFrom('residencePermits as rp')
    .where('rp.centreId', 'in', centreIds)
    .where('rp.expiresOn', 'is not', null)
    .where('rp.expiresOn', '<=', until)
    .where('rp.superseded', '=', 0)
    .where('rp.renewalStatus', 'in', LISTED_RENEWAL_STATUSES);
}

export type DeadlineList = 'expiring' | 'expired';

/**
 * One list of the Scadenze page, at most `limit` items: expiring soonest first, expired most
 * recently first (the index is read in that order and the read stops at the limit). The names
 * are joined to those items only, not to every permit of the range.
 */
export async function listDeadlines(
  db: Db,
  centreIds: number[],
  window: DeadlineWindow,
  list: DeadlineList,
  limit: number,
): Promise<DeadlineItem[]> {
  if (centreIds.length === 0) return [];
  const direction = list === 'expiring' ? 'asc' : 'desc';
  const page = watchedPermits(db, centreIds, window.until)
    .where('rp.expiresOn', list === 'expiring' ? '>=' : '<', window.today)
    .select([
      'rp.id',
      'rp.centreId',
      'rp.personId',
      'rp.permitType',
      'rp.number',
      'rp.expiresOn',
      'rp.renewalStatus',
      'rp.contactedOn',
      'rp.contactedBy',
      'rp.version',
    ])
    .orderBy('rp.expiresOn', direction)
    .orderBy('rp.id', direction)
    .limit(limit);
  const rows = await db
    .selectFrom(page.as('d'))
    .innerJoin('people as p', 'p.id', 'd.personId')
    .leftJoin('users as u', 'u.id', 'd.contactedBy')
    .selectAll('d')
    .select(['p.givenNames', 'p.familyNames', 'p.phone', 'u.displayName as contactedByName'])
    .orderBy('d.expiresOn', direction)
    .orderBy('d.id', direction)
    .execute();
  return rows.map((row): DeadlineItem => {
    const expiresOn = row.expiresOn as string;
    return {
      permitId: row.id,
      centreId: row.centreId,
      person: { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames },
      permitType: row.permitType as PermitType,
      number: row.number,
      expiresOn,
      daysLeft: daysLeft(expiresOn, window.today),
      renewalStatus: row.renewalStatus as RenewalStatus,
      phone: row.phone,
      contacted: row.contactedOn
        ? {
            on: row.contactedOn,
            by: row.contactedBy && row.contactedByName ? { id: row.contactedBy, displayName: row.contactedByName } : null,
          }
        : null,
      version: row.version,
    };
  });
}

/** How many permits each list of the Scadenze page holds, in one pass. */
export async function countDeadlines(db: Db, centreIds: number[], window: DeadlineWindow): Promise<{ expiring: number; expired: number }> {
  if (centreIds.length === 0) return { expiring: 0, expired: 0 };
  const row = await watchedPermits(db, centreIds, window.until)
    .select([
      sql<number>`count(case when rp.expires_on >= ${window.today} then 1 end)`.as('expiring'),
      sql<number>`count(case when rp.expires_on < ${window.today} then 1 end)`.as('expired'),
    ])
    .executeTakeFirstOrThrow();
  return { expiring: Number(row.expiring), expired: Number(row.expired) };
}
