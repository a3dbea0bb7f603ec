/**
 * Enrolments (operators): a person of the course's centre enrolled with the programme they come
 * from, corrected, withdrawn, deleted. Rules, transactions, audit; each listing is logged.
 */
import type { Kysely } from 'kysely';
import type { Enrolment, EnrolmentCreateInput, EnrolmentUpdateInput } from '../../contracts/courses.js';
import type { EnrolmentProgramme } from '../../contracts/enums.js';
import { personOf } from '../../db/joined.js';
import { orNotFound } from '../../db/queries.js';
import type { Database, PersonRow } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { insertVersioned } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, validationFailed } from '../../errors/index.js';
import { recordChange, recordListing } from '../audit/audit.repository.js';
import { deleteRecord } from '../audit/audited-records.js';
import type { Actor } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { alreadyEnrolled, courseFull } from './courses.errors.js';
import { courseRowsFor, lockCourse } from './courses.repository.js';
import { ENROLMENT, loadCourse, saveUpdate } from './courses.usecases.js';
import {
  activeEnrolmentOf,
  asGender,
  asProgramme,
  countActiveEnrolments,
  type EnrolmentRow,
  enrolmentRowsOfCourse,
  findEnrolmentRow,
} from './enrolments.repository.js';
import { figuresData } from './figures.repository.js';
import { figuresOf } from './figures.usecases.js';
import { unplaceEntriesOf } from './waiting-list.repository.js';

type Db = Kysely<Database>;

export function toEnrolment(row: EnrolmentRow, learner?: { heldWhileEnrolled: number; attended: number; completed: boolean }): Enrolment {
  return {
    id: row.id,
    courseId: row.courseId,
    person: personOf(row),
    programme: asProgramme(row.programme),
    enrolledOn: row.enrolledOn,
    withdrawnOn: row.withdrawnOn,
    gender: asGender(row.gender),
    citizenship: row.citizenship,
    heldWhileEnrolled: learner?.heldWhileEnrolled ?? 0,
    attended: learner?.attended ?? 0,
    completed: learner?.completed ?? false,
    version: row.version,
  };
}

/** The enrolments of a course with each learner's attendance. The caller logs the listing. */
async function enrolmentsOfCourse(db: Db, actor: Actor, courseId: number): Promise<Enrolment[]> {
  const courses = await courseRowsFor(db, { centreIds: actor.centreIds, ids: [courseId] });
  if (courses.length === 0) throw notFound('course');
  const [rows, data] = await Promise.all([enrolmentRowsOfCourse(db, courseId), figuresData(db, [courseId])]);
  const [figures] = figuresOf(courses, data);
  return rows.map((row) => toEnrolment(row, figures?.learners.get(row.id)));
}

export async function listEnrolmentsFor(db: Db, actor: Actor, courseId: number): Promise<Enrolment[]> {
  const enrolments = await enrolmentsOfCourse(db, actor, courseId);
  await recordListing(
    db,
    actor.userId,
    'enrolment',
    enrolments.map((e) => e.person?.id),
  );
  return enrolments;
}

export async function loadEnrolment(db: Db, actor: Actor, id: number): Promise<Enrolment> {
  const row = await orNotFound(findEnrolmentRow(db, id, actor.centreIds), 'enrolment');
  const enrolment = (await enrolmentsOfCourse(db, actor, row.courseId)).find((e) => e.id === id);
  return enrolment ?? toEnrolment(row);
}

/**
 * Checks an enrolment may start: no other current one of the person in the course (409
 * enrolment.already_enrolled), a place left (409 course.full). Under the course's lock.
 */
async function checkPlace(db: Db, course: { id: number; capacity: number | null }, personId: number, exceptId?: number) {
  await lockCourse(db, course.id);
  if (await activeEnrolmentOf(db, course.id, personId, exceptId)) throw alreadyEnrolled();
  if (course.capacity !== null && (await countActiveEnrolments(db, course.id)) >= course.capacity) throw courseFull(course.capacity);
}

/** Enrols a person of the course's centre; gender and citizenship are kept as a snapshot for the statistics. */
export async function enrolInCourse(
  db: Db,
  actor: Actor,
  course: { id: number; centreId: number; capacity: number | null },
  person: PersonRow,
  programme: EnrolmentProgramme,
  enrolledOn: string,
  now: Date,
): Promise<number> {
  await checkPlace(db, course, person.id);
  const id = await insertVersioned(
    db,
    'enrolments',
    {
      courseId: course.id,
      personId: person.id,
      programme,
      enrolledOn,
      withdrawnOn: null,
      gender: person.gender,
      citizenship: person.citizenship,
    },
    now.toISOString(),
  );
  await recordChange(
    db,
    actor,
    'create',
    'enrolment',
    { id, centreId: course.centreId },
    { details: { courseId: course.id, personId: person.id }, at: now },
  );
  return id;
}

export async function enrol(db: Db, actor: Actor, courseId: number, input: EnrolmentCreateInput, now = new Date()): Promise<Enrolment> {
  const id = await inTransaction(db, async (trx) => {
    const course = await loadCourse(trx, actor, courseId);
    // The learner is a person of the course's centre: its lists never name someone its users cannot see.
    const person = await orNotFound(findPersonRow(trx, input.personId, [course.centreId]), 'person');
    return enrolInCourse(trx, actor, course, person, input.programme, input.enrolledOn ?? todayInRome(now), now);
  });
  return loadEnrolment(db, actor, id);
}

/** Corrects the programme or dates; the withdrawal (ritiro) sets `withdrawnOn`, and null takes it back (if a place is free). */
export async function updateEnrolment(db: Db, actor: Actor, id: number, input: EnrolmentUpdateInput, now = new Date()): Promise<Enrolment> {
  await inTransaction(db, async (trx) => {
    const row = await orNotFound(findEnrolmentRow(trx, id, actor.centreIds), 'enrolment');
    const enrolledOn = input.enrolledOn ?? row.enrolledOn;
    const withdrawnOn = input.withdrawnOn !== undefined ? input.withdrawnOn : row.withdrawnOn;
    if (withdrawnOn !== null && withdrawnOn < enrolledOn) {
      throw validationFailed([{ field: 'withdrawnOn', code: 'enrolment.withdrawn_before_enrolled' }]);
    }
    if (row.withdrawnOn !== null && withdrawnOn === null && row.personId !== null) {
      await checkPlace(trx, { id: row.courseId, capacity: row.capacity }, row.personId, id);
    }
    const { version, ...changes } = input;
    await saveUpdate(trx, actor, ENROLMENT, { id, centreId: row.centreId }, input, changes, now);
  });
  return loadEnrolment(db, actor, id);
}

/** Deletes an enrolment made by mistake, with its attendance; a waiting-list entry placed by it waits again. */
export async function deleteEnrolment(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await orNotFound(findEnrolmentRow(trx, id, actor.centreIds), 'enrolment');
    for (const entryId of await unplaceEntriesOf(trx, id, now.toISOString())) {
      await recordChange(
        trx,
        actor,
        'update',
        'waiting_list_entry',
        { id: entryId, centreId: row.centreId },
        { details: { fields: ['status', 'closedOn', 'enrolmentId'] }, at: now },
      );
    }
    await deleteRecord(trx, actor, ENROLMENT, { id, centreId: row.centreId }, version, now);
  });
}
