/**
 * Courses as pure rules: the lessons a weekly pattern gives between two dates (skipping the
 * days the centre is closed), what regenerating them changes, who is enrolled on a date, the
 * completion rule and the figures of a course and of a year.
 *
 * Server-side only (it uses the calendar's rules, whose holiday tables are large).
 */
import { type CentreCalendar, type ClosedBecause, closureOn, datesBetween, weekdayOf } from './calendar.js';

// --- lessons from the weekly pattern

export interface LessonPattern {
  startDate: string;
  /** Included. */
  endDate: string;
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  weekdays: readonly number[];
}

export interface SkippedDate {
  date: string;
  /** A public holiday, the patron day or a closure: never 'no_hours'. */
  because: Exclude<ClosedBecause, { kind: 'no_hours' }>;
}

/**
 * The dates of a course's lessons: each date of the pattern's weekdays from `from` (the start
 * by default) to the end, except the days the centre is closed by a public holiday, the patron
 * day or a closure. A day without desk hours is NOT skipped: a course may run when the desk is
 * shut (an evening club, a Saturday). Hence `closureOn`, not `dayOf`, which answers 'no_hours'
 * first and would hide a holiday falling on a day without hours.
 */
export function lessonDates(
  pattern: LessonPattern,
  calendar: CentreCalendar,
  from: string = pattern.startDate,
): { dates: string[]; skipped: SkippedDate[] } {
  const dates: string[] = [];
  const skipped: SkippedDate[] = [];
  const first = from > pattern.startDate ? from : pattern.startDate;
  if (first > pattern.endDate) return { dates, skipped };
  const weekdays = new Set(pattern.weekdays);
  for (const date of datesBetween(first, pattern.endDate)) {
    if (!weekdays.has(weekdayOf(date))) continue;
    const closed = closureOn(calendar, date);
    if (closed && closed.kind !== 'no_hours') skipped.push({ date, because: closed });
    else dates.push(date);
  }
  return { dates, skipped };
}

/** A lesson already stored, as regeneration looks at it. */
export interface StoredLesson {
  id: number;
  plannedOn: string | null;
  startTime: string;
  minutes: number;
  status: string;
  /** Changed by someone since it was generated (its version is past 1): moved, annotated, cancelled… */
  touched: boolean;
  hasAttendance: boolean;
}

export interface RegenerationPlan {
  /** Dates of the pattern to add a lesson on. */
  add: string[];
  /** Lessons to delete: generated, untouched, and no longer wanted as they are. */
  remove: number[];
  /** Generated, untouched lessons that already match the pattern. */
  unchanged: number;
  /** Lessons left as they are because they are history or someone's decision. */
  kept: number;
}

/**
 * What regenerating a course's lessons from `from` changes. Only the lessons the generation
 * made and nobody has touched since (still scheduled, never edited, no attendance) are
 * replaced: removed when their date has left the pattern (or closed since), or when the
 * course's time or length changed. Lessons held, cancelled, moved, annotated, added by hand
 * or with attendance stay as they are, and a pattern date that one of them stands for (by
 * `plannedOn`, even if moved) gets no second lesson. Lessons before `from` are not looked at.
 */
export function regenerationPlan(
  stored: readonly StoredLesson[],
  planned: readonly string[],
  course: { startTime: string; lessonMinutes: number },
  from: string,
): RegenerationPlan {
  const wanted = new Set(planned);
  const covered = new Set<string>();
  const remove: number[] = [];
  let unchanged = 0;
  let kept = 0;
  for (const lesson of stored) {
    const untouched =
      lesson.plannedOn !== null && lesson.status === 'scheduled' && !lesson.touched && !lesson.hasAttendance && lesson.plannedOn >= from;
    if (!untouched) {
      if (lesson.plannedOn !== null) covered.add(lesson.plannedOn);
      if (lesson.plannedOn === null || lesson.plannedOn >= from) kept++;
      continue;
    }
    const plannedOn = lesson.plannedOn as string;
    if (wanted.has(plannedOn) && lesson.startTime === course.startTime && lesson.minutes === course.lessonMinutes) {
      covered.add(plannedOn);
      unchanged++;
    } else {
      remove.push(lesson.id);
    }
  }
  return { add: planned.filter((date) => !covered.has(date)), remove, unchanged, kept };
}

