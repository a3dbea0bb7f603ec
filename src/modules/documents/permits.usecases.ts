/** Residence permits of a person, and the Scadenze: the permits expiring or expired. */
import type { Kysely } from 'kysely';
import {
  DEADLINE_LIST_LIMIT,
  type DeadlineCounts,
  type Deadlines,
  type DeadlinesQuery,
  type Permit,
  type PermitContactInput,
  type PermitCreateInput,
  type PermitRenewalInput,
  type PermitUpdateInput,
} from '../../contracts/documents.js';
import { PERMIT_TYPE_WITHOUT_EXPIRY } from '../../contracts/enums.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { deadlineWindow } from '../../domain/deadlines.js';
import { type FieldProblem, validationFailed } from '../../errors/index.js';
import { recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { countDeadlines, listDeadlines, markSupersededPermits, toPermit } from './documents.repository.js';
import { createDocument, type DocumentKind, deleteDocument, listDocuments, updateDocument } from './documents.usecases.js';

type Db = Kysely<Database>;

/** A permit has an expiry, but for the one type that has none. */
function expiryProblems(record: { permitType: string; expiresOn?: string | null }): FieldProblem[] {
  return !record.expiresOn && record.permitType !== PERMIT_TYPE_WITHOUT_EXPIRY
    ? [{ field: 'expiresOn', code: 'document.expiry_required' }]
    : [];
}

const PERMITS: DocumentKind<'residencePermits', Permit> = {
  table: 'residencePermits',
  label: 'residence permit',
  entity: 'residence_permit',
  part: 'residence_permits',
  problems: expiryProblems,
  toItem: toPermit,
  afterWrite: markSupersededPermits,
};

export async function listPermits(db: Db, actor: Actor, personId: number): Promise<Permit[]> {
  return listDocuments(db, actor, PERMITS, personId);
}

export async function createPermit(db: Db, actor: Actor, personId: number, input: PermitCreateInput): Promise<Permit> {
  return createDocument(db, actor, PERMITS, personId, {
    permitType: input.permitType,
    number: input.number ?? null,
    issuedOn: input.issuedOn ?? null,
    expiresOn: input.expiresOn ?? null,
    renewalStatus: input.renewalStatus ?? 'none',
    notes: input.notes ?? null,
  });
}

export async function updatePermit(db: Db, actor: Actor, id: number, input: PermitUpdateInput): Promise<Permit> {
  return updateDocument(db, actor, PERMITS, id, input);
}

export async function deletePermit(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await deleteDocument(db, actor, PERMITS, id, version);
}

/** "Contattato": the person was contacted about the permit's deadline, on the day given (today by default), by the caller. */
export async function markPermitContacted(db: Db, actor: Actor, id: number, input: PermitContactInput, now = new Date()): Promise<Permit> {
  const contact = { version: input.version, contactedOn: input.contactedOn ?? todayInRome(now), contactedBy: actor.userId };
  return updateDocument(db, actor, PERMITS, id, contact);
}

/**
 * "Rinnovato": the permit is marked renewed (it leaves the Scadenze) and the new one is recorded
 * for the same person, expiring after it; both in one transaction, each with its audit row.
 * Answers the new permit.
 */
export async function renewPermit(db: Db, actor: Actor, id: number, input: PermitRenewalInput): Promise<Permit> {
  return inTransaction(db, async (trx) => {
    const renewed = await updatePermit(trx, actor, id, { version: input.version, renewalStatus: 'renewed' });
    if (renewed.expiresOn && input.expiresOn <= renewed.expiresOn) {
      throw validationFailed([{ field: 'expiresOn', code: 'permit.renewal_not_later', params: { expiresOn: renewed.expiresOn } }]);
    }
    return createPermit(trx, actor, renewed.personId, {
      permitType: input.permitType ?? renewed.permitType,
      number: input.number,
      issuedOn: input.issuedOn,
      expiresOn: input.expiresOn,
    });
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
