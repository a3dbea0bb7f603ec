/** A case's referrals (to and from other services) in SQL. */
import type { Kysely, Selectable } from 'kysely';
import type { Referral } from '../../contracts/cases.js';
import type { ReferralDirection, ReferralService, ReferralStatus } from '../../contracts/enums.js';
import { groupsOf } from '../../db/joined.js';
import type { Database, ReferralsTable } from '../../db/schema.js';
import { insertVersioned, type NewVersioned } from '../../db/versioned.js';

type Db = Kysely<Database>;

function toReferral(row: Selectable<ReferralsTable>): Referral {
  return {
    id: row.id,
    caseId: row.caseId,
    direction: row.direction as ReferralDirection,
    service: row.service as ReferralService,
    serviceDetail: row.serviceDetail,
    referredOn: row.referredOn,
    reason: row.reason,
    status: row.status as ReferralStatus,
    notes: row.notes,
    version: row.version,
  };
}

export async function findReferral(db: Db, id: number): Promise<Referral | undefined> {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReferral(row) : undefined;
}

/** The referrals of each case, the latest first. */
export function referralsOf(db: Db, caseIds: number[]): Promise<Map<number, Referral[]>> {
  return groupsOf(
    caseIds,
    (ids) =>
      db.selectFrom('referrals').selectAll().where('caseId', 'in', ids).orderBy('referredOn', 'desc').orderBy('id', 'desc').execute(),
    (row) => row.caseId,
    toReferral,
  );
}

export function insertReferral(db: Db, referral: NewVersioned<'referrals'>, stamp: string): Promise<number> {
  return insertVersioned(db, 'referrals', referral, stamp);
}
