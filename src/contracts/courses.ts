/**
 * Courses (club linguistici, driving-exam support…): their kinds, lessons, enrolments,
 * attendance, figures and waiting lists, as the API takes and gives them.
 */
import { z } from 'zod';
import { clockTime, id, isoDate, issue, pageQuery, pastDate, shortText, version } from './common.js';
import {
  COURSE_LEVELS,
  ENROLMENT_PROGRAMMES,
  GENDERS,
  LESSON_STATUSES,
  WAITING_LIST_KINDS,
  WAITING_LIST_PRIORITIES,
  WAITING_LIST_STATUSES,
} from './enums.js';
import { type MessageCode, messageEn } from './messages/index.js';

const personRef = z.object({ id: z.number(), givenNames: z.string(), familyNames: z.string() }).nullable();
const year = z.coerce.number().int().min(1900).max(2100);
const inOrder = (from?: string | null, to?: string | null) => !from || !to || from <= to;

/** A course lasts at most two years: a longer range is a typing mistake (and would generate hundreds of lessons). */
export const MAX_COURSE_DAYS = 731;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000;

// --- kinds (a catalogue per organisation)

const kindLabel = shortText(120).min(1);

export const courseKindSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    labelIt: z.string(),
    labelEn: z.string(),
    active: z.boolean(),
    sortOrder: z.number(),
  })
  .meta({ id: 'CourseKind' });
export type CourseKind = z.infer<typeof courseKindSchema>;

export const courseKindCreateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/, messageEn('key.not_valid')),
  labelIt: kindLabel,
  labelEn: kindLabel,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CourseKindCreateInput = z.infer<typeof courseKindCreateInput>;

export const courseKindUpdateInput = z.strictObject({
  labelIt: kindLabel.optional(),
  labelEn: kindLabel.optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CourseKindUpdateInput = z.infer<typeof courseKindUpdateInput>;

export const courseKindListQuery = z.strictObject({ active: z.enum(['true', 'false']).optional() });

// --- courses

const weekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1, messageEn('course.weekday_required'))
  .max(7)
  .refine((list) => new Set(list).size === list.length, { message: messageEn('course.weekday_twice') });

/** Minutes of one lesson: from a quarter of an hour to ten hours. */
const lessonMinutes = z.number().int().min(15).max(600);

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
export const courseUpdateInput = z
  .strictObject({
    version,
    kindId: courseFields.kindId.optional(),
    title: courseFields.title.optional(),
    level: courseFields.level.optional(),
    partner: courseFields.partner.optional(),
    place: courseFields.place.optional(),
    startDate: courseFields.startDate.optional(),
    endDate: courseFields.endDate.optional(),
    weekdays: courseFields.weekdays.optional(),
    startTime: courseFields.startTime.optional(),
    lessonMinutes: courseFields.lessonMinutes.optional(),
    capacity: courseFields.capacity.optional(),
    notes: courseFields.notes.optional(),
  })
  .refine((v) => inOrder(v.startDate, v.endDate), { message: messageEn('course.end_before_start'), path: ['endDate'] });
export type CourseUpdateInput = z.infer<typeof courseUpdateInput>;

const kindRef = z.object({ id: z.number(), code: z.string(), labelIt: z.string(), labelEn: z.string() });

export const courseSchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
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
    version: z.number(),
  })
  .meta({ id: 'Course' });
export type Course = z.infer<typeof courseSchema>;

