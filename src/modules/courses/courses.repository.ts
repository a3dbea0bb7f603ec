/** Courses, their kinds, lessons, enrolments, attendance and waiting lists: SQL only. */
import type { Kysely } from 'kysely';
import type { Course, CourseKind, Lesson, WaitingListEntry } from '../../contracts/courses.js';
import type { CourseLevel, EnrolmentProgramme, Gender, LessonStatus, WaitingListKind, WaitingListStatus } from '../../contracts/enums.js';
import type { Database } from '../../db/schema.js';
import { weekdayOf } from '../../domain/calendar.js';
import { daysWaited, isOutsideCourse } from '../../domain/courses.js';
import { DEFAULT_COURSE_KINDS } from './default-course-kinds.js';

type Db = Kysely<Database>;

// --- kinds

const KIND_COLUMNS = ['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'] as const;

const toKind = (row: { id: number; code: string; labelIt: string; labelEn: string; active: number; sortOrder: number }): CourseKind => ({
  ...row,
  active: row.active === 1,
});

/** Gives an organisation the default kinds; kinds it has already are left as they are. */
export async function seedDefaultCourseKinds(db: Db, organisationId: number, now = new Date().toISOString()) {
  await db
    .insertInto('courseKinds')
    .values(
      DEFAULT_COURSE_KINDS.map((kind, i) => ({
        organisationId,
        ...kind,
        active: 1,
        sortOrder: (i + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
    .execute();
}

export async function listCourseKinds(db: Db, organisationId: number, onlyActive = false): Promise<CourseKind[]> {
  let query = db.selectFrom('courseKinds').select(KIND_COLUMNS).where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('sortOrder').orderBy('id').execute();
  return rows.map(toKind);
}

export async function findCourseKind(db: Db, organisationId: number, id: number): Promise<CourseKind | undefined> {
  const row = await db
    .selectFrom('courseKinds')
    .select(KIND_COLUMNS)
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toKind(row) : undefined;
}

// --- courses

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

function courseSelect(db: Db, filter: CourseFilter) {
  return coursesWhere(db, filter).select((eb) => [
    'courses.id',
    'courses.centreId',
    'courses.title',
    'courses.level',
    'courses.partner',
    'courses.place',
    'courses.startDate',
    'courses.endDate',
    'courses.weekdays',
    'courses.startTime',
    'courses.lessonMinutes',
    'courses.capacity',
    'courses.notes',
    'courses.version',
    'courseKinds.id as kindId',
    'courseKinds.code as kindCode',
    'courseKinds.labelIt as kindLabelIt',
    'courseKinds.labelEn as kindLabelEn',
    eb
      .selectFrom('enrolments')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('enrolments.courseId', '=', 'courses.id')
      .where('enrolments.withdrawnOn', 'is', null)
      .as('activeEnrolments'),
    eb.selectFrom('lessons').select(eb.fn.countAll<number>().as('n')).whereRef('lessons.courseId', '=', 'courses.id').as('lessons'),
    eb
      .selectFrom('lessons')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('lessons.courseId', '=', 'courses.id')
      .where('lessons.status', '=', 'held')
      .as('lessonsHeld'),
  ]);
}

type CourseRow = {
  id: number;
  centreId: number;
  title: string;
  level: string | null;
  partner: string | null;
  place: string | null;
  startDate: string;
  endDate: string;
  weekdays: string;
  startTime: string;
  lessonMinutes: number;
  capacity: number | null;
  notes: string | null;
  version: number;
  kindId: number;
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
    kind: { id: row.kindId, code: row.kindCode, labelIt: row.kindLabelIt, labelEn: row.kindLabelEn },
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

export async function findCourse(db: Db, id: number, centreIds: number[]): Promise<Course | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await courseSelect(db, { centreIds }).where('courses.id', '=', id).executeTakeFirst();
  return row ? toCourse(row) : undefined;
}

/** Newest first (by start date). */
export async function listCourses(db: Db, filter: CourseFilter, page: number, pageSize: number) {
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    courseSelect(db, filter)
      .orderBy('courses.startDate', 'desc')
      .orderBy('courses.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    coursesWhere(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCourse), total: Number(count.n) };
}

/** Every course matching, oldest first, without the counts: for the figures. */
export async function courseRowsFor(db: Db, filter: CourseFilter) {
  if (filter.centreIds.length === 0) return [];
  return coursesWhere(db, filter)
    .innerJoin('centres', 'centres.id', 'courses.centreId')
    .select([
      'courses.id',
      'courses.centreId',
      'courses.title',
      'courses.level',
      'courses.partner',
      'courses.startDate',
      'courses.endDate',
      'courseKinds.id as kindId',
      'courseKinds.code as kindCode',
      'courseKinds.labelIt as kindLabelIt',
      'courseKinds.labelEn as kindLabelEn',
      'courseKinds.sortOrder as kindSortOrder',
      'centres.completionThreshold',
    ])
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

// --- lessons

type LessonRow = {
  id: number;
  courseId: number;
  lessonDate: string;
  startTime: string;
  minutes: number;
  status: string;
  notes: string | null;
  plannedOn: string | null;
  version: number;
  present?: number | null;
  marked?: number | null;
};

export function toLesson(row: LessonRow, course: { startDate: string; endDate: string }): Lesson {
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

// --- enrolments

const ENROLMENT_COLUMNS = [
  'enrolments.id',
  'enrolments.courseId',
  'enrolments.personId',
  'enrolments.programme',
  'enrolments.enrolledOn',
  'enrolments.withdrawnOn',
  'enrolments.gender',
  'enrolments.citizenship',
  'enrolments.version',
  'people.givenNames',
  'people.familyNames',
] as const;

export type EnrolmentRow = {
  id: number;
  courseId: number;
  personId: number | null;
  programme: string;
  enrolledOn: string;
  withdrawnOn: string | null;
  gender: string;
  citizenship: string;
  version: number;
  givenNames: string | null;
  familyNames: string | null;
};

export const personOf = (row: { personId: number | null; givenNames: string | null; familyNames: string | null }) =>
  row.personId !== null && row.givenNames !== null
    ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
    : null;

/** By family and given names (the erased last), then enrolment: the same order on both databases. */
export function byName<T extends { givenNames: string | null; familyNames: string | null; id?: number; enrolmentId?: number }>(a: T, b: T) {
  if (a.familyNames === null || b.familyNames === null) return (a.familyNames === null ? 1 : 0) - (b.familyNames === null ? 1 : 0);
  return (
    a.familyNames.localeCompare(b.familyNames, 'it') ||
    (a.givenNames ?? '').localeCompare(b.givenNames ?? '', 'it') ||
    (a.id ?? a.enrolmentId ?? 0) - (b.id ?? b.enrolmentId ?? 0)
  );
}

function enrolmentsWithNames(db: Db) {
  return db.selectFrom('enrolments').leftJoin('people', 'people.id', 'enrolments.personId').select(ENROLMENT_COLUMNS);
}

export async function enrolmentRowsOfCourse(db: Db, courseId: number): Promise<EnrolmentRow[]> {
  const rows = await enrolmentsWithNames(db).where('enrolments.courseId', '=', courseId).execute();
  return rows.sort(byName);
}

export async function findEnrolmentRow(db: Db, id: number, centreIds: number[]) {
  if (centreIds.length === 0) return undefined;
  return enrolmentsWithNames(db)
    .innerJoin('courses', 'courses.id', 'enrolments.courseId')
    .select(['courses.centreId', 'courses.capacity'])
    .where('enrolments.id', '=', id)
    .where('courses.centreId', 'in', centreIds)
    .executeTakeFirst();
}

export async function countActiveEnrolments(db: Db, courseId: number): Promise<number> {
  const row = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('courseId', '=', courseId)
    .where('withdrawnOn', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function activeEnrolmentOf(db: Db, courseId: number, personId: number, exceptId?: number) {
  let query = db
    .selectFrom('enrolments')
    .select('id')
    .where('courseId', '=', courseId)
    .where('personId', '=', personId)
    .where('withdrawnOn', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/**
 * The learners of a lesson: everyone enrolled on its date, and anyone marked at it before (a
 * withdrawal dated back), with their mark. One query.
 */
export async function attendanceRows(db: Db, lesson: { id: number; courseId: number; lessonDate: string }) {
  const rows = await db
    .selectFrom('enrolments')
    .leftJoin('people', 'people.id', 'enrolments.personId')
    .leftJoin('attendance', (join) => join.onRef('attendance.enrolmentId', '=', 'enrolments.id').on('attendance.lessonId', '=', lesson.id))
    .select([
      'enrolments.id as enrolmentId',
      'enrolments.personId',
      'enrolments.programme',
      'people.givenNames',
      'people.familyNames',
      'attendance.present',
    ])
    .where('enrolments.courseId', '=', lesson.courseId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('enrolments.enrolledOn', '<=', lesson.lessonDate),
          eb.or([eb('enrolments.withdrawnOn', 'is', null), eb('enrolments.withdrawnOn', '>=', lesson.lessonDate)]),
        ]),
        eb('attendance.lessonId', 'is not', null),
      ]),
    )
    .execute();
  return rows.sort(byName);
}

// --- what the figures count

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
      .select(['id', 'courseId', 'personId', 'programme', 'enrolledOn', 'withdrawnOn', 'citizenship'])
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

// --- waiting lists

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
  return waitingWhere(db, filter)
    .leftJoin('people', 'people.id', 'waitingListEntries.personId')
    .leftJoin('enrolments', 'enrolments.id', 'waitingListEntries.enrolmentId')
    .leftJoin('courses', 'courses.id', 'enrolments.courseId')
    .select([
      'waitingListEntries.id',
      'waitingListEntries.centreId',
      'waitingListEntries.kind',
      'waitingListEntries.personId',
      'people.givenNames',
      'people.familyNames',
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
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    waitingSelect(db, filter)
      .orderBy('waitingListEntries.priority', 'desc')
      .orderBy('waitingListEntries.requestedOn')
      .orderBy('waitingListEntries.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    waitingWhere(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => toWaitingEntry(row, today)), total: Number(count.n) };
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

// --- the person's file

export async function enrolmentRowsOfPerson(db: Db, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  return enrolmentsWithNames(db)
    .innerJoin('courses', 'courses.id', 'enrolments.courseId')
    .innerJoin('courseKinds', 'courseKinds.id', 'courses.kindId')
    .select([
      'courses.title as courseTitle',
      'courses.level as courseLevel',
      'courses.startDate as courseStartDate',
      'courses.endDate as courseEndDate',
      'courseKinds.id as kindId',
      'courseKinds.code as kindCode',
      'courseKinds.labelIt as kindLabelIt',
      'courseKinds.labelEn as kindLabelEn',
    ])
    .where('enrolments.personId', '=', personId)
    .where('courses.centreId', 'in', centreIds)
    .orderBy('courses.startDate', 'desc')
    .orderBy('enrolments.id', 'desc')
    .execute();
}

export const asGender = (gender: string) => gender as Gender;
export const asProgramme = (programme: string) => programme as EnrolmentProgramme;
