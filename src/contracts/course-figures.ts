/** The courses' figures: of a course, and of the courses that started in a year. No personal data. */
import { z } from 'zod';
import { yearFiguresQuery } from './common.js';
import { kindRef } from './course-fields.js';
import { COURSE_LEVELS, ENROLMENT_PROGRAMMES } from './enums.js';

const byProgramme = z.record(z.enum(ENROLMENT_PROGRAMMES), z.number());

export const courseFiguresSchema = z
  .object({
    courseId: z.number(),
    centreId: z.number(),
    title: z.string(),
    kind: kindRef,
    level: z.enum(COURSE_LEVELS).nullable(),
    partner: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    lessonsHeld: z.number(),
    minutesHeld: z.number(),
    hoursHeld: z.number(),
    lessonsScheduled: z.number(),
    lessonsCancelled: z.number(),
    /** Every enrolment, withdrawn ones included; by programme, adding up to it. */
    enrolments: z.number(),
    byProgramme,
    withdrawn: z.number(),
    presences: z.number(),
    expectedPresences: z.number(),
    /** Percent, one decimal; null before any lesson is held. */
    attendanceRate: z.number().nullable(),
    /** Learners who attended at least `completionThreshold` percent of the lessons held while enrolled. */
    completed: z.number(),
    completionThreshold: z.number(),
  })
  .meta({ id: 'CourseFigures' });
export type CourseFigures = z.infer<typeof courseFiguresSchema>;

const totals = {
  courses: z.number(),
  /** The sum of the courses' enrolments… */
  enrolments: z.number(),
  /** …and the distinct people behind them (one person may follow two courses). */
  distinctLearners: z.number(),
  byProgramme,
  /** Enrolments by citizenship (snapshot at enrolment), adding up to the enrolments. */
  byCitizenship: z.array(z.object({ citizenship: z.string(), enrolments: z.number() })),
  lessonsHeld: z.number(),
  hoursHeld: z.number(),
};

export const yearFiguresSchema = z
  .object({
    year: z.number(),
    /** The courses that started in the year: each enrolment is counted in its course's year. */
    courses: z.array(courseFiguresSchema),
    totals: z.object(totals),
    byKind: z.array(z.object({ kind: kindRef, ...totals })),
  })
  .meta({ id: 'CourseYearFigures' });
export type YearFigures = z.infer<typeof yearFiguresSchema>;

export { yearFiguresQuery };
