/**
 * A course's lessons: generated from its weekly pattern, added by hand, moved, cancelled,
 * annotated, deleted (coordinators). Rules, transactions, audit.
 */
import type { Kysely } from 'kysely';
import type { GenerateLessonsInput, GenerateLessonsResult, Lesson, LessonCreateInput, LessonUpdateInput } from '../../contracts/courses.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { insertVersioned } from '../../db/versioned.js';
import { weekdayOf } from '../../domain/calendar.js';
import { closedDayOf, lessonDates, regenerationPlan } from '../../domain/courses.js';
import { todayInRome } from '../../domain/dates.js';
import { validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { findAndDelete } from '../audit/audited-records.js';
import type { Actor } from '../auth/actor.js';
import { loadCentreCalendar } from '../calendar/calendar.repository.js';
import { lessonAttendanceTaken, lessonInFuture } from './courses.errors.js';
import { lockCourse } from './courses.repository.js';
import { LESSON, loadCourse, saveUpdate, withoutNotesFor } from './courses.usecases.js';
import {
  deleteLessons,
  findLessonWithCourse,
  insertLessons,
  lessonHasAttendance,
  listLessonRows,
  storedLessons,
  toLesson,
} from './lessons.repository.js';

type Db = Kysely<Database>;

export async function listLessonsFor(db: Db, actor: Actor, courseId: number): Promise<Lesson[]> {
  const course = await loadCourse(db, actor, courseId);
  const calendar = await loadCentreCalendar(db, course.centreId);
  return withoutNotesFor(
    actor,
    (await listLessonRows(db, courseId)).map((row) => toLesson(row, course, calendar)),
  );
}

/**
 * (Re)generates the lessons from the weekly pattern, from `from` (the start by default) to the
 * end, skipping public holidays, the patron day and closures (not days without desk hours).
 * Lessons held, cancelled, moved, annotated, added by hand or with attendance are kept;
 * untouched generated ones are replaced to match the pattern (see regenerationPlan).
 */
export async function generateLessons(
  db: Db,
  actor: Actor,
  courseId: number,
  input: GenerateLessonsInput,
  now = new Date(),
): Promise<GenerateLessonsResult> {
  const { centreId } = await loadCourse(db, actor, courseId);
  const calendar = await loadCentreCalendar(db, centreId);
  const outcome = await inTransaction(db, async (trx) => {
    await lockCourse(trx, courseId);
    // Read again under the lock: the pattern used is the one stored now.
    const course = await loadCourse(trx, actor, courseId);
    const from = input.from ?? course.startDate;
    if (from > course.endDate) throw validationFailed([{ field: 'from', code: 'lesson.after_course_end' }]);
    const { dates, skipped } = lessonDates(course, calendar, from);
    const stored = await storedLessons(trx, courseId);
    const plan = regenerationPlan(
      stored.map((row) => ({ ...row, touched: row.version > 1, hasAttendance: Boolean(row.hasAttendance) })),
      dates,
      course,
      from,
    );
    await deleteLessons(trx, plan.remove);
    const stamp = now.toISOString();
    await insertLessons(
      trx,
      plan.add.map((date) => ({
        courseId,
        lessonDate: date,
        plannedOn: date,
        startTime: course.startTime,
        minutes: course.lessonMinutes,
        status: 'scheduled',
        notes: null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })),
    );
    await recordChange(
      trx,
      actor,
      'update',
      'course',
      { id: courseId, centreId },
      { details: { lessons: { from, added: plan.add.length, removed: plan.remove.length } }, at: now },
    );
    return { plan, skipped };
  });
  return {
    added: outcome.plan.add.length,
    removed: outcome.plan.remove.length,
    unchanged: outcome.plan.unchanged,
    kept: outcome.plan.kept,
    skipped: outcome.skipped.map((s) => ({ date: s.date, weekday: weekdayOf(s.date), ...closedDayOf(s.because) })),
  };
}

export async function loadLesson(db: Db, actor: Actor, id: number) {
  return orNotFound(findLessonWithCourse(db, id, actor.centreIds), 'lesson');
}

async function lessonOf(db: Db, actor: Actor, id: number): Promise<Lesson> {
  const row = await loadLesson(db, actor, id);
  const [withCounts] = (await listLessonRows(db, row.courseId)).filter((lesson) => lesson.id === id);
  return toLesson(
    withCounts ?? row,
    { startDate: row.courseStartDate, endDate: row.courseEndDate },
    await loadCentreCalendar(db, row.centreId),
  );
}

/**
 * Adds one lesson by hand (a make-up lesson, an extra one): outside the course's dates, or on
 * a holiday, the patron day or a closure, it is allowed, and flagged.
 */
export async function addLesson(db: Db, actor: Actor, courseId: number, input: LessonCreateInput, now = new Date()): Promise<Lesson> {
  const id = await inTransaction(db, async (trx) => {
    const course = await loadCourse(trx, actor, courseId);
    const newId = await insertVersioned(
      trx,
      'lessons',
      {
        courseId,
        lessonDate: input.date,
        plannedOn: null,
        startTime: input.startTime ?? course.startTime,
        minutes: input.minutes ?? course.lessonMinutes,
        status: 'scheduled',
        notes: input.notes || null,
      },
      now.toISOString(),
    );
    await recordChange(trx, actor, 'create', 'lesson', { id: newId, centreId: course.centreId }, { details: { courseId }, at: now });
    return newId;
  });
  return lessonOf(db, actor, id);
}

/**
 * Moves (date, time, length), cancels or restores, annotates a lesson. A lesson with attendance
 * cannot be cancelled or set back to scheduled; a future lesson cannot be held.
 */
export async function updateLesson(db: Db, actor: Actor, id: number, input: LessonUpdateInput, now = new Date()): Promise<Lesson> {
  await inTransaction(db, async (trx) => {
    const lesson = await loadLesson(trx, actor, id);
    const { version, date, notes, ...rest } = input;
    if (input.status && input.status !== 'held' && input.status !== lesson.status && (await lessonHasAttendance(trx, id))) {
      throw lessonAttendanceTaken('status');
    }
    if (input.status === 'held' && (date ?? lesson.lessonDate) > todayInRome(now)) {
      throw lessonInFuture('held');
    }
    const changes: Record<string, unknown> = { ...rest };
    if (date !== undefined) changes.lessonDate = date;
    if (notes !== undefined) changes.notes = notes || null;
    await saveUpdate(trx, actor, LESSON, { id, centreId: lesson.centreId }, input, changes, now);
  });
  return lessonOf(db, actor, id);
}

/** Deletes a lesson added by mistake; one with attendance is refused (cancel is not possible either: it was held). */
export function deleteLesson(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, LESSON, { id, version }, async (trx) => {
    const lesson = await loadLesson(trx, actor, id);
    if (await lessonHasAttendance(trx, id)) throw lessonAttendanceTaken('delete');
    return lesson;
  });
}
