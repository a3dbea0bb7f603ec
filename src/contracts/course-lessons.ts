/** A course's lessons and the attendance taken at each. */
import { z } from 'zod';
import { clockTime, id, isoDate, shortText, updateOf, version, versionedRecord } from './common.js';
import { learnerRef, lessonMinutes } from './course-fields.js';
import { ENROLMENT_PROGRAMMES, LESSON_STATUSES } from './enums.js';
import { messageEn } from './messages/index.js';

/** A day the centre is closed: a public holiday, the patron day or a closure, with the holiday's name or the closure's reason. */
const closedDay = z.object({
  reason: z.enum(['holiday', 'patron_day', 'closure']),
  /** The holiday's name or the closure's reason. */
  detail: z.string().nullable(),
});

export const lessonSchema = versionedRecord('Lesson', {
  courseId: z.number(),
  date: z.string(),
  /** ISO weekday of the date, computed: 1 Monday … 7 Sunday. */
  weekday: z.number(),
  startTime: z.string(),
  minutes: z.number(),
  status: z.enum(LESSON_STATUSES),
  notes: z.string().nullable(),
  /** The pattern date a generated lesson stands for (kept when moved); null when added by hand. */
  plannedOn: z.string().nullable(),
  /** Allowed, but flagged: the date is outside the course's date range. */
  outsideCourse: z.boolean(),
  /** Allowed, but flagged: the centre is closed that day (generated lessons skip such days); null when open. */
  closedDay: closedDay.nullable(),
  /** Attendance taken: presences and learners marked. */
  present: z.number(),
  marked: z.number(),
});
export type Lesson = z.infer<typeof lessonSchema>;

const lessonFields = {
  date: isoDate,
  /** The course's time and length unless given. */
  startTime: clockTime.optional(),
  minutes: lessonMinutes.optional(),
  notes: shortText(1000).nullable().optional(),
};

export const lessonCreateInput = z.strictObject(lessonFields);
export type LessonCreateInput = z.infer<typeof lessonCreateInput>;

/** Move (date, time, length), cancel or restore, annotate. A lesson becomes held by taking its attendance. */
export const lessonUpdateInput = updateOf({ ...lessonFields, status: z.enum(LESSON_STATUSES) });
export type LessonUpdateInput = z.infer<typeof lessonUpdateInput>;

export const generateLessonsInput = z.strictObject({
  /** Regenerate from this date on (the course's start by default): earlier lessons are left alone. */
  from: isoDate.optional(),
});
export type GenerateLessonsInput = z.infer<typeof generateLessonsInput>;

export const generateLessonsResult = z
  .object({
    added: z.number(),
    removed: z.number(),
    /** Generated lessons that already matched the pattern. */
    unchanged: z.number(),
    /** Lessons left as they were: held, cancelled, moved, annotated, added by hand or with attendance. */
    kept: z.number(),
    /** Pattern dates with no lesson because the centre is closed. */
    skipped: z.array(z.object({ date: z.string(), weekday: z.number(), ...closedDay.shape })),
  })
  .meta({ id: 'GenerateLessonsResult' });
export type GenerateLessonsResult = z.infer<typeof generateLessonsResult>;

// --- attendance

export const attendanceSchema = z
  .object({
    lesson: lessonSchema,
    course: z.object({ id: z.number(), title: z.string(), centreId: z.number() }),
    /** Everyone enrolled on the lesson's date (and anyone marked before), by name. */
    learners: z.array(
      z.object({
        enrolmentId: z.number(),
        person: learnerRef,
        programme: z.enum(ENROLMENT_PROGRAMMES),
        /** Null until the attendance is taken. */
        present: z.boolean().nullable(),
      }),
    ),
  })
  .meta({ id: 'LessonAttendance' });
export type LessonAttendance = z.infer<typeof attendanceSchema>;

export const attendanceInput = z.strictObject({
  /** The lesson's version, as read. */
  version,
  entries: z
    .array(z.strictObject({ enrolmentId: id, present: z.boolean() }))
    .max(500)
    .refine((list) => new Set(list.map((e) => e.enrolmentId)).size === list.length, { message: messageEn('attendance.learner_twice') }),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;
