/**
 * Courses (club linguistici, driving-exam support…): kinds, courses, lessons generated from the
 * weekly pattern, enrolments, attendance, figures and waiting lists. Rules, transactions, audit.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import {
  type AttendanceInput,
  type Course,
  type CourseCreateInput,
  type CourseFigures,
  type CourseKind,
  type CourseKindCreateInput,
  type CourseKindUpdateInput,
  type CourseListQuery,
  type CourseUpdateInput,
  courseDateProblem,
  type Enrolment,
  type EnrolmentCreateInput,
  type EnrolmentUpdateInput,
  type GenerateLessonsInput,
  type GenerateLessonsResult,
  type Lesson,
  type LessonAttendance,
  type LessonCreateInput,
  type LessonUpdateInput,
  type PersonCourses,
  type PlaceInput,
  type WaitingListCreateInput,
  type WaitingListEntry,
  type WaitingListQuery,
  type WaitingListUpdateInput,
  type WaitingSummary,
  type WaitingSummaryQuery,
  type YearFigures,
} from '../../contracts/courses.js';
import {
  type CourseLevel,
  ENROLMENT_PROGRAMMES,
  type EnrolmentProgramme,
  WAITING_LIST_KINDS,
  type WaitingListKind,
} from '../../contracts/enums.js';
import type { Database, PersonRow } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { weekdayOf } from '../../domain/calendar.js';
import { courseFigures as computeCourseFigures, lessonDates, regenerationPlan, yearTotals } from '../../domain/courses.js';
import { todayInRome } from '../../domain/dates.js';
import { can } from '../../domain/permissions.js';
import { AppError, notFound, validationFailed } from '../../errors/index.js';
import { recordAudit, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { loadCentreCalendar } from '../calendar/calendar.repository.js';
import { findPersonRow } from '../people/people.repository.js';
import {
  activeEnrolmentOf,
  allWaiting,
  asGender,
  asProgramme,
  attendanceRows,
  countActiveEnrolments,
  courseRowsFor,
  type EnrolmentRow,
  enrolmentRowsOfCourse,
  enrolmentRowsOfPerson,
  figuresData,
  findCourse,
  findCourseKind,
  findEnrolmentRow,
  findLessonWithCourse,
  findWaitingEntry,
  lessonHasAttendance,
  listCourseKinds,
  listCourses,
  listLessonRows,
  listWaiting,
  lockCourse,
  personOf,
  storedLessons,
  toLesson,
  waitingRowsUpTo,
} from './courses.repository.js';

type Db = Kysely<Database>;

/** The fields of an update that were sent, for the audit log (names, never values). */
const sentFields = (input: object) => Object.keys(input).filter((key) => key !== 'version');

// --- kinds (coordinators: catalogues.manage)

async function getCourseKind(db: Db, actor: Actor, id: number): Promise<CourseKind> {
  const kind = await findCourseKind(db, actor.organisationId, id);
  if (!kind) throw notFound('course kind');
  return kind;
}

export async function courseKindsFor(db: Db, actor: Actor, onlyActive: boolean): Promise<CourseKind[]> {
  return listCourseKinds(db, actor.organisationId, onlyActive);
}

export async function createCourseKind(db: Db, actor: Actor, input: CourseKindCreateInput): Promise<CourseKind> {
  const existing = await listCourseKinds(db, actor.organisationId);
  if (existing.some((kind) => kind.code === input.code)) {
    throw new AppError('resource.conflict', 409, `A course kind with code ${input.code} exists already`);
  }
  const now = new Date().toISOString();
  const sortOrder = input.sortOrder ?? Math.max(0, ...existing.map((kind) => kind.sortOrder)) + 10;
  const id = await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('courseKinds')
      .values({
        organisationId: actor.organisationId,
        code: input.code,
        labelIt: input.labelIt,
        labelEn: input.labelEn,
        active: 1,
        sortOrder,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'course_kind', entityId: row.id });
    return row.id;
  });
  return getCourseKind(db, actor, id);
}

