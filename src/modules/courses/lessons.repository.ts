/** A course's lessons: SQL only. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Lesson } from '../../contracts/courses.js';
import type { LessonStatus } from '../../contracts/enums.js';
import type { Database, LessonsTable } from '../../db/schema.js';
import { type CentreCalendar, weekdayOf } from '../../domain/calendar.js';
import { isOutsideCourse, lessonClosedDay } from '../../domain/courses.js';

type Db = Kysely<Database>;

type LessonRow = Omit<Selectable<LessonsTable>, 'createdAt' | 'updatedAt'> & {
  present?: number | null;
  marked?: number | null;
};

/** A lesson as the API answers it, flagged when outside its course's dates or on a day the centre is closed. */
export function toLesson(row: LessonRow, course: { startDate: string; endDate: string }, calendar: CentreCalendar): Lesson {
  return {
    id: row.id,
    courseId: row.courseId,
    date: row.lessonDate,
    weekday: weekdayOf(row.lessonDate),
    startTime: row.startTime,
    minutes: row.minutes,
    status: row.status as LessonStatus,
    notes: row.notes,
    plannedOn: row.plannedOn,
    outsideCourse: isOutsideCourse(row.lessonDate, course),
    closedDay: lessonClosedDay(calendar, row.lessonDate),
    present: Number(row.present ?? 0),
    marked: Number(row.marked ?? 0),
    version: row.version,
  };
}

const LESSON_COLUMNS = [
  'lessons.id',
  'lessons.courseId',
  'lessons.lessonDate',
  'lessons.startTime',
  'lessons.minutes',
  'lessons.status',
  'lessons.notes',
  'lessons.plannedOn',
  'lessons.version',
] as const;

/** A course's lessons by date and time, with how many were marked present and marked at all. Two queries. */
export async function listLessonRows(db: Db, courseId: number): Promise<LessonRow[]> {
  const [lessons, counts] = await Promise.all([
    db
      .selectFrom('lessons')
      .select(LESSON_COLUMNS)
      .where('lessons.courseId', '=', courseId)
      .orderBy('lessons.lessonDate')
      .orderBy('lessons.startTime')
      .orderBy('lessons.id')
      .execute(),
    db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .select((eb) => ['attendance.lessonId', eb.fn.countAll<number>().as('marked'), eb.fn.sum<number>('attendance.present').as('present')])
      .where('lessons.courseId', '=', courseId)
      .groupBy('attendance.lessonId')
      .execute(),
  ]);
  const byLesson = new Map(counts.map((row) => [row.lessonId, row]));
  return lessons.map((lesson) => {
    const count = byLesson.get(lesson.id);
    return { ...lesson, present: Number(count?.present ?? 0), marked: Number(count?.marked ?? 0) };
  });
}

/** The lessons held of some courses, by date: the report says from them how often a course met. */
export async function heldLessonsOf(db: Db, courseIds: readonly number[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('lessons')
    .select(['courseId', 'lessonDate as date', 'startTime', 'minutes'])
    .where('courseId', 'in', [...courseIds])
    .where('status', '=', 'held')
    .orderBy('lessonDate')
    .orderBy('startTime')
    .execute();
}

/** A lesson with its course's centre and dates, if the course is in one of the centres. */
export async function findLessonWithCourse(db: Db, id: number, centreIds: number[]) {
  if (centreIds.length === 0) return undefined;
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .select([
      ...LESSON_COLUMNS,
      'courses.centreId',
      'courses.title as courseTitle',
      'courses.startDate as courseStartDate',
      'courses.endDate as courseEndDate',
    ])
    .where('lessons.id', '=', id)
    .where('courses.centreId', 'in', centreIds)
    .executeTakeFirst();
}

export type LessonWithCourse = NonNullable<Awaited<ReturnType<typeof findLessonWithCourse>>>;

export async function lessonHasAttendance(db: Db, lessonId: number): Promise<boolean> {
  const row = await db.selectFrom('attendance').select('lessonId').where('lessonId', '=', lessonId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The lessons regeneration looks at: every lesson of the course, and whether it has attendance. */
export async function storedLessons(db: Db, courseId: number) {
  return db
    .selectFrom('lessons')
    .select((eb) => [
      'lessons.id',
      'lessons.plannedOn',
      'lessons.startTime',
      'lessons.minutes',
      'lessons.status',
      'lessons.version',
      eb
        .exists(eb.selectFrom('attendance').select('attendance.lessonId').whereRef('attendance.lessonId', '=', 'lessons.id'))
        .as('hasAttendance'),
    ])
    .where('lessons.courseId', '=', courseId)
    .execute();
}

/** In chunks: a two-year course has at most a few hundred, well under the databases' parameter limits. */
export async function insertLessons(db: Db, lessons: Insertable<LessonsTable>[]): Promise<void> {
  for (let i = 0; i < lessons.length; i += 200) {
    await db
      .insertInto('lessons')
      .values(lessons.slice(i, i + 200))
      .execute();
  }
}

export async function deleteLessons(db: Db, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('lessons').where('id', 'in', ids).execute();
}
