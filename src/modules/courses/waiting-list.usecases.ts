/**
 * Waiting lists (operators): who waits for which kind of course, with what priority; placing
 * someone in a course, withdrawing; and the counts of a period for the annual report. Rules,
 * transactions, audit; each listing is logged.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  Enrolment,
  PlaceInput,
  WaitingListCreateInput,
  WaitingListEntry,
  WaitingListQuery,
  WaitingListUpdateInput,
  WaitingSummary,
  WaitingSummaryQuery,
} from '../../contracts/courses.js';
import { WAITING_LIST_KINDS, type WaitingListKind } from '../../contracts/enums.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, validationFailed } from '../../errors/index.js';
import { recordChange, recordListing } from '../audit/audit.repository.js';
import { findAndDelete, insertRecord } from '../audit/audited-records.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { waitingEntryNotWaiting } from './courses.errors.js';
import { findCourse } from './courses.repository.js';
import { saveUpdate, WAITING_ENTRY } from './courses.usecases.js';
import { enrolInCourse, loadEnrolment } from './enrolments.usecases.js';
import { findWaitingEntry, listWaiting, waitingRowsUpTo } from './waiting-list.repository.js';

type Db = Kysely<Database>;

async function loadWaitingEntry(db: Db, actor: Actor, id: number, today: string): Promise<WaitingListEntry> {
  return orNotFound(findWaitingEntry(db, id, actor.centreIds, today), 'waiting-list entry');
}

export async function listWaitingFor(db: Db, actor: Actor, query: WaitingListQuery, now = new Date()): Promise<Page<WaitingListEntry>> {
  const { page, pageSize, centreId, ...filter } = query;
  const result = await listWaiting(db, { ...filter, centreIds: centreScope(actor, centreId) }, page, pageSize, todayInRome(now));
  await recordListing(
    db,
    actor.userId,
    'waiting_list_entry',
    result.items.map((entry) => entry.person?.id),
  );
  return { ...result, page, pageSize };
}

export async function createWaitingEntry(db: Db, actor: Actor, input: WaitingListCreateInput, now = new Date()): Promise<WaitingListEntry> {
  const today = todayInRome(now);
  const id = await inTransaction(db, async (trx) => {
    const person = await orNotFound(findPersonRow(trx, input.personId, actor.centreIds), 'person');
    const values = {
      centreId: person.centreId,
      kind: input.kind,
      personId: person.id,
      requestedOn: input.requestedOn ?? today,
      priority: input.priority,
      status: 'waiting',
      closedOn: null,
      enrolmentId: null,
      notes: input.notes || null,
    };
    return insertRecord(trx, actor, WAITING_ENTRY, values, now);
  });
  return loadWaitingEntry(db, actor, id, today);
}

/** Corrections, the withdrawal (closedOn defaults to today) and taking it back. A placed entry keeps its status. */
export async function updateWaitingEntry(
  db: Db,
  actor: Actor,
  id: number,
  input: WaitingListUpdateInput,
  now = new Date(),
): Promise<WaitingListEntry> {
  const today = todayInRome(now);
  await inTransaction(db, async (trx) => {
    const entry = await loadWaitingEntry(trx, actor, id, today);
    const { version, status, closedOn, notes, ...rest } = input;
    if (entry.status === 'placed' && (status !== undefined || closedOn !== undefined)) {
      throw waitingEntryNotWaiting('withdraw');
    }
    const nextStatus = status ?? entry.status;
    const nextClosedOn =
      nextStatus === 'waiting' ? null : (closedOn ?? (status === 'withdrawn' && entry.status !== 'withdrawn' ? today : entry.closedOn));
    const requestedOn = input.requestedOn ?? entry.requestedOn;
    if (nextClosedOn !== null && nextClosedOn < requestedOn) {
      throw validationFailed([{ field: 'closedOn', code: 'waiting_list.closed_before_request' }]);
    }
    const changes: Record<string, unknown> = { ...rest, status: nextStatus, closedOn: nextClosedOn };
    if (notes !== undefined) changes.notes = notes || null;
    await saveUpdate(trx, actor, WAITING_ENTRY, { id, centreId: entry.centreId }, input, changes, now);
  });
  return loadWaitingEntry(db, actor, id, today);
}