/** Renames, reorders or deactivates a kind. Kinds are never deleted: past courses keep theirs. */
export async function updateCourseKind(db: Db, actor: Actor, id: number, input: CourseKindUpdateInput): Promise<CourseKind> {
  const { active, ...rest } = input;
  await inTransaction(db, async (trx) => {
    await getCourseKind(trx, actor, id);
    await trx
      .updateTable('courseKinds')
      .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'course_kind',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getCourseKind(db, actor, id);
}

/** New courses (and courses moved to another kind) take an active kind of the organisation. */
async function checkActiveKind(db: Db, actor: Actor, kindId: number) {
  const kind = await findCourseKind(db, actor.organisationId, kindId);
  if (!kind?.active) throw validationFailed([{ field: 'kindId', code: 'course.kind_unknown', params: { id: kindId } }]);
}

// --- courses

export async function loadCourse(db: Db, actor: Actor, id: number): Promise<Course> {
  const course = await findCourse(db, id, actor.centreIds);
  if (!course) throw notFound('course');
  return course;
}

/**
 * Courses and lessons name nobody, and viewers read them for the figures; but their free-text
 * notes might ("recupero per Amina"): only those who may read personal data get them.
 */
function withoutNotesFor<T extends { notes: string | null }>(actor: Actor, rows: T[]): T[] {
  return can(actor.role, 'personal.read') ? rows : rows.map((row) => ({ ...row, notes: null }));
}

export async function getCourse(db: Db, actor: Actor, id: number): Promise<Course> {
  return withoutNotesFor(actor, [await loadCourse(db, actor, id)])[0] as Course;
}

export async function listCoursesFor(db: Db, actor: Actor, query: CourseListQuery): Promise<Page<Course>> {
  const { page, pageSize, centreId, ...filter } = query;
  const result = await listCourses(db, { ...filter, centreIds: centreScope(actor, centreId) }, page, pageSize);
  return { ...result, items: withoutNotesFor(actor, result.items), page, pageSize };
}

export async function createCourse(db: Db, actor: Actor, input: CourseCreateInput, now = new Date()): Promise<Course> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    await checkActiveKind(trx, actor, input.kindId);
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('courses')
      .values({
        centreId,
        kindId: input.kindId,
        title: input.title,
        level: input.level ?? null,
        partner: input.partner || null,
        place: input.place || null,
        startDate: input.startDate,
        endDate: input.endDate,
        weekdays: JSON.stringify([...input.weekdays].sort((a, b) => a - b)),
        startTime: input.startTime,
        lessonMinutes: input.lessonMinutes,
        capacity: input.capacity ?? null,
        notes: input.notes || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'course', entityId: row.id }, now);
    return row.id;
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
    const changes: Record<string, unknown> = { ...rest, updatedAt: now.toISOString() };
    if (weekdays !== undefined) changes.weekdays = JSON.stringify([...weekdays].sort((a, b) => a - b));
    if (partner !== undefined) changes.partner = partner || null;
    if (place !== undefined) changes.place = place || null;
    if (notes !== undefined) changes.notes = notes || null;
    await updateVersioned(trx, 'courses', id, version, changes, 'course');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: existing.centreId,
        action: 'update',
        entity: 'course',
        entityId: id,
        details: { fields: sentFields(input) },
      },
      now,
    );
  });
  return loadCourse(db, actor, id);
}

/** Only a course nobody is enrolled in can be deleted (with its lessons): enrolments are statistics. */
export async function deleteCourse(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await loadCourse(trx, actor, id);
    const enrolled = await trx.selectFrom('enrolments').select('id').where('courseId', '=', id).limit(1).executeTakeFirst();
    if (enrolled) throw new AppError('course.has_enrolments', 409, 'People are enrolled in this course: it cannot be deleted');
    await deleteVersioned(trx, 'courses', id, version, 'course');
    await recordAudit(trx, { userId: actor.userId, centreId: existing.centreId, action: 'delete', entity: 'course', entityId: id });
  });
}

// --- lessons