/** Whether a lesson's date falls outside its course's date range (allowed, but flagged). */
export function isOutsideCourse(date: string, course: { startDate: string; endDate: string }): boolean {
  return date < course.startDate || date > course.endDate;
}

/** A day the centre is closed, as a lesson's flag or a skipped date says it: why, and the holiday's name or the closure's reason. */
export interface ClosedDay {
  reason: 'holiday' | 'patron_day' | 'closure';
  detail: string | null;
}

export function closedDayOf(because: SkippedDate['because']): ClosedDay {
  return {
    reason: because.kind,
    detail: because.kind === 'holiday' ? because.name : because.kind === 'closure' ? because.reason : null,
  };
}

/**
 * Whether a lesson falls on a day the centre is closed (a public holiday, the patron day, a
 * closure), by the same rule that keeps generated lessons off those days: a lesson added or
 * moved there by hand is allowed, and flagged. A day without desk hours is not closed for a
 * course (an evening club, a Saturday).
 */
export function lessonClosedDay(calendar: CentreCalendar, date: string): ClosedDay | null {
  const closed = closureOn(calendar, date);
  return closed && closed.kind !== 'no_hours' ? closedDayOf(closed) : null;
}

// --- enrolments, completion and figures

export interface EnrolmentDates {
  enrolledOn: string;
  /** The last day of the enrolment, or null while it lasts. */
  withdrawnOn: string | null;
}

/** Enrolled on a date: from the enrolment date to the withdrawal date, both included. */
export function isEnrolledOn(enrolment: EnrolmentDates, date: string): boolean {
  return enrolment.enrolledOn <= date && (enrolment.withdrawnOn === null || date <= enrolment.withdrawnOn);
}

/**
 * The completion rule: a learner completed a course when they attended at least `threshold`
 * percent of the lessons held while they were enrolled (at least one), and did not withdraw
 * before the course's end. Integer arithmetic, so that 70% of 10 lessons is exactly 7.
 */
export function hasCompleted(
  learner: { attended: number; heldWhileEnrolled: number; withdrawnOn: string | null },
  threshold: number,
  courseEndDate: string,
): boolean {
  if (learner.heldWhileEnrolled === 0) return false;
  if (learner.withdrawnOn !== null && learner.withdrawnOn < courseEndDate) return false;
  return learner.attended * 100 >= threshold * learner.heldWhileEnrolled;
}

export interface FiguresLesson {
  id: number;
  date: string;
  minutes: number;
  status: string;
}

export interface FiguresEnrolment<P extends string> extends EnrolmentDates {
  id: number;
  programme: P;
}

export interface LearnerFigures {
  enrolmentId: number;
  /** Lessons held while the learner was enrolled. */
  heldWhileEnrolled: number;
  /** Of those, the ones they attended. */
  attended: number;
  completed: boolean;
}

export interface CourseFigures<P extends string> {
  lessonsHeld: number;
  minutesHeld: number;
  lessonsScheduled: number;
  lessonsCancelled: number;
  /** Every enrolment of the course, withdrawn ones included. */
  enrolments: number;
  /** Every programme, 0 when none: the parts add up to `enrolments`. */
  byProgramme: Record<P, number>;
  withdrawn: number;
  /** Presences over the presences expected (each held lesson × the learners enrolled on its date). */
  presences: number;
  expectedPresences: number;
  /** Percent with one decimal, or null when no lesson was held with someone enrolled. */
  attendanceRate: number | null;
  completed: number;
  learners: LearnerFigures[];
}