/** Places someone waiting into a course: the enrolment and the entry's closing in one transaction. */
export async function placeWaitingEntry(
  db: Db,
  actor: Actor,
  id: number,
  input: PlaceInput,
  now = new Date(),
): Promise<{ entry: WaitingListEntry; enrolment: Enrolment }> {
  const today = todayInRome(now);
  const enrolmentId = await inTransaction(db, async (trx) => {
    const entry = await loadWaitingEntry(trx, actor, id, today);
    if (entry.version !== input.version) {
      // The same answer updateVersioned would give, before anything is written.
      await updateVersioned(trx, 'waitingListEntries', id, input.version, {}, 'waiting-list entry');
    }
    if (entry.status !== 'waiting') throw waitingEntryNotWaiting('place');
    const enrolledOn = input.enrolledOn ?? today;
    if (enrolledOn < entry.requestedOn) {
      throw validationFailed([{ field: 'enrolledOn', code: 'waiting_list.enrolled_before_request' }]);
    }
    const course = await orNotFound(findCourse(trx, input.courseId, [entry.centreId]), 'course');
    const person = entry.person ? await findPersonRow(trx, entry.person.id, [entry.centreId]) : undefined;
    if (!person) throw notFound('person');
    const newId = await enrolInCourse(trx, actor, course, person, input.programme, enrolledOn, now);
    await updateVersioned(
      trx,
      'waitingListEntries',
      id,
      input.version,
      { status: 'placed', closedOn: enrolledOn, enrolmentId: newId, updatedAt: now.toISOString() },
      'waiting-list entry',
    );
    await recordChange(
      trx,
      actor,
      'update',
      'waiting_list_entry',
      { id, centreId: entry.centreId },
      { details: { fields: ['status', 'closedOn', 'enrolmentId'] }, at: now },
    );
    return newId;
  });
  return { entry: await loadWaitingEntry(db, actor, id, today), enrolment: await loadEnrolment(db, actor, enrolmentId) };
}

export function deleteWaitingEntry(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, WAITING_ENTRY, { id, version }, (trx) => findWaitingEntry(trx, id, actor.centreIds, todayInRome()));
}

/**
 * Waiting-list counts of a period by kind, for "Bisogni rilevati": the requests made in the
 * period by their status now, and the requests still open at the period's end (whenever made).
 * No personal data.
 */
export async function waitingListCounts(db: Db, centreIds: number[], from: string, to: string): Promise<WaitingSummary> {
  const zero = () => ({ requested: 0, waiting: 0, placed: 0, withdrawn: 0, waitingAtEnd: 0 });
  const byKind = Object.fromEntries(WAITING_LIST_KINDS.map((kind) => [kind, zero()])) as Record<WaitingListKind, ReturnType<typeof zero>>;
  const total = zero();
  for (const row of await waitingRowsUpTo(db, centreIds, to)) {
    const counts = [byKind[row.kind as WaitingListKind], total].filter(Boolean) as Array<ReturnType<typeof zero>>;
    for (const c of counts) {
      if (row.requestedOn >= from) {
        c.requested++;
        c[row.status as 'waiting' | 'placed' | 'withdrawn']++;
      }
      if (row.closedOn === null || row.closedOn > to) c.waitingAtEnd++;
    }
  }
  return { from, to, total, byKind };
}

export async function waitingSummaryFor(db: Db, actor: Actor, query: WaitingSummaryQuery, now = new Date()): Promise<WaitingSummary> {
  const year = todayInRome(now).slice(0, 4);
  return waitingListCounts(db, centreScope(actor, query.centreId), query.from ?? `${year}-01-01`, query.to ?? `${year}-12-31`);
}