export async function listLessonsFor(db: Db, actor: Actor, courseId: number): Promise<Lesson[]> {
  const course = await loadCourse(db, actor, courseId);
  return withoutNotesFor(
    actor,
    (await listLessonRows(db, courseId)).map((row) => toLesson(row, course)),
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
    if (plan.remove.length > 0) await trx.deleteFrom('lessons').where('id', 'in', plan.remove).execute();
    const stamp = now.toISOString();
    // In chunks: a two-year course has at most a few hundred, well under the databases' parameter limits.
    for (let i = 0; i < plan.add.length; i += 200) {
      await trx
        .insertInto('lessons')
        .values(
          plan.add.slice(i, i + 200).map((date) => ({
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
        )
        .execute();
    }
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId,
        action: 'update',
        entity: 'course',
        entityId: courseId,
        details: { lessons: { from, added: plan.add.length, removed: plan.remove.length } },
      },
      now,
    );
    return { plan, skipped };
  });
  return {
    added: outcome.plan.add.length,
    removed: outcome.plan.remove.length,
    unchanged: outcome.plan.unchanged,
    kept: outcome.plan.kept,
    skipped: outcome.skipped.map((s) => ({
      date: s.date,
      weekday: weekdayOf(s.date),
      reason: s.because.kind,
      detail: s.because.kind === 'holiday' ? s.because.name : s.because.kind === 'closure' ? s.because.reason : null,
    })),
  };
}

async function loadLesson(db: Db, actor: Actor, id: number) {
  const row = await findLessonWithCourse(db, id, actor.centreIds);
  if (!row) throw notFound('lesson');
  return row;
}

async function lessonOf(db: Db, actor: Actor, id: number): Promise<Lesson> {
  const row = await loadLesson(db, actor, id);
  const [withCounts] = (await listLessonRows(db, row.courseId)).filter((lesson) => lesson.id === id);
  return toLesson(withCounts ?? row, { startDate: row.courseStartDate, endDate: row.courseEndDate });
}

/** Adds one lesson by hand (a make-up lesson, an extra one): outside the course's dates it is allowed, and flagged. */
export async function addLesson(db: Db, actor: Actor, courseId: number, input: LessonCreateInput, now = new Date()): Promise<Lesson> {
  const id = await inTransaction(db, async (trx) => {
    const course = await loadCourse(trx, actor, courseId);
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('lessons')
      .values({
        courseId,
        lessonDate: input.date,
        plannedOn: null,
        startTime: input.startTime ?? course.startTime,
        minutes: input.minutes ?? course.lessonMinutes,
        status: 'scheduled',
        notes: input.notes || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: course.centreId, action: 'create', entity: 'lesson', entityId: row.id, details: { courseId } },
      now,
    );
    return row.id;
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
      throw new AppError('lesson.has_attendance', 409, 'The attendance of this lesson was taken: it stays held');
    }
    if (input.status === 'held' && (date ?? lesson.lessonDate) > todayInRome(now)) {
      throw new AppError('lesson.in_future', 409, 'A lesson in the future cannot be held yet');
    }
    const changes: Record<string, unknown> = { ...rest, updatedAt: now.toISOString() };
    if (date !== undefined) changes.lessonDate = date;
    if (notes !== undefined) changes.notes = notes || null;
    await updateVersioned(trx, 'lessons', id, version, changes, 'lesson');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: lesson.centreId,
        action: 'update',
        entity: 'lesson',
        entityId: id,
        details: { fields: sentFields(input) },
      },
      now,
    );
  });
  return lessonOf(db, actor, id);
}

/** Deletes a lesson added by mistake; one with attendance is refused (cancel is not possible either: it was held). */
export async function deleteLesson(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const lesson = await loadLesson(trx, actor, id);
    if (await lessonHasAttendance(trx, id)) {
      throw new AppError('lesson.has_attendance', 409, 'The attendance of this lesson was taken: it cannot be deleted');
    }
    await deleteVersioned(trx, 'lessons', id, version, 'lesson');
    await recordAudit(trx, { userId: actor.userId, centreId: lesson.centreId, action: 'delete', entity: 'lesson', entityId: id });
  });
}

// --- figures

type CourseFiguresRow = Awaited<ReturnType<typeof courseRowsFor>>[number];
type FiguresData = Awaited<ReturnType<typeof figuresData>>;

