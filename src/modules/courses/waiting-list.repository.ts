/** Waiting lists: SQL only. */
import type { Kysely } from 'kysely';
import type { WaitingListEntry } from '../../contracts/courses.js';
import type { WaitingListKind, WaitingListStatus } from '../../contracts/enums.js';
import { joinPersonNames, personOf } from '../../db/joined.js';
import { readCentresPage } from '../../db/paging.js';
import type { Database } from '../../db/schema.js';
import { daysWaited } from '../../domain/courses.js';

type Db = Kysely<Database>;

export interface WaitingFilter {
  centreIds: number[];
  kind?: WaitingListKind;
  status?: WaitingListStatus;
  personId?: number;
}

function waitingWhere(db: Db, filter: WaitingFilter) {
  let query = db.selectFrom('waitingListEntries').where('waitingListEntries.centreId', 'in', filter.centreIds);
  if (filter.kind) query = query.where('waitingListEntries.kind', '=', filter.kind);
  if (filter.status) query = query.where('waitingListEntries.status', '=', filter.status);
  if (filter.personId !== undefined) query = query.where('waitingListEntries.personId', '=', filter.personId);
  return query;
}

function waitingSelect(db: Db, filter: WaitingFilter) {
  return joinPersonNames(waitingWhere(db, filter), 'waitingListEntries.personId')
    .leftJoin('enrolments', 'enrolments.id', 'waitingListEntries.enrolmentId')
    .leftJoin('courses', 'courses.id', 'enrolments.courseId')
    .select([
      'waitingListEntries.id',
      'waitingListEntries.centreId',
      'waitingListEntries.kind',
      'waitingListEntries.personId',
      'waitingListEntries.requestedOn',
      'waitingListEntries.priority',
      'waitingListEntries.status',
      'waitingListEntries.closedOn',
      'waitingListEntries.enrolmentId',
      'enrolments.courseId',
      'courses.title as courseTitle',
      'waitingListEntries.notes',
      'waitingListEntries.version',
    ]);
}

type WaitingRow = {
  id: number;
  centreId: number;
  kind: string;
  personId: number | null;
  givenNames: string | null;
  familyNames: string | null;
  requestedOn: string;
  priority: number;
  status: string;
  closedOn: string | null;
  enrolmentId: number | null;
  courseId: number | null;
  courseTitle: string | null;
  notes: string | null;
  version: number;
};

function toWaitingEntry(row: WaitingRow, today: string): WaitingListEntry {
  return {
    id: row.id,
    centreId: row.centreId,
    kind: row.kind as WaitingListKind,
    person: personOf(row),
    requestedOn: row.requestedOn,
    priority: row.priority,
    status: row.status as WaitingListStatus,
    closedOn: row.closedOn,
    daysWaited: daysWaited(row, today),
    enrolment:
      row.enrolmentId !== null && row.courseId !== null
        ? { id: row.enrolmentId, courseId: row.courseId, courseTitle: row.courseTitle ?? '' }
        : null,
    notes: row.notes,
    version: row.version,
  };
}

/** The most urgent first, then the longest waiting. */
export async function listWaiting(db: Db, filter: WaitingFilter, page: number, pageSize: number, today: string) {
  const mostUrgentFirst = waitingSelect(db, filter)
    .orderBy('waitingListEntries.priority', 'desc')
    .orderBy('waitingListEntries.requestedOn')
    .orderBy('waitingListEntries.id');
  return readCentresPage(filter.centreIds, mostUrgentFirst, waitingWhere(db, filter), page, pageSize, (rows) =>
    rows.map((row) => toWaitingEntry(row, today)),
  );
}

export async function allWaiting(db: Db, filter: WaitingFilter, today: string): Promise<WaitingListEntry[]> {
  if (filter.centreIds.length === 0) return [];
  const rows = await waitingSelect(db, filter).orderBy('waitingListEntries.requestedOn', 'desc').orderBy('waitingListEntries.id').execute();
  return rows.map((row) => toWaitingEntry(row, today));
}

export async function findWaitingEntry(db: Db, id: number, centreIds: number[], today: string) {
  if (centreIds.length === 0) return undefined;
  const row = await waitingSelect(db, { centreIds }).where('waitingListEntries.id', '=', id).executeTakeFirst();
  return row ? toWaitingEntry(row, today) : undefined;
}

/** Entries requested up to `to` (the period's and the earlier ones still open then), for the summary. */
export async function waitingRowsUpTo(db: Db, centreIds: number[], to: string) {
  if (centreIds.length === 0) return [];
  return db
    .selectFrom('waitingListEntries')
    .select(['kind', 'status', 'requestedOn', 'closedOn'])
    .where('centreId', 'in', centreIds)
    .where('requestedOn', '<=', to)
    .execute();
}

/** The entries an enrolment placed wait again (the enrolment is being deleted); returns their ids. */
export async function unplaceEntriesOf(db: Db, enrolmentId: number, updatedAt: string): Promise<number[]> {
  const rows = await db
    .updateTable('waitingListEntries')
    .set((eb) => ({ status: 'waiting', closedOn: null, enrolmentId: null, updatedAt, version: eb('version', '+', 1) }))
    .where('enrolmentId', '=', enrolmentId)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
