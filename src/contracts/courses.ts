/**
 * Courses (club linguistici, driving-exam support…) as the API takes and gives them. Their kinds,
 * lessons and attendance, enrolments, figures and waiting lists have their own files, all
 * exported from here.
 */
import { z } from 'zod';
import { centreRecord, clockTime, id, isoDate, issue, pageQuery, shortText, updateOf, year } from './common.js';
import { kindRef, lessonMinutes } from './course-fields.js';
import { COURSE_LEVELS } from './enums.js';
import { type MessageCode, messageEn } from './messages/index.js';
import { inOrder } from './period.js';

export * from './course-enrolments.js';
export * from './course-figures.js';
export * from './course-kinds.js';
export * from './course-lessons.js';
export * from './course-person.js';
export * from './course-waiting-list.js';

/** A course lasts at most two years: a longer range is a typing mistake (and would generate hundreds of lessons). */
export const MAX_COURSE_DAYS = 731;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000;

const weekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1, messageEn('course.weekday_required'))
  .max(7)
  .refine((list) => new Set(list).size === list.length, { message: messageEn('course.weekday_twice') });

const courseFields = {
  kindId: id,
  title: shortText(200).min(1),
  level: z.enum(COURSE_LEVELS).nullable(),
  /** The partner programme, e.g. SAI «Ancona Provincia d'Asilo». */
  partner: shortText(200).nullable(),
  place: shortText(200).nullable(),
  startDate: isoDate,
  endDate: isoDate,
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  weekdays,
  startTime: clockTime,
  lessonMinutes,
  /** Places available; null when there is no limit. */
  capacity: z.number().int().min(1).max(1000).nullable(),
  notes: shortText(2000).nullable(),
};

/** The code of what is wrong with a course's dates, or null. */
export const courseDateProblem = (course: { startDate: string; endDate: string }): MessageCode | null =>
  course.endDate < course.startDate
    ? 'course.end_before_start'
    : daysBetween(course.startDate, course.endDate) > MAX_COURSE_DAYS
      ? 'course.too_long'
      : null;

export const courseCreateInput = z
  .strictObject({
    /** For users of several centres: otherwise their centre is taken. */
    centreId: id.optional(),
    ...courseFields,
    level: courseFields.level.optional(),
    partner: courseFields.partner.optional(),
    place: courseFields.place.optional(),
    capacity: courseFields.capacity.optional(),
    notes: courseFields.notes.optional(),
  })
  .superRefine((course, ctx) => {
    const problem = courseDateProblem(course);
    if (problem) ctx.addIssue(issue(problem, ['endDate']));
  });
export type CourseCreateInput = z.infer<typeof courseCreateInput>;

/** Changes only what is sent; the dates are checked against the stored ones. */
export const courseUpdateInput = updateOf(courseFields).refine((v) => inOrder(v.startDate, v.endDate), {
  message: messageEn('course.end_before_start'),
  path: ['endDate'],
});
export type CourseUpdateInput = z.infer<typeof courseUpdateInput>;

export const courseSchema = centreRecord('Course', {
  kind: kindRef,
  title: z.string(),
  level: z.enum(COURSE_LEVELS).nullable(),
  partner: z.string().nullable(),
  place: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  weekdays: z.array(z.number()),
  startTime: z.string(),
  lessonMinutes: z.number(),
  capacity: z.number().nullable(),
  notes: z.string().nullable(),
  /** Enrolments not withdrawn: what the capacity is measured against. */
  activeEnrolments: z.number(),
  lessons: z.number(),
  lessonsHeld: z.number(),
});
export type Course = z.infer<typeof courseSchema>;

export const courseListQuery = z.strictObject({
  /** Courses running at some moment of the year. */
  year: year.optional(),
  kindId: id.optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type CourseListQuery = z.infer<typeof courseListQuery>;