function groupByCourse<T extends { courseId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.courseId);
    if (group) group.push(row);
    else groups.set(row.courseId, [row]);
  }
  return groups;
}

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The figures of each course (and of each learner), from three queries whatever the number of courses. */
function figuresOf(courses: readonly CourseFiguresRow[], data: FiguresData) {
  const lessons = groupByCourse(data.lessons);
  const enrolments = groupByCourse(data.enrolments);
  const lessonCourse = new Map(data.lessons.map((lesson) => [lesson.id, lesson.courseId]));
  const presences = groupByCourse(data.presences.map((p) => ({ ...p, courseId: lessonCourse.get(p.lessonId) ?? 0 })));
  return courses.map((course) => {
    const figures = computeCourseFigures({
      programmes: ENROLMENT_PROGRAMMES,
      course,
      lessons: lessons.get(course.id) ?? [],
      enrolments: enrolments.get(course.id) ?? [],
      presences: presences.get(course.id) ?? [],
      threshold: course.completionThreshold,
    });
    const summary: CourseFigures = {
      courseId: course.id,
      centreId: course.centreId,
      title: course.title,
      kind: { id: course.kindId, code: course.kindCode, labelIt: course.kindLabelIt, labelEn: course.kindLabelEn },
      level: course.level as CourseLevel | null,
      partner: course.partner,
      startDate: course.startDate,
      endDate: course.endDate,
      lessonsHeld: figures.lessonsHeld,
      minutesHeld: figures.minutesHeld,
      hoursHeld: hoursOf(figures.minutesHeld),
      lessonsScheduled: figures.lessonsScheduled,
      lessonsCancelled: figures.lessonsCancelled,
      enrolments: figures.enrolments,
      byProgramme: figures.byProgramme,
      withdrawn: figures.withdrawn,
      presences: figures.presences,
      expectedPresences: figures.expectedPresences,
      attendanceRate: figures.attendanceRate,
      completed: figures.completed,
      completionThreshold: course.completionThreshold,
    };
    return {
      course,
      summary,
      learners: new Map(figures.learners.map((l) => [l.enrolmentId, l])),
      enrolments: enrolments.get(course.id) ?? [],
    };
  });
}

export async function courseFiguresFor(db: Db, actor: Actor, courseId: number): Promise<CourseFigures> {
  const courses = await courseRowsFor(db, { centreIds: actor.centreIds, ids: [courseId] });
  if (courses.length === 0) throw notFound('course');
  const [figures] = figuresOf(courses, await figuresData(db, [courseId]));
  return (figures as ReturnType<typeof figuresOf>[number]).summary;
}

/**
 * The courses' figures of a year, for the annual report (issue 5) and the courses page: each
 * course that started in the year (so each enrolment counts in its course's year), the totals
 * with the distinct learners beside the sum of enrolments, and the same by kind. Bounded by the
 * centres given; no personal data.
 */
export async function courseFiguresOfYear(db: Db, centreIds: number[], year: number): Promise<YearFigures> {
  const courses = await courseRowsFor(db, { centreIds, startYear: year });
  const figures = figuresOf(
    courses,
    await figuresData(
      db,
      courses.map((c) => c.id),
    ),
  );
  const totalsOf = (rows: typeof figures) => {
    const totals = yearTotals(
      ENROLMENT_PROGRAMMES,
      rows.flatMap((row) =>
        row.enrolments.map((e) => ({
          // An erased person's enrolments stay counted, each as its own learner.
          learner: e.personId !== null ? `person:${e.personId}` : `enrolment:${e.id}`,
          programme: e.programme,
          citizenship: e.citizenship,
        })),
      ),
    );
    const minutes = rows.reduce((sum, row) => sum + row.summary.minutesHeld, 0);
    return {
      courses: rows.length,
      ...totals,
      lessonsHeld: rows.reduce((sum, row) => sum + row.summary.lessonsHeld, 0),
      hoursHeld: hoursOf(minutes),
    };
  };
  const kinds = [...new Map(courses.map((c) => [c.kindId, c])).values()].sort(
    (a, b) => a.kindSortOrder - b.kindSortOrder || a.kindId - b.kindId,
  );
  return {
    year,
    courses: figures.map((row) => row.summary),
    totals: totalsOf(figures),
    byKind: kinds.map((k) => ({
      kind: { id: k.kindId, code: k.kindCode, labelIt: k.kindLabelIt, labelEn: k.kindLabelEn },
      ...totalsOf(figures.filter((row) => row.course.kindId === k.kindId)),
    })),
  };
}

