/** Residence permits of a person, and the Scadenze: the permits expiring or expired. */
import type { Kysely } from 'kysely';
import {
  DEADLINE_LIST_LIMIT,
  type DeadlineCounts,
  type Deadlines,
  type DeadlinesQuery,
  type Permit,
  type PermitCreateInput,
  type PermitUpdateInput,
} from '../../contracts/documents.js';
import { PERMIT_TYPE_WITHOUT_EXPIRY } from '../../contracts/enums.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { deadlineWindow } from '../../domain/deadlines.js';
import { validationFailed } from '../../errors/index.js';
import { recordChange, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import {
  countDeadlines,
  findPermitRow,
  insertPermit,
  listDeadlines,
  listPermitRows,
  markSupersededPermits,
  toPermit,
} from './documents.repository.js';
import { expiryNotBeforeIssue, givenFields, personInScope } from './documents.usecases.js';

type Db = Kysely<Database>;

/** The rules on a permit as it will be stored (an update is checked merged with the stored record). */
function checkPermit(record: { permitType: string; issuedOn?: string | null; expiresOn?: string | null }): void {
  const errors = expiryNotBeforeIssue(record);
  if (!record.expiresOn && record.permitType !== PERMIT_TYPE_WITHOUT_EXPIRY) {
    errors.push({ field: 'expiresOn', code: 'document.expiry_required' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

/** A permit as stored after a write (and the marking of superseded permits that followed it). */
async function reloadPermit(db: Db, id: number, centreId: number): Promise<Permit> {
  const row = await orNotFound(findPermitRow(db, id, [centreId]), 'residence permit');
  return toPermit(row);
}

export async function listPermits(db: Db, actor: Actor, personId: number): Promise<Permit[]> {
  const person = await personInScope(db, actor, personId);
  const rows = await listPermitRows(db, person.id, actor.centreIds);
  await recordPersonRead(db, actor.userId, person, 'residence_permits');
  return rows.map(toPermit);
}

export async function createPermit(db: Db, actor: Actor, personId: number, input: PermitCreateInput): Promise<Permit> {
  checkPermit(input);
  return inTransaction(db, async (trx) => {
    const person = await personInScope(trx, actor, personId);
    const now = new Date().toISOString();
    const row = await insertPermit(trx, {
      personId: person.id,
      centreId: person.centreId,
      permitType: input.permitType,
      number: input.number ?? null,
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      renewalStatus: input.renewalStatus ?? 'none',
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await markSupersededPermits(trx, person.id);
    await recordChange(trx, actor, 'create', 'residence_permit', row, { details: { personId: person.id } });
    return reloadPermit(trx, row.id, row.centreId);
  });
}

export async function updatePermit(db: Db, actor: Actor, id: number, input: PermitUpdateInput): Promise<Permit> {
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(findPermitRow(trx, id, actor.centreIds), 'residence permit');
    const { version, ...fields } = input;
    const changes = givenFields(fields);
    checkPermit({ ...existing, ...changes });
    await updateVersioned(trx, 'residencePermits', id, version, { ...changes, updatedAt: new Date().toISOString() }, 'residence permit');
    if (changes.expiresOn !== undefined) await markSupersededPermits(trx, existing.personId);
    await recordChange(
      trx,
      actor,
      'update',
      'residence_permit',
      { id, centreId: existing.centreId },
      { details: { personId: existing.personId, fields: changedFields(changes, existing) } },
    );
    return reloadPermit(trx, id, existing.centreId);
  });
}

/** Deletes a permit at the version read (?version=): 409 if it was changed since. */
export async function deletePermit(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findPermitRow(trx, id, actor.centreIds), 'residence permit');
    await deleteVersioned(trx, 'residencePermits', id, version, 'residence permit');
    await markSupersededPermits(trx, existing.personId);
    await recordChange(
      trx,
      actor,
      'delete',
      'residence_permit',
      { id, centreId: existing.centreId },
      { details: { personId: existing.personId } },
    );
  });
}

// --- Scadenze

/**
 * The Scadenze page: the permits expiring within the window and those already expired (see
 * `watchedPermits` for which are left out). The list shows identified people: it is logged.
 */
export async function deadlinesFor(db: Db, actor: Actor, query: DeadlinesQuery, now = new Date()): Promise<Deadlines> {
  const centreIds = centreScope(actor, query.centreId);
  const window = deadlineWindow(query.withinDays, now);
  const limit = Math.min(query.limit, DEADLINE_LIST_LIMIT);
  const expiring = await listDeadlines(db, centreIds, window, 'expiring', limit);
  const expired = await listDeadlines(db, centreIds, window, 'expired', limit);
  // Counted apart only when a list was cut at the limit (years of expired permits nobody marked).
  const truncated = expiring.length === limit || expired.length === limit;
  const totals = truncated ? await countDeadlines(db, centreIds, window) : { expiring: expiring.length, expired: expired.length };
  await recordListing(
    db,
    actor.userId,
    'person',
    [...expiring, ...expired].map((item) => item.person.id),
  );
  return { ...window, expiring, expired, expiringTotal: totals.expiring, expiredTotal: totals.expired };
}

/** How many permits are expiring and expired: a count, no names, for the home page. */
export async function deadlineCountsFor(db: Db, actor: Actor, query: DeadlinesQuery, now = new Date()): Promise<DeadlineCounts> {
  return countDeadlines(db, centreScope(actor, query.centreId), deadlineWindow(query.withinDays, now));
}