export const courseListQuery = z.strictObject({
  /** Courses running at some moment of the year. */
  year: year.optional(),
  kindId: id.optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

// --- lessons

export const lessonSchema = z
  .object({
    id: z.number(),
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
    /** Attendance taken: presences and learners marked. */
    present: z.number(),
    marked: z.number(),
    version: z.number(),
  })
  .meta({ id: 'Lesson' });
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonCreateInput = z.strictObject({
  date: isoDate,
  /** The course's time and length unless given. */
  startTime: clockTime.optional(),
  minutes: lessonMinutes.optional(),
  notes: shortText(1000).nullable().optional(),
});
export type LessonCreateInput = z.infer<typeof lessonCreateInput>;

/** Move (date, time, length), cancel or restore, annotate. A lesson becomes held by taking its attendance. */
export const lessonUpdateInput = z.strictObject({
  version,
  date: isoDate.optional(),
  startTime: clockTime.optional(),
  minutes: lessonMinutes.optional(),
  status: z.enum(LESSON_STATUSES).optional(),
  notes: shortText(1000).nullable().optional(),
});
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
    skipped: z.array(
      z.object({
        date: z.string(),
        weekday: z.number(),
        reason: z.enum(['holiday', 'patron_day', 'closure']),
        /** The holiday's name or the closure's reason. */
        detail: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'GenerateLessonsResult' });
export type GenerateLessonsResult = z.infer<typeof generateLessonsResult>;

// --- enrolments

export const enrolmentSchema = z
  .object({
    id: z.number(),
    courseId: z.number(),
    /** Null once the person is erased: the enrolment still counts. */
    person: personRef,
    programme: z.enum(ENROLMENT_PROGRAMMES),
    enrolledOn: z.string(),
    /** The last day of the enrolment. */
    withdrawnOn: z.string().nullable(),
    /** Snapshot at enrolment, for the statistics. */
    gender: z.enum(GENDERS),
    citizenship: z.string(),
    /** Lessons held while enrolled, those attended, and whether that completes the course. */
    heldWhileEnrolled: z.number(),
    attended: z.number(),
    completed: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const enrolmentCreateInput = z.strictObject({
  personId: id,
  programme: z.enum(ENROLMENT_PROGRAMMES),
  /** Defaults to today (Europe/Rome). */
  enrolledOn: isoDate.optional(),
});
export type EnrolmentCreateInput = z.infer<typeof enrolmentCreateInput>;

export const enrolmentUpdateInput = z
  .strictObject({
    version,
    programme: z.enum(ENROLMENT_PROGRAMMES).optional(),
    enrolledOn: isoDate.optional(),
    /** The withdrawal (ritiro): the last day enrolled; null takes it back. */
    withdrawnOn: isoDate.nullable().optional(),
  })
  .refine((v) => inOrder(v.enrolledOn, v.withdrawnOn), {
    message: messageEn('enrolment.withdrawn_before_enrolled'),
    path: ['withdrawnOn'],
  });
export type EnrolmentUpdateInput = z.infer<typeof enrolmentUpdateInput>;

// --- attendance

export const attendanceSchema = z
  .object({
    lesson: lessonSchema,
    course: z.object({ id: z.number(), title: z.string(), centreId: z.number() }),
    /** Everyone enrolled on the lesson's date (and anyone marked before), by name. */
    learners: z.array(
      z.object({
        enrolmentId: z.number(),
        person: personRef,
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

// --- figures (no personal data)

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

export const yearFiguresQuery = z.strictObject({ year, centreId: id.optional() });

// --- waiting lists

export const waitingListEntrySchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
    kind: z.enum(WAITING_LIST_KINDS),
    person: personRef,
    requestedOn: z.string(),
    priority: z.number(),
    status: z.enum(WAITING_LIST_STATUSES),
    closedOn: z.string().nullable(),
    /** From the request to the placing or withdrawal, or to today: computed. */
    daysWaited: z.number(),
    enrolment: z.object({ id: z.number(), courseId: z.number(), courseTitle: z.string() }).nullable(),
    notes: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'WaitingListEntry' });
export type WaitingListEntry = z.infer<typeof waitingListEntrySchema>;

const priority = z
  .number()
  .int()
  .refine((p) => (WAITING_LIST_PRIORITIES as readonly number[]).includes(p), { message: messageEn('waiting_list.priority_not_valid') });

export const waitingListCreateInput = z.strictObject({
  kind: z.enum(WAITING_LIST_KINDS),
  personId: id,
  /** Defaults to today (Europe/Rome). */
  requestedOn: pastDate.optional(),
  priority: priority.default(0),
  notes: shortText(1000).nullable().optional(),
});
export type WaitingListCreateInput = z.infer<typeof waitingListCreateInput>;

/** Corrections, and the withdrawal (status withdrawn, closedOn defaults to today). Placing has its own route. */
export const waitingListUpdateInput = z
  .strictObject({
    version,
    kind: z.enum(WAITING_LIST_KINDS).optional(),
    requestedOn: pastDate.optional(),
    priority: priority.optional(),
    notes: shortText(1000).nullable().optional(),
    status: z.enum(['waiting', 'withdrawn']).optional(),
    closedOn: pastDate.optional(),
  })
  .refine((v) => inOrder(v.requestedOn, v.closedOn), { message: messageEn('waiting_list.closed_before_request'), path: ['closedOn'] });
export type WaitingListUpdateInput = z.infer<typeof waitingListUpdateInput>;

export const placeInput = z.strictObject({
  /** The entry's version, as read. */
  version,
  courseId: id,
  programme: z.enum(ENROLMENT_PROGRAMMES),
  /** Defaults to today; also the entry's closing date. */
  enrolledOn: isoDate.optional(),
});
export type PlaceInput = z.infer<typeof placeInput>;

export const placeResult = z.object({ entry: waitingListEntrySchema, enrolment: enrolmentSchema }).meta({ id: 'WaitingListPlacement' });

export const waitingListQuery = z.strictObject({
  kind: z.enum(WAITING_LIST_KINDS).optional(),
  status: z.enum(WAITING_LIST_STATUSES).optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type WaitingListQuery = z.infer<typeof waitingListQuery>;

export const waitingSummaryQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), centreId: id.optional() })
  .refine((v) => inOrder(v.from, v.to), { message: messageEn('period.from_after_to'), path: ['to'] });
export type WaitingSummaryQuery = z.infer<typeof waitingSummaryQuery>;

const waitingCounts = z.object({
  /** Requests made in the period, by their status now: they add up. */
  requested: z.number(),
  waiting: z.number(),
  placed: z.number(),
  withdrawn: z.number(),
  /** Requests made up to the period's end and still open on that day (the unmet demand). */
  waitingAtEnd: z.number(),
});

export const waitingSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: waitingCounts,
    /** Every kind, with zeros. */
    byKind: z.record(z.enum(WAITING_LIST_KINDS), waitingCounts),
  })
  .meta({ id: 'WaitingListSummary' });
export type WaitingSummary = z.infer<typeof waitingSummarySchema>;

// --- the person's file

export const personEnrolmentSchema = enrolmentSchema
  .extend({
    course: z.object({
      id: z.number(),
      title: z.string(),
      kind: kindRef,
      level: z.enum(COURSE_LEVELS).nullable(),
      startDate: z.string(),
      endDate: z.string(),
    }),
  })
  .meta({ id: 'PersonEnrolment' });
export type PersonEnrolment = z.infer<typeof personEnrolmentSchema>;

export const personCoursesSchema = z
  .object({ enrolments: z.array(personEnrolmentSchema), waitingList: z.array(waitingListEntrySchema) })
  .meta({ id: 'PersonCourses' });
export type PersonCourses = z.infer<typeof personCoursesSchema>;