export async function yearFiguresFor(db: Db, actor: Actor, query: { year: number; centreId?: number }): Promise<YearFigures> {
  return courseFiguresOfYear(db, centreScope(actor, query.centreId), query.year);
}

// --- enrolments

function toEnrolment(row: EnrolmentRow, learner?: { heldWhileEnrolled: number; attended: number; completed: boolean }): Enrolment {
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

async function loadEnrolment(db: Db, actor: Actor, id: number): Promise<Enrolment> {
  const row = await findEnrolmentRow(db, id, actor.centreIds);
  if (!row) throw notFound('enrolment');
  const enrolment = (await enrolmentsOfCourse(db, actor, row.courseId)).find((e) => e.id === id);
  return enrolment ?? toEnrolment(row);
}

/**
 * Checks an enrolment may start: no other current one of the person in the course (409
 * enrolment.already_enrolled), a place left (409 course.full). Under the course's lock.
 */
async function checkPlace(db: Db, course: { id: number; capacity: number | null }, personId: number, exceptId?: number) {
  await lockCourse(db, course.id);
  if (await activeEnrolmentOf(db, course.id, personId, exceptId)) {
    throw new AppError('enrolment.already_enrolled', 409, 'This person is enrolled in this course already');
  }
  if (course.capacity !== null && (await countActiveEnrolments(db, course.id)) >= course.capacity) {
    throw new AppError('course.full', 409, `The course is full (${course.capacity} places)`, { capacity: course.capacity });
  }
}

/** Enrols a person of the course's centre; gender and citizenship are kept as a snapshot for the statistics. */
async function insertEnrolment(
  db: Db,
  actor: Actor,
  course: { id: number; centreId: number; capacity: number | null },
  person: PersonRow,
  programme: EnrolmentProgramme,
  enrolledOn: string,
  now: Date,
): Promise<number> {
  await checkPlace(db, course, person.id);
  const stamp = now.toISOString();
  const row = await db
    .insertInto('enrolments')
    .values({
      courseId: course.id,
      personId: person.id,
      programme,
      enrolledOn,
      withdrawnOn: null,
      gender: person.gender,
      citizenship: person.citizenship,
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    db,
    {
      userId: actor.userId,
      centreId: course.centreId,
      action: 'create',
      entity: 'enrolment',
      entityId: row.id,
      details: { courseId: course.id, personId: person.id },
    },
    now,
  );
  return row.id;
}

export async function enrol(db: Db, actor: Actor, courseId: number, input: EnrolmentCreateInput, now = new Date()): Promise<Enrolment> {
  const id = await inTransaction(db, async (trx) => {
    const course = await loadCourse(trx, actor, courseId);
    // The learner is a person of the course's centre: its lists never name someone its users cannot see.
    const person = await findPersonRow(trx, input.personId, [course.centreId]);
    if (!person) throw notFound('person');
    return insertEnrolment(trx, actor, course, person, input.programme, input.enrolledOn ?? todayInRome(now), now);
  });
  return loadEnrolment(db, actor, id);
}

/** Corrects the programme or dates; the withdrawal (ritiro) sets `withdrawnOn`, and null takes it back (if a place is free). */
export async function updateEnrolment(db: Db, actor: Actor, id: number, input: EnrolmentUpdateInput, now = new Date()): Promise<Enrolment> {
  await inTransaction(db, async (trx) => {
    const row = await findEnrolmentRow(trx, id, actor.centreIds);
    if (!row) throw notFound('enrolment');
    const enrolledOn = input.enrolledOn ?? row.enrolledOn;
    const withdrawnOn = input.withdrawnOn !== undefined ? input.withdrawnOn : row.withdrawnOn;
    if (withdrawnOn !== null && withdrawnOn < enrolledOn) {
      throw validationFailed([{ field: 'withdrawnOn', code: 'enrolment.withdrawn_before_enrolled' }]);
    }
    if (row.withdrawnOn !== null && withdrawnOn === null && row.personId !== null) {
      await checkPlace(trx, { id: row.courseId, capacity: row.capacity }, row.personId, id);
    }
    const { version, ...changes } = input;
    await updateVersioned(trx, 'enrolments', id, version, { ...changes, updatedAt: now.toISOString() }, 'enrolment');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: row.centreId,
        action: 'update',
        entity: 'enrolment',
        entityId: id,
        details: { fields: sentFields(input) },
      },
      now,
    );
  });
  return loadEnrolment(db, actor, id);
}

