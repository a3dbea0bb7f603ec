/**
 * Courses (club linguistici, driving-exam support…): created, changed and deleted by the
 * coordinator, read by everyone for the figures. Rules, transactions, audit. Lessons,
 * enrolments, attendance, figures and waiting lists have their own use cases.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import {
  type Course,
  type CourseCreateInput,
  type CourseListQuery,
  type CourseUpdateInput,
  courseDateProblem,
} from '../../contracts/courses.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { can } from '../../domain/permissions.js';
import { validationFailed } from '../../errors/index.js';
import { type AuditedRecord, recordChange } from '../audit/audit.repository.js';
import { type AuditedKind, findAndDelete, insertRecord } from '../audit/audited-records.js';
import { type Actor, pageInScope, targetCentre } from '../auth/actor.js';
import { COURSE_KINDS } from '../catalogues/catalogues.js';
import { findCatalogueItem } from '../catalogues/catalogues.repository.js';
import { courseHasEnrolments } from './courses.errors.js';
import { findCourse, hasEnrolments, listCourses } from './courses.repository.js';

type Db = Kysely<Database>;

export const COURSE: AuditedKind<'courses'> = { table: 'courses', label: 'course', entity: 'course' };
export const LESSON: AuditedKind = { table: 'lessons', label: 'lesson', entity: 'lesson' };
export const ENROLMENT: AuditedKind = { table: 'enrolments', label: 'enrolment', entity: 'enrolment' };
export const WAITING_ENTRY: AuditedKind<'waitingListEntries'> = {
  table: 'waitingListEntries',
  label: 'waiting-list entry',
  entity: 'waiting_list_entry',
};

/**
 * Writes an update at the version sent (409 otherwise), with its time, and logs it naming the
 * fields sent (names, never values): every correction in the courses area.
 */
export async function saveUpdate(
  db: Db,
  actor: Actor,
  kind: AuditedKind,
  record: AuditedRecord,
  input: { version: number },
  changes: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await updateVersioned(db, kind.table, record.id, input.version, { ...changes, updatedAt: now.toISOString() }, kind.label);
  const fields = Object.keys(input).filter((key) => key !== 'version');
  await recordChange(db, actor, 'update', kind.entity, record, { details: { fields }, at: now });
}

/** As stored: in order, as JSON. */
const storedWeekdays = (weekdays: readonly number[]) => JSON.stringify([...weekdays].sort((a, b) => a - b));

/** New courses (and courses moved to another kind) take an active kind of the organisation. */
async function checkActiveKind(db: Db, actor: Actor, kindId: number) {
  const kind = await findCatalogueItem(db, COURSE_KINDS, actor.organisationId, kindId);
  if (!kind?.active) throw validationFailed([{ field: 'kindId', code: 'course.kind_unknown', params: { id: kindId } }]);
}

export async function loadCourse(db: Db, actor: Actor, id: number): Promise<Course> {
  return orNotFound(findCourse(db, id, actor.centreIds), 'course');
}

/**
 * Courses and lessons name nobody, and viewers read them for the figures; but their free-text
 * notes might ("recupero per Amina"): only those who may read personal data get them.
 */
export function withoutNotesFor<T extends { notes: string | null }>(actor: Actor, rows: T[]): T[] {
  return can(actor.role, 'personal.read') ? rows : rows.map((row) => ({ ...row, notes: null }));
}

export async function getCourse(db: Db, actor: Actor, id: number): Promise<Course> {
  return withoutNotesFor(actor, [await loadCourse(db, actor, id)])[0] as Course;
}

export async function listCoursesFor(db: Db, actor: Actor, query: CourseListQuery): Promise<Page<Course>> {
  const result = await pageInScope(actor, query, (filter, page, pageSize) => listCourses(db, filter, page, pageSize));
  return { ...result, items: withoutNotesFor(actor, result.items) };
}

export async function createCourse(db: Db, actor: Actor, input: CourseCreateInput, now = new Date()): Promise<Course> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    await checkActiveKind(trx, actor, input.kindId);
    const values = {
      centreId,
      kindId: input.kindId,
      title: input.title,
      level: input.level ?? null,
      partner: input.partner || null,
      place: input.place || null,
      startDate: input.startDate,
      endDate: input.endDate,
      weekdays: storedWeekdays(input.weekdays),
      startTime: input.startTime,
      lessonMinutes: input.lessonMinutes,
      capacity: input.capacity ?? null,
      notes: input.notes || null,
    };
    return insertRecord(trx, actor, COURSE, values, now);
  });
  return loadCourse(db, actor, id);
}

export async function updateCourse(db: Db, actor: Actor, id: number, input: CourseUpdateInput, now = new Date()): Promise<Course> {
  await inTransaction(db, async (trx) => {
    const existing = await loadCourse(trx, actor, id);
    const dates = { startDate: input.startDate ?? existing.startDate, endDate: input.endDate ?? existing.endDate };
    const problem = courseDateProblem(dates);
    if (problem) throw validationFailed([{ field: 'endDate', code: problem }]);
    if (input.kindId !== undefined && input.kindId !== existing.kind.id) await checkActiveKind(trx, actor, input.kindId);
    const { version, weekdays, partner, place, notes, ...rest } = input;
    const changes: Record<string, unknown> = { ...rest };
    if (weekdays !== undefined) changes.weekdays = storedWeekdays(weekdays);
    if (partner !== undefined) changes.partner = partner || null;
    if (place !== undefined) changes.place = place || null;
    if (notes !== undefined) changes.notes = notes || null;
    await saveUpdate(trx, actor, COURSE, { id, centreId: existing.centreId }, input, changes, now);
  });
  return loadCourse(db, actor, id);
}

/** Only a course nobody is enrolled in can be deleted (with its lessons): enrolments are statistics. */
export function deleteCourse(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, COURSE, { id, version }, async (trx) => {
    const course = await loadCourse(trx, actor, id);
    if (await hasEnrolments(trx, id)) throw courseHasEnrolments();
    return course;
  });
}
