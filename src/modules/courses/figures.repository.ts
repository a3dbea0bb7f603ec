/** What the courses' figures count: SQL only. */
import type { Kysely } from 'kysely';
import type { EnrolmentProgramme } from '../../contracts/enums.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The lessons, enrolments and presences of some courses: three queries, whatever their number. */
export async function figuresData(db: Db, courseIds: number[]) {
  if (courseIds.length === 0) return { lessons: [], enrolments: [], presences: [] };
  const [lessons, enrolments, presences] = await Promise.all([
    db
      .selectFrom('lessons')
      .select(['id', 'courseId', 'lessonDate as date', 'minutes', 'status'])
      .where('courseId', 'in', courseIds)
      .execute(),
    db
      .selectFrom('enrolments')
      .select(['id', 'courseId', 'personId', 'anonymousKey', 'programme', 'enrolledOn', 'withdrawnOn', 'citizenship'])
      .where('courseId', 'in', courseIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .select(['attendance.lessonId', 'attendance.enrolmentId'])
      .where('lessons.courseId', 'in', courseIds)
      .where('lessons.status', '=', 'held')
      .where('attendance.present', '=', 1)
      .execute(),
  ]);
  return {
    lessons,
    enrolments: enrolments.map((e) => ({ ...e, programme: e.programme as EnrolmentProgramme })),
    presences,
  };
}
