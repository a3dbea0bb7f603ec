/** Courses: SQL only. */
import type { Kysely, Selectable } from 'kysely';
import type { Course } from '../../contracts/courses.js';
import type { CourseLevel } from '../../contracts/enums.js';
import { newestFirstRecords } from '../../db/centre-records.js';
import { relatedCount } from '../../db/queries.js';
import type { CoursesTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface CourseFilter {
  centreIds: number[];
  /** Running at some moment of the year. */
  year?: number;
  /** Started in the year (the figures count enrolments in their course's year). */
  startYear?: number;
  kindId?: number;
  ids?: number[];
}

function coursesWhere(db: Db, filter: CourseFilter) {
  let query = db
    .selectFrom('courses')
    .innerJoin('courseKinds', 'courseKinds.id', 'courses.kindId')
    .where('courses.centreId', 'in', filter.centreIds);
  if (filter.year !== undefined) {
    query = query.where('courses.startDate', '<=', `${filter.year}-12-31`).where('courses.endDate', '>=', `${filter.year}-01-01`);
  }
  if (filter.startYear !== undefined) {
    query = query
      .where('courses.startDate', '>=', `${filter.startYear}-01-01`)
      .where('courses.startDate', '<=', `${filter.startYear}-12-31`);
  }
  if (filter.kindId !== undefined) query = query.where('courses.kindId', '=', filter.kindId);
  if (filter.ids !== undefined) query = query.where('courses.id', 'in', filter.ids.length > 0 ? filter.ids : [0]);
  return query;
}

/** A course's kind, as every query of courses names its columns. */
const KIND_COLUMNS = [
  'courseKinds.id as kindId',
  'courseKinds.code as kindCode',
  'courseKinds.labelIt as kindLabelIt',
  'courseKinds.labelEn as kindLabelEn',
] as const;

/** The kind a row read with KIND_COLUMNS names. */
export const kindOf = (row: { kindId: number; kindCode: string; kindLabelIt: string; kindLabelEn: string }) => ({
  id: row.kindId,
  code: row.kindCode,
  labelIt: row.kindLabelIt,
  labelEn: row.kindLabelEn,
});

/** What a course is (its kind included): the columns the list and the figures both read. */
const COURSE_COLUMNS = [
  'courses.id',
  'courses.centreId',
  'courses.title',
  'courses.level',
  'courses.partner',
  'courses.place',
  'courses.startDate',
  'courses.endDate',
  ...KIND_COLUMNS,
] as const;

function courseSelect(db: Db, filter: CourseFilter) {
  return coursesWhere(db, filter).select((eb) => [
    ...COURSE_COLUMNS,
    'courses.weekdays',
    'courses.startTime',
    'courses.lessonMinutes',
    'courses.capacity',
    'courses.notes',
    'courses.version',
    relatedCount(eb, 'enrolments', 'enrolments.courseId', 'courses.id').where('enrolments.withdrawnOn', 'is', null).as('activeEnrolments'),
    relatedCount(eb, 'lessons', 'lessons.courseId', 'courses.id').as('lessons'),
    relatedCount(eb, 'lessons', 'lessons.courseId', 'courses.id').where('lessons.status', '=', 'held').as('lessonsHeld'),
  ]);
}

type CourseRow = Omit<Selectable<CoursesTable>, 'createdAt' | 'updatedAt'> & {
  kindCode: string;
  kindLabelIt: string;
  kindLabelEn: string;
  activeEnrolments: number | null;
  lessons: number | null;
  lessonsHeld: number | null;
};

function toCourse(row: CourseRow): Course {
  return {
    id: row.id,
    centreId: row.centreId,
    kind: kindOf(row),
    title: row.title,
    level: row.level as CourseLevel | null,
    partner: row.partner,
    place: row.place,
    startDate: row.startDate,
    endDate: row.endDate,
    weekdays: JSON.parse(row.weekdays) as number[],
    startTime: row.startTime,
    lessonMinutes: row.lessonMinutes,
    capacity: row.capacity,
    notes: row.notes,
    activeEnrolments: Number(row.activeEnrolments ?? 0),
    lessons: Number(row.lessons ?? 0),
    lessonsHeld: Number(row.lessonsHeld ?? 0),
    version: row.version,
  };
}

/** Newest first (by start date), a page at a time; or one. */
export const { page: listCourses, find: findCourse } = newestFirstRecords({
  table: 'courses',
  date: 'startDate',
  matching: coursesWhere,
  selected: courseSelect,
  toItem: toCourse,
});

/** Every course matching, oldest first, without the counts: for the figures. */
export async function courseRowsFor(db: Db, filter: CourseFilter) {
  if (filter.centreIds.length === 0) return [];
  return coursesWhere(db, filter)
    .innerJoin('centres', 'centres.id', 'courses.centreId')
    .select([...COURSE_COLUMNS, 'courseKinds.sortOrder as kindSortOrder', 'centres.completionThreshold'])
    .orderBy('courses.startDate')
    .orderBy('courses.id')
    .execute();
}

/**
 * Holds the course's row until the transaction ends (a no-op update takes the row lock on
 * PostgreSQL; SQLite has one writer anyway): two enrolments or two generations at once queue
 * up, so the capacity and the lessons are checked against what the other one wrote.
 */
export async function lockCourse(db: Db, courseId: number): Promise<void> {
  await db
    .updateTable('courses')
    .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
    .where('id', '=', courseId)
    .execute();
}

export async function hasEnrolments(db: Db, courseId: number): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('courseId', '=', courseId).limit(1).executeTakeFirst();
  return row !== undefined;
}