/** The figures of one course from its lessons, its enrolments and who was present at which lesson. */
export function courseFigures<P extends string>(input: {
  programmes: readonly P[];
  course: { endDate: string };
  lessons: readonly FiguresLesson[];
  enrolments: ReadonlyArray<FiguresEnrolment<P>>;
  /** Presences (present = true) as lesson and enrolment ids. */
  presences: ReadonlyArray<{ lessonId: number; enrolmentId: number }>;
  /** Percent of the lessons held while enrolled (the centre's setting). */
  threshold: number;
}): CourseFigures<P> {
  const held = input.lessons.filter((lesson) => lesson.status === 'held');
  const heldDates = new Map(held.map((lesson) => [lesson.id, lesson.date]));
  const byProgramme = Object.fromEntries(input.programmes.map((p) => [p, 0])) as Record<P, number>;
  const presentAt = new Map<number, Set<number>>();
  for (const p of input.presences) {
    let lessons = presentAt.get(p.enrolmentId);
    if (!lessons) {
      lessons = new Set();
      presentAt.set(p.enrolmentId, lessons);
    }
    lessons.add(p.lessonId);
  }
  let presences = 0;
  let expectedPresences = 0;
  let completed = 0;
  const learners: LearnerFigures[] = [];
  for (const enrolment of input.enrolments) {
    byProgramme[enrolment.programme] = (byProgramme[enrolment.programme] ?? 0) + 1;
    const heldWhileEnrolled = held.filter((lesson) => isEnrolledOn(enrolment, lesson.date)).length;
    // Only presences at held lessons of the enrolment's own days count: the rate stays within 100%.
    let attended = 0;
    for (const lessonId of presentAt.get(enrolment.id) ?? []) {
      const date = heldDates.get(lessonId);
      if (date !== undefined && isEnrolledOn(enrolment, date)) attended++;
    }
    const done = hasCompleted({ attended, heldWhileEnrolled, withdrawnOn: enrolment.withdrawnOn }, input.threshold, input.course.endDate);
    if (done) completed++;
    presences += attended;
    expectedPresences += heldWhileEnrolled;
    learners.push({ enrolmentId: enrolment.id, heldWhileEnrolled, attended, completed: done });
  }
  return {
    lessonsHeld: held.length,
    minutesHeld: held.reduce((sum, lesson) => sum + lesson.minutes, 0),
    lessonsScheduled: input.lessons.filter((lesson) => lesson.status === 'scheduled').length,
    lessonsCancelled: input.lessons.filter((lesson) => lesson.status === 'cancelled').length,
    enrolments: input.enrolments.length,
    byProgramme,
    withdrawn: input.enrolments.filter((e) => e.withdrawnOn !== null).length,
    presences,
    expectedPresences,
    attendanceRate: expectedPresences === 0 ? null : Math.round((presences * 1000) / expectedPresences) / 10,
    completed,
    learners,
  };
}

/** An enrolment as the year's totals count it: `learner` tells people apart (the person, or the enrolment once erased). */
export interface YearEnrolment<P extends string> {
  learner: string;
  programme: P;
  citizenship: string;
}

export interface YearTotals<P extends string> {
  /** The sum of the courses' enrolments: one person in two clubs counts twice. */
  enrolments: number;
  /** The distinct people behind them, reported beside the sum. */
  distinctLearners: number;
  byProgramme: Record<P, number>;
  /** Enrolments by citizenship (snapshot), most first: they add up to `enrolments`. */
  byCitizenship: Array<{ citizenship: string; enrolments: number }>;
}

/**
 * The enrolments of a set of courses (those that started in a year) and the distinct learners
 * beside them: "110 of 2024 is 16+20+27+25+22", even if someone followed two clubs.
 */
export function yearTotals<P extends string>(programmes: readonly P[], enrolments: ReadonlyArray<YearEnrolment<P>>): YearTotals<P> {
  const byProgramme = Object.fromEntries(programmes.map((p) => [p, 0])) as Record<P, number>;
  const byCitizenship = new Map<string, number>();
  const learners = new Set<string>();
  for (const enrolment of enrolments) {
    byProgramme[enrolment.programme] = (byProgramme[enrolment.programme] ?? 0) + 1;
    byCitizenship.set(enrolment.citizenship, (byCitizenship.get(enrolment.citizenship) ?? 0) + 1);
    learners.add(enrolment.learner);
  }
  return {
    enrolments: enrolments.length,
    distinctLearners: learners.size,
    byProgramme,
    byCitizenship: [...byCitizenship]
      .map(([citizenship, count]) => ({ citizenship, enrolments: count }))
      .sort((a, b) => b.enrolments - a.enrolments || a.citizenship.localeCompare(b.citizenship)),
  };
}

// --- waiting lists

const DAY_MS = 86_400_000;
const utcOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Days someone has waited: from the request to the day they were placed or withdrew, or to today. */
export function daysWaited(entry: { requestedOn: string; closedOn: string | null }, today: string): number {
  return Math.max(0, Math.round((utcOf(entry.closedOn ?? today) - utcOf(entry.requestedOn)) / DAY_MS));
}
