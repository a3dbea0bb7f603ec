/**
 * Data protection records (issue 14). Privacy notices: given to a person of the actor's centres
 * by its operators, never changed afterwards (a wrong entry is deleted, audited, and recorded
 * again); reading them is reading the person's file (logged). Erasure requests: each decided one
 * is kept with its outcome; the people module erases the file in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  ErasureRequest,
  ErasureRequestInput,
  ErasureRequestsQuery,
  NoticeState,
  PersonPrivacy,
  PrivacyNotice,
  PrivacyNoticeCreateInput,
} from '../../contracts/privacy.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { recordChange, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import {
  currentNoticeVersion,
  deleteNoticeRow,
  erasureRequestsPage,
  insertErasureRequest,
  insertNotice,
  noticeIn,
  noticesOf,
} from './privacy.repository.js';

type Db = Kysely<Database>;
/** A person as their records name them: the id and the centre the file belongs to. */
type PersonRecord = { id: number; centreId: number };

/**
 * What the desk warns about: no notice, or a last one (the latest given) of a version other
 * than the centre's current one. Versions are the organisation's own names ("2024-01", "2"),
 * not ordered: any version but the current is taken to be an older one.
 */
export function noticeState(notices: readonly PrivacyNotice[], currentVersion: string): NoticeState {
  const last = notices[0];
  if (!last) return 'missing';
  return last.noticeVersion === currentVersion ? 'current' : 'outdated';
}

/** A person's notices and state, for the person's file: the caller has opened the file (and logged that). */
export async function privacyOfPerson(db: Db, actor: Actor, person: PersonRecord): Promise<PersonPrivacy> {
  const notices = await noticesOf(db, person.id, actor.centreIds);
  const currentVersion = await currentNoticeVersion(db, person.centreId);
  return { state: noticeState(notices, currentVersion), currentVersion, notices };
}

async function personInScope(db: Db, actor: Actor, personId: number) {
  return orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
}

/** A person's notices and state: reading them is reading the person's file (logged). */
export async function personPrivacy(db: Db, actor: Actor, personId: number): Promise<PersonPrivacy> {
  const person = await personInScope(db, actor, personId);
  const privacy = await privacyOfPerson(db, actor, person);
  await recordPersonRead(db, actor.userId, person, 'privacy_notices');
  return privacy;
}

/** Records a notice given to a person (of the person's centre); without a version, the centre's current one. */
export async function recordNotice(db: Db, actor: Actor, personId: number, input: PrivacyNoticeCreateInput): Promise<PrivacyNotice> {
  return inTransaction(db, async (trx) => {
    const person = await personInScope(trx, actor, personId);
    const id = await insertNotice(trx, {
      centreId: person.centreId,
      personId: person.id,
      givenOn: input.givenOn,
      noticeVersion: input.noticeVersion ?? (await currentNoticeVersion(trx, person.centreId)),
      language: input.language,
      givenBy: actor.userId,
      createdAt: new Date().toISOString(),
    });
    await recordChange(trx, actor, 'create', 'privacy_notice', { id, centreId: person.centreId }, { details: { personId: person.id } });
    return orNotFound(noticeIn(trx, id, [person.centreId]), 'privacy notice');
  });
}

/** Deletes a notice recorded by mistake; the log keeps that it was, and whose it was. */
export async function deleteNotice(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const notice = await orNotFound(noticeIn(trx, id, actor.centreIds), 'privacy notice');
    await deleteNoticeRow(trx, id);
    await recordChange(trx, actor, 'delete', 'privacy_notice', notice, { details: { personId: notice.personId } });
  });
}

/**
 * Records a decided erasure request of a person, and logs it. Called by the people module inside
 * the transaction that erases the file when the outcome is `erased`.
 */
export async function recordErasureDecision(
  db: Db,
  actor: Actor,
  person: PersonRecord,
  input: ErasureRequestInput,
): Promise<ErasureRequest> {
  const request = await insertErasureRequest(db, {
    centreId: person.centreId,
    personId: person.id,
    requestedOn: input.requestedOn,
    reason: input.reason,
    outcome: input.outcome,
    refusalReason: input.outcome === 'refused' ? (input.refusalReason ?? null) : null,
    decidedBy: actor.userId,
    decidedAt: new Date().toISOString(),
  });
  await recordChange(db, actor, 'create', 'erasure_request', request, { details: { personId: person.id, outcome: input.outcome } });
  return request;
}

/**
 * A page of the centres' erasure requests. A refused request's person still has a file: the
 * list names them by id, and is logged as a list of those people.
 */
export async function listErasureRequests(db: Db, actor: Actor, query: ErasureRequestsQuery): Promise<Page<ErasureRequest>> {
  const { page, pageSize, centreId, outcome } = query;
  const result = await erasureRequestsPage(db, { centreIds: centreScope(actor, centreId), outcome }, page, pageSize);
  await recordListing(
    db,
    actor.userId,
    'erasure_request',
    result.items.filter((request) => request.outcome === 'refused').map((request) => request.personId),
  );
  return { ...result, page, pageSize };
}
