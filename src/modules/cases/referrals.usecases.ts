/** A case's referrals: the person sent to another service, or sent by one. */
import type { ReferralCreateInput, ReferralUpdateInput } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, saveChanges } from '../../db/versioned.js';
import type { Actor } from '../auth/actor.js';
import { audit, caseInScope, checkNotBeforeOpening, type Db, owningCase } from './case-access.js';
import type { CaseRow } from './cases.repository.js';
import { findReferral, insertReferral } from './referrals.repository.js';

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
    const id = await insertReferral(
      trx,
      {
        caseId,
        direction: input.direction,
        service: input.service,
        serviceDetail: input.serviceDetail || null,
        referredOn: input.referredOn,
        reason: input.reason,
        status: input.status,
        notes: input.notes || null,
      },
      now.toISOString(),
    );
    await audit(trx, actor, 'create', 'referral', id, owner.centreId, { caseId }, now);
    return orNotFound(findReferral(trx, id), 'referral');
  });
}

export async function updateReferral(db: Db, actor: Actor, id: number, input: ReferralUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    const existing = await orNotFound(findReferral(trx, id), 'referral');
    const { version, ...fields } = input;
    // Checked when the date or the direction changes (a status update does not re-judge an old date).
    if (fields.referredOn !== undefined || fields.direction !== undefined) {
      checkReferralDate(owner, { direction: fields.direction ?? existing.direction, referredOn: fields.referredOn ?? existing.referredOn });
    }
    const changes: Record<string, unknown> = { ...fields };
    if (fields.serviceDetail !== undefined) changes.serviceDetail = fields.serviceDetail || null;
    if (fields.notes !== undefined) changes.notes = fields.notes || null;
    const changed = await saveChanges(trx, 'referrals', id, version, changes, existing, 'referral', now);
    await audit(trx, actor, 'update', 'referral', id, owner.centreId, { caseId: owner.id, fields: changed }, now);
    return orNotFound(findReferral(trx, id), 'referral');
  });
}

export async function deleteReferral(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    await deleteVersioned(trx, 'referrals', id, version, 'referral');
    await audit(trx, actor, 'delete', 'referral', id, owner.centreId, { caseId: owner.id });
  });
}