/** Deletes an enrolment made by mistake, with its attendance; a waiting-list entry placed by it waits again. */
export async function deleteEnrolment(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await findEnrolmentRow(trx, id, actor.centreIds);
    if (!row) throw notFound('enrolment');
    const placed = await trx
      .updateTable('waitingListEntries')
      .set((eb) => ({
        status: 'waiting',
        closedOn: null,
        enrolmentId: null,
        updatedAt: now.toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('enrolmentId', '=', id)
      .returning('id')
      .execute();
    for (const entry of placed) {
      await recordAudit(
        trx,
        {
          userId: actor.userId,
          centreId: row.centreId,
          action: 'update',
          entity: 'waiting_list_entry',
          entityId: entry.id,
          details: { fields: ['status', 'closedOn', 'enrolmentId'] },
        },
        now,
      );
    }
    await deleteVersioned(trx, 'enrolments', id, version, 'enrolment');
    await recordAudit(trx, { userId: actor.userId, centreId: row.centreId, action: 'delete', entity: 'enrolment', entityId: id }, now);
  });
}

// --- attendance

type AttendanceRow = Awaited<ReturnType<typeof attendanceRows>>[number];
type LessonWithCourse = NonNullable<Awaited<ReturnType<typeof findLessonWithCourse>>>;

function toAttendance(lesson: LessonWithCourse, rows: readonly AttendanceRow[], marks: Map<number, boolean | null>): LessonAttendance {
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
  return toAttendance(lesson, rows, new Map(rows.map((row) => [row.enrolmentId, row.present === null ? null : row.present === 1])));
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
    if (lesson.status === 'cancelled') throw new AppError('lesson.cancelled', 409, 'The lesson was cancelled: restore it first');
    if (lesson.lessonDate > todayInRome(now)) throw new AppError('lesson.in_future', 409, 'The lesson has not taken place yet');
    const rows = await attendanceRows(trx, lesson);
    const learners = new Set(rows.map((row) => row.enrolmentId));
    const unknown = input.entries.flatMap((entry, i) =>
      learners.has(entry.enrolmentId) ? [] : [{ field: `entries.${i}.enrolmentId`, code: 'attendance.not_learner' as const }],
    );
    if (unknown.length > 0) throw validationFailed(unknown);

    const stamp = now.toISOString();
    const version = await updateVersioned(trx, 'lessons', lessonId, input.version, { status: 'held', updatedAt: stamp }, 'lesson');
    await trx.deleteFrom('attendance').where('lessonId', '=', lessonId).execute();
    if (input.entries.length > 0) {
      await trx
        .insertInto('attendance')
        .values(
          input.entries.map((entry) => ({ lessonId, enrolmentId: entry.enrolmentId, present: entry.present ? 1 : 0, recordedAt: stamp })),
        )
        .execute();
    }
    const marks = new Map(input.entries.map((entry) => [entry.enrolmentId, entry.present]));
    const personIds = rows.filter((row) => marks.has(row.enrolmentId) && row.personId !== null).map((row) => row.personId as number);
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: lesson.centreId,
        action: 'update',
        entity: 'attendance',
        entityId: lessonId,
        details: { personIds: [...new Set(personIds)].sort((a, b) => a - b), present: input.entries.filter((e) => e.present).length },
      },
      now,
    );
    return toAttendance({ ...lesson, status: 'held', version }, rows, marks);
  });
}

// --- waiting lists

async function loadWaitingEntry(db: Db, actor: Actor, id: number, today: string): Promise<WaitingListEntry> {
  const entry = await findWaitingEntry(db, id, actor.centreIds, today);
  if (!entry) throw notFound('waiting-list entry');
  return entry;
}

export async function listWaitingFor(db: Db, actor: Actor, query: WaitingListQuery, now = new Date()): Promise<Page<WaitingListEntry>> {
  const { page, pageSize, centreId, ...filter } = query;
  const result = await listWaiting(db, { ...filter, centreIds: centreScope(actor, centreId) }, page, pageSize, todayInRome(now));
  await recordListing(
    db,
    actor.userId,
    'waiting_list_entry',
    result.items.map((entry) => entry.person?.id),
  );
  return { ...result, page, pageSize };
}

