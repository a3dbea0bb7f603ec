/** The attendance of a lesson: its screen (every learner enrolled on its date, logged) and its taking. Rules, transactions, audit. */
import type { Kysely } from 'kysely';
import type { AttendanceInput, LessonAttendance } from '../../contracts/courses.js';
import { personOf } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import type { CentreCalendar } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { validationFailed } from '../../errors/index.js';
import { recordChange, recordListing } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { loadCentreCalendar } from '../calendar/calendar.repository.js';
import { attendanceRows, replaceAttendance } from './attendance.repository.js';
import { lessonCancelled, lessonInFuture } from './courses.errors.js';
import { asProgramme } from './enrolments.repository.js';
import { type LessonWithCourse, toLesson } from './lessons.repository.js';
import { loadLesson } from './lessons.usecases.js';

type Db = Kysely<Database>;

type AttendanceRow = Awaited<ReturnType<typeof attendanceRows>>[number];

function toAttendance(
  lesson: LessonWithCourse,
  calendar: CentreCalendar,
  rows: readonly AttendanceRow[],
  marks: Map<number, boolean | null>,
): LessonAttendance {
  const learners = rows.map((row) => ({
    enrolmentId: row.enrolmentId,
    person: personOf(row),
    programme: asProgramme(row.programme),
    present: marks.get(row.enrolmentId) ?? null,
  }));
  return {
    lesson: toLesson(
      {
        ...lesson,
        present: learners.filter((l) => l.present === true).length,
        marked: learners.filter((l) => l.present !== null).length,
      },
      { startDate: lesson.courseStartDate, endDate: lesson.courseEndDate },
      calendar,
    ),
    course: { id: lesson.courseId, title: lesson.courseTitle, centreId: lesson.centreId },
    learners,
  };
}

/** The attendance screen of a lesson: every learner enrolled on its date, with their mark. Three queries; the listing is logged. */
export async function getAttendance(db: Db, actor: Actor, lessonId: number): Promise<LessonAttendance> {
  const lesson = await loadLesson(db, actor, lessonId);
  const rows = await attendanceRows(db, lesson);
  await recordListing(
    db,
    actor.userId,
    'attendance',
    rows.map((row) => row.personId),
  );
  return toAttendance(
    lesson,
    await loadCentreCalendar(db, lesson.centreId),
    rows,
    new Map(rows.map((row) => [row.enrolmentId, row.present === null ? null : row.present === 1])),
  );
}

/**
 * Saves the whole lesson's attendance in one transaction (the marks sent replace the ones
 * stored) and marks the lesson held; audited once, with the people's ids. The lesson's
 * version guards against two people taking it at once.
 */
export async function saveAttendance(
  db: Db,
  actor: Actor,
  lessonId: number,
  input: AttendanceInput,
  now = new Date(),
): Promise<LessonAttendance> {
  return inTransaction(db, async (trx) => {
    const lesson = await loadLesson(trx, actor, lessonId);
    if (lesson.status === 'cancelled') throw lessonCancelled();
    if (lesson.lessonDate > todayInRome(now)) throw lessonInFuture('attendance');
    const rows = await attendanceRows(trx, lesson);
    const learners = new Set(rows.map((row) => row.enrolmentId));
    const unknown = input.entries.flatMap((entry, i) =>
      learners.has(entry.enrolmentId) ? [] : [{ field: `entries.${i}.enrolmentId`, code: 'attendance.not_learner' as const }],
    );
    if (unknown.length > 0) throw validationFailed(unknown);

    const stamp = now.toISOString();
    const version = await updateVersioned(trx, 'lessons', lessonId, input.version, { status: 'held', updatedAt: stamp }, 'lesson');
    await replaceAttendance(trx, lessonId, input.entries, stamp);
    const marks = new Map(input.entries.map((entry) => [entry.enrolmentId, entry.present]));
    const personIds = rows.filter((row) => marks.has(row.enrolmentId) && row.personId !== null).map((row) => row.personId as number);
    await recordChange(
      trx,
      actor,
      'update',
      'attendance',
      { id: lessonId, centreId: lesson.centreId },
      {
        details: { personIds: [...new Set(personIds)].sort((a, b) => a - b), present: input.entries.filter((e) => e.present).length },
        at: now,
      },
    );
    return toAttendance({ ...lesson, status: 'held', version }, await loadCentreCalendar(trx, lesson.centreId), rows, marks);
  });
}
