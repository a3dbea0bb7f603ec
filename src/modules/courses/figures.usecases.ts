/** The courses' figures: of a course, of each learner, and of the courses that started in a year. No personal data. */
import type { Kysely } from 'kysely';
import type { CourseFigures, YearFigures } from '../../contracts/courses.js';
import { type CourseLevel, ENROLMENT_PROGRAMMES } from '../../contracts/enums.js';
import { groupBy } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';
import { courseFigures as computeCourseFigures, yearTotals } from '../../domain/courses.js';
import { notFound } from '../../errors/index.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { courseRowsFor, kindOf } from './courses.repository.js';
import { figuresData } from './figures.repository.js';

type Db = Kysely<Database>;

type CourseFiguresRow = Awaited<ReturnType<typeof courseRowsFor>>[number];
type FiguresData = Awaited<ReturnType<typeof figuresData>>;

const groupByCourse = <T extends { courseId: number }>(rows: readonly T[]) => groupBy(rows, (row) => row.courseId);

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The figures of each course (and of each learner), from three queries whatever the number of courses. */
export function figuresOf(courses: readonly CourseFiguresRow[], data: FiguresData) {
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
      kind: kindOf(course),
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
          // An erased person's enrolments share an anonymous key: they still count as one learner.
          learner:
            e.personId !== null ? `person:${e.personId}` : e.anonymousKey !== null ? `erased:${e.anonymousKey}` : `enrolment:${e.id}`,
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
