/** The attendance taken at lessons: SQL only. */
import type { Kysely } from 'kysely';
import { joinPersonNames } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';
import { byName } from './enrolments.repository.js';

type Db = Kysely<Database>;

/**
 * The learners of a lesson: everyone enrolled on its date, and anyone marked at it before (a
 * withdrawal dated back), with their mark. One query.
 */
export async function attendanceRows(db: Db, lesson: { id: number; courseId: number; lessonDate: string }) {
  const learners = db
    .selectFrom('enrolments')
    .leftJoin('attendance', (join) => join.onRef('attendance.enrolmentId', '=', 'enrolments.id').on('attendance.lessonId', '=', lesson.id))
    .select(['enrolments.id as enrolmentId', 'enrolments.personId', 'enrolments.programme', 'attendance.present'])
    .where('enrolments.courseId', '=', lesson.courseId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('enrolments.enrolledOn', '<=', lesson.lessonDate),
          eb.or([eb('enrolments.withdrawnOn', 'is', null), eb('enrolments.withdrawnOn', '>=', lesson.lessonDate)]),
        ]),
        eb('attendance.lessonId', 'is not', null),
      ]),
    );
  const rows = await joinPersonNames(learners, 'enrolments.personId').execute();
  return rows.sort(byName);
}

/** The marks sent replace the lesson's stored ones. */
export async function replaceAttendance(
  db: Db,
  lessonId: number,
  entries: ReadonlyArray<{ enrolmentId: number; present: boolean }>,
  recordedAt: string,
): Promise<void> {
  await db.deleteFrom('attendance').where('lessonId', '=', lessonId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('attendance')
    .values(entries.map((entry) => ({ lessonId, enrolmentId: entry.enrolmentId, present: entry.present ? 1 : 0, recordedAt })))
    .execute();
}
