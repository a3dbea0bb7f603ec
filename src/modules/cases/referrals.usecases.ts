/** A case's referrals: the person sent to another service, or sent by one. */
import type { ReferralCreateInput, ReferralUpdateInput } from '../../contracts/cases.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../auth/actor.js';
import { addPart, caseInScope, checkNotBeforeOpening, type Db, deletePart, owningCase, partInScope, savePart } from './case-access.js';
import type { CaseRow } from './cases.repository.js';
import { findReferral, insertReferral } from './referrals.repository.js';

/** A referral as case-access adds, saves and deletes it. */
const REFERRAL = { table: 'referrals', entity: 'referral', name: 'referral', find: findReferral, insert: insertReferral } as const;

/**
 * An outgoing referral is made during the case, not before it opened. An incoming one may
 * come first: another service sending the person is often why the case was opened.
 */
function checkReferralDate(owner: CaseRow, referral: { direction: string; referredOn: string }) {
  if (referral.direction === 'outgoing') checkNotBeforeOpening(owner, referral.referredOn, 'referredOn');
}

export async function addReferral(db: Db, actor: Actor, caseId: number, input: ReferralCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    checkReferralDate(owner, input);
    const referral = {
      caseId,
      direction: input.direction,
      service: input.service,
      serviceDetail: input.serviceDetail || null,
      referredOn: input.referredOn,
      reason: input.reason,
      status: input.status,
      notes: input.notes || null,
    };
    return addPart(trx, actor, REFERRAL, { owner, values: referral }, now);
  });
}

export async function updateReferral(db: Db, actor: Actor, id: number, input: ReferralUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, existing } = await partInScope(trx, actor, REFERRAL, id);
    const { version, ...fields } = input;
    // Checked when the date or the direction changes (a status update does not re-judge an old date).
    if (fields.referredOn !== undefined || fields.direction !== undefined) {
      checkReferralDate(owner, { direction: fields.direction ?? existing.direction, referredOn: fields.referredOn ?? existing.referredOn });
    }
    const changes: Record<string, unknown> = { ...fields };
    if (fields.serviceDetail !== undefined) changes.serviceDetail = fields.serviceDetail || null;
    if (fields.notes !== undefined) changes.notes = fields.notes || null;
    return savePart(trx, actor, REFERRAL, { owner, id, version, changes, before: existing }, now);
  });
}

export async function deleteReferral(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, REFERRAL, id);
    await deletePart(trx, actor, REFERRAL, { owner, id, version });
  });
}