export async function createWaitingEntry(db: Db, actor: Actor, input: WaitingListCreateInput, now = new Date()): Promise<WaitingListEntry> {
  const today = todayInRome(now);
  const id = await inTransaction(db, async (trx) => {
    const person = await findPersonRow(trx, input.personId, actor.centreIds);
    if (!person) throw notFound('person');
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('waitingListEntries')
      .values({
        centreId: person.centreId,
        kind: input.kind,
        personId: person.id,
        requestedOn: input.requestedOn ?? today,
        priority: input.priority,
        status: 'waiting',
        closedOn: null,
        enrolmentId: null,
        notes: input.notes || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: person.centreId, action: 'create', entity: 'waiting_list_entry', entityId: row.id },
      now,
    );
    return row.id;
  });
  return loadWaitingEntry(db, actor, id, today);
}

/** Corrections, the withdrawal (closedOn defaults to today) and taking it back. A placed entry keeps its status. */
export async function updateWaitingEntry(
  db: Db,
  actor: Actor,
  id: number,
  input: WaitingListUpdateInput,
  now = new Date(),
): Promise<WaitingListEntry> {
  const today = todayInRome(now);
  await inTransaction(db, async (trx) => {
    const entry = await loadWaitingEntry(trx, actor, id, today);
    const { version, status, closedOn, notes, ...rest } = input;
    if (entry.status === 'placed' && (status !== undefined || closedOn !== undefined)) {
      throw new AppError('waiting_list.not_waiting', 409, 'This person was placed in a course: withdraw the enrolment instead');
    }
    const nextStatus = status ?? entry.status;
    const nextClosedOn =
      nextStatus === 'waiting' ? null : (closedOn ?? (status === 'withdrawn' && entry.status !== 'withdrawn' ? today : entry.closedOn));
    const requestedOn = input.requestedOn ?? entry.requestedOn;
    if (nextClosedOn !== null && nextClosedOn < requestedOn) {
      throw validationFailed([{ field: 'closedOn', code: 'waiting_list.closed_before_request' }]);
    }
    const changes: Record<string, unknown> = { ...rest, status: nextStatus, closedOn: nextClosedOn, updatedAt: now.toISOString() };
    if (notes !== undefined) changes.notes = notes || null;
    await updateVersioned(trx, 'waitingListEntries', id, version, changes, 'waiting-list entry');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: entry.centreId,
        action: 'update',
        entity: 'waiting_list_entry',
        entityId: id,
        details: { fields: sentFields(input) },
      },
      now,
    );
  });
  return loadWaitingEntry(db, actor, id, today);
}

/** Places someone waiting into a course: the enrolment and the entry's closing in one transaction. */
export async function placeWaitingEntry(
  db: Db,
  actor: Actor,
  id: number,
  input: PlaceInput,
  now = new Date(),
): Promise<{ entry: WaitingListEntry; enrolment: Enrolment }> {
  const today = todayInRome(now);
  const enrolmentId = await inTransaction(db, async (trx) => {
    const entry = await loadWaitingEntry(trx, actor, id, today);
    if (entry.version !== input.version) {
      // The same answer updateVersioned would give, before anything is written.
      await updateVersioned(trx, 'waitingListEntries', id, input.version, {}, 'waiting-list entry');
    }
    if (entry.status !== 'waiting') throw new AppError('waiting_list.not_waiting', 409, 'This entry is not waiting any more');
    const enrolledOn = input.enrolledOn ?? today;
    if (enrolledOn < entry.requestedOn) {
      throw validationFailed([{ field: 'enrolledOn', code: 'waiting_list.enrolled_before_request' }]);
    }
    const course = await findCourse(trx, input.courseId, [entry.centreId]);
    if (!course) throw notFound('course');
    const person = entry.person ? await findPersonRow(trx, entry.person.id, [entry.centreId]) : undefined;
    if (!person) throw notFound('person');
    const newId = await insertEnrolment(trx, actor, course, person, input.programme, enrolledOn, now);
    await updateVersioned(
      trx,
      'waitingListEntries',
      id,
      input.version,
      { status: 'placed', closedOn: enrolledOn, enrolmentId: newId, updatedAt: now.toISOString() },
      'waiting-list entry',
    );
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: entry.centreId,
        action: 'update',
        entity: 'waiting_list_entry',
        entityId: id,
        details: { fields: ['status', 'closedOn', 'enrolmentId'] },
      },
      now,
    );
    return newId;
  });
  return { entry: await loadWaitingEntry(db, actor, id, today), enrolment: await loadEnrolment(db, actor, enrolmentId) };
}

