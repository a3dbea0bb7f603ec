/** A person's courses: their enrolments (with attendance) and waiting-list entries, for their file. */
import type { Kysely } from 'kysely';
import type { PersonCourses } from '../../contracts/courses.js';
import type { CourseLevel } from '../../contracts/enums.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { todayInRome } from '../../domain/dates.js';
import { recordPersonRead } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { courseRowsFor, kindOf } from './courses.repository.js';
import { enrolmentRowsOfPerson } from './enrolments.repository.js';
import { toEnrolment } from './enrolments.usecases.js';
import { figuresData } from './figures.repository.js';
import { figuresOf } from './figures.usecases.js';
import { allWaiting } from './waiting-list.repository.js';

type Db = Kysely<Database>;

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
  // Each enrolment's course is among those read (the same centres): what the file shows of it.
  const courseOf = new Map(
    courses.map((course) => [
      course.id,
      {
        id: course.id,
        title: course.title,
        kind: kindOf(course),
        level: course.level as CourseLevel | null,
        startDate: course.startDate,
        endDate: course.endDate,
      },
    ]),
  );
  return {
    enrolments: rows.map((row) => ({
      ...toEnrolment(row, learners.get(row.id)),
      course: courseOf.get(row.courseId) as PersonCourses['enrolments'][number]['course'],
    })),
    waitingList,
  };
}

/** The person's courses part of their file (its own request): reading it is reading the file. */
export async function personCoursesFor(db: Db, actor: Actor, personId: number): Promise<PersonCourses> {
  const person = await orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
  const courses = await enrolmentsForPerson(db, actor, personId);
  await recordPersonRead(db, actor.userId, person, 'courses');
  return courses;
}