export async function deleteWaitingEntry(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const entry = await loadWaitingEntry(trx, actor, id, todayInRome());
    await deleteVersioned(trx, 'waitingListEntries', id, version, 'waiting-list entry');
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: entry.centreId,
      action: 'delete',
      entity: 'waiting_list_entry',
      entityId: id,
    });
  });
}

/**
 * Waiting-list counts of a period by kind, for "Bisogni rilevati": the requests made in the
 * period by their status now, and the requests still open at the period's end (whenever made).
 * No personal data.
 */
export async function waitingListCounts(db: Db, centreIds: number[], from: string, to: string): Promise<WaitingSummary> {
  const zero = () => ({ requested: 0, waiting: 0, placed: 0, withdrawn: 0, waitingAtEnd: 0 });
  const byKind = Object.fromEntries(WAITING_LIST_KINDS.map((kind) => [kind, zero()])) as Record<WaitingListKind, ReturnType<typeof zero>>;
  const total = zero();
  for (const row of await waitingRowsUpTo(db, centreIds, to)) {
    const counts = [byKind[row.kind as WaitingListKind], total].filter(Boolean) as Array<ReturnType<typeof zero>>;
    for (const c of counts) {
      if (row.requestedOn >= from) {
        c.requested++;
        c[row.status as 'waiting' | 'placed' | 'withdrawn']++;
      }
      if (row.closedOn === null || row.closedOn > to) c.waitingAtEnd++;
    }
  }
  return { from, to, total, byKind };
}

export async function waitingSummaryFor(db: Db, actor: Actor, query: WaitingSummaryQuery, now = new Date()): Promise<WaitingSummary> {
  const year = todayInRome(now).slice(0, 4);
  return waitingListCounts(db, centreScope(actor, query.centreId), query.from ?? `${year}-01-01`, query.to ?? `${year}-12-31`);
}

// --- the person's file

/**
 * A person's enrolments (each with its course and the learner's attendance) and waiting-list
 * entries, bounded by the actor's centres: for the person's file. The caller logs the read.
 */
export async function enrolmentsForPerson(db: Db, actor: Actor, personId: number, now = new Date()): Promise<PersonCourses> {
  const rows = await enrolmentRowsOfPerson(db, personId, actor.centreIds);
  const courseIds = [...new Set(rows.map((row) => row.courseId))];
  const courses = courseIds.length > 0 ? await courseRowsFor(db, { centreIds: actor.centreIds, ids: courseIds }) : [];
  const figures = figuresOf(courses, await figuresData(db, courseIds));
  const learners = new Map(figures.flatMap((f) => [...f.learners]));
  const waitingList = await allWaiting(db, { centreIds: actor.centreIds, personId }, todayInRome(now));
  return {
    enrolments: rows.map((row) => ({
      ...toEnrolment(row, learners.get(row.id)),
      course: {
        id: row.courseId,
        title: row.courseTitle,
        kind: { id: row.kindId, code: row.kindCode, labelIt: row.kindLabelIt, labelEn: row.kindLabelEn },
        level: row.courseLevel as CourseLevel | null,
        startDate: row.courseStartDate,
        endDate: row.courseEndDate,
      },
    })),
    waitingList,
  };
}

/** The person's courses part of their file (its own request): reading it is reading the file. */
export async function personCoursesFor(db: Db, actor: Actor, personId: number): Promise<PersonCourses> {
  const person = await findPersonRow(db, personId, actor.centreIds);
  if (!person) throw notFound('person');
  const courses = await enrolmentsForPerson(db, actor, personId);
  await recordPersonRead(db, actor.userId, person, 'courses');
  return courses;
}
