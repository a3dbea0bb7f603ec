import { describe, expect, it } from 'vitest';
import { type CentreCalendar, dayOf, type OpeningSlot } from './calendar.js';
import {
  courseFigures,
  daysWaited,
  type FiguresEnrolment,
  hasCompleted,
  isEnrolledOn,
  isOutsideCourse,
  lessonClosedDay,
  lessonDates,
  regenerationPlan,
  type StoredLesson,
  yearTotals,
} from './courses.js';

const morning = (weekday: OpeningSlot['weekday']): OpeningSlot => ({ weekday, from: '09:00', to: '12:00' });

/** The desk opens Monday to Wednesday and Friday mornings (no Thursday, no weekend); Jesi's closures of 2024. */
const CALENDAR: CentreCalendar = {
  hours: [{ validFrom: '2020-01-01', slots: [morning(1), morning(2), morning(3), morning(5)] }],
  closures: [
    { from: '2024-01-02', to: '2024-01-05', reason: 'Chiusura invernale' },
    { from: '2024-08-05', to: '2024-08-23', reason: 'Chiusura estiva' },
  ],
  patronDay: '09-22', // San Settimio: a Sunday in 2024
};

describe('lesson dates from the weekly pattern', () => {
  it('a Monday course over Easter skips Easter Monday (1 April 2024), and says why', () => {
    const { dates, skipped } = lessonDates({ startDate: '2024-03-04', endDate: '2024-04-29', weekdays: [1] }, CALENDAR);
    // Nine Mondays from 4 March to 29 April, less Easter Monday.
    expect(dates).toEqual(['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-08', '2024-04-15', '2024-04-22', '2024-04-29']);
    expect(skipped).toEqual([{ date: '2024-04-01', because: { kind: 'holiday', name: 'Lunedì dell’Angelo' } }]);
  });

  it('a Monday and Wednesday course over the summer skips the August closure (5–23 August)', () => {
    const { dates, skipped } = lessonDates({ startDate: '2024-07-29', endDate: '2024-08-28', weekdays: [3, 1] }, CALENDAR);
    expect(dates).toEqual(['2024-07-29', '2024-07-31', '2024-08-26', '2024-08-28']);
    // 5, 7, 12, 14, 19, 21 August: six lessons skipped (Ferragosto, a Thursday, is not a lesson day).
    expect(skipped.map((s) => s.date)).toEqual(['2024-08-05', '2024-08-07', '2024-08-12', '2024-08-14', '2024-08-19', '2024-08-21']);
    expect(skipped.every((s) => s.because.kind === 'closure' && s.because.reason === 'Chiusura estiva')).toBe(true);
  });

  it('runs on days the desk has no hours, but not on a holiday that falls on one (25 April 2024, a Thursday)', () => {
    // The desk never opens on Thursdays: the calendar's day says "no hours" and hides the holiday.
    expect(dayOf(CALENDAR, '2024-04-25').closedBecause).toEqual({ kind: 'no_hours' });
    const { dates, skipped } = lessonDates({ startDate: '2024-04-15', endDate: '2024-05-09', weekdays: [4] }, CALENDAR);
    expect(dates).toEqual(['2024-04-18', '2024-05-02', '2024-05-09']);
    expect(skipped).toEqual([{ date: '2024-04-25', because: { kind: 'holiday', name: expect.any(String) } }]);
  });

  it('skips the patron day, even on a Sunday when the desk is shut anyway', () => {
    const { dates, skipped } = lessonDates({ startDate: '2024-09-15', endDate: '2024-09-29', weekdays: [7] }, CALENDAR);
    expect(dates).toEqual(['2024-09-15', '2024-09-29']);
    expect(skipped).toEqual([{ date: '2024-09-22', because: { kind: 'patron_day' } }]);
  });

  it('starts from a given date inside the range, and gives nothing after the end', () => {
    const pattern = { startDate: '2024-03-04', endDate: '2024-03-25', weekdays: [1] };
    expect(lessonDates(pattern, CALENDAR, '2024-03-12').dates).toEqual(['2024-03-18', '2024-03-25']);
    expect(lessonDates(pattern, CALENDAR, '2024-01-01').dates).toHaveLength(4);
    expect(lessonDates(pattern, CALENDAR, '2024-04-01').dates).toEqual([]);
  });

  it('flags a date outside the course', () => {
    const course = { startDate: '2024-03-04', endDate: '2024-04-29' };
    expect(isOutsideCourse('2024-03-04', course)).toBe(false);
    expect(isOutsideCourse('2024-04-29', course)).toBe(false);
    expect(isOutsideCourse('2024-03-03', course)).toBe(true);
    expect(isOutsideCourse('2024-04-30', course)).toBe(true);
  });

  it('flags a lesson on a day the centre is closed, by the rule the generation skips them with', () => {
    expect(lessonClosedDay(CALENDAR, '2024-04-01')).toEqual({ reason: 'holiday', detail: 'Lunedì dell’Angelo' });
    // A Thursday without desk hours, and a holiday: closed for a course too.
    expect(lessonClosedDay(CALENDAR, '2024-04-25')).toEqual({ reason: 'holiday', detail: expect.any(String) });
    expect(lessonClosedDay(CALENDAR, '2024-09-22')).toEqual({ reason: 'patron_day', detail: null });
    expect(lessonClosedDay(CALENDAR, '2024-08-07')).toEqual({ reason: 'closure', detail: 'Chiusura estiva' });
    // No desk hours is no closure: a Thursday or a Saturday course runs.
    expect(lessonClosedDay(CALENDAR, '2024-04-18')).toBeNull();
    expect(lessonClosedDay(CALENDAR, '2024-04-20')).toBeNull();
    expect(lessonClosedDay(CALENDAR, '2024-04-22')).toBeNull();
    // The same days as the generation skips.
    const { skipped } = lessonDates({ startDate: '2024-07-29', endDate: '2024-09-30', weekdays: [1, 3, 7] }, CALENDAR);
    for (const s of skipped) expect(lessonClosedDay(CALENDAR, s.date)).not.toBeNull();
  });
});

describe('regenerating the lessons', () => {
  const course = { startTime: '15:00', lessonMinutes: 180 };
  const lesson = (id: number, plannedOn: string | null, extra: Partial<StoredLesson> = {}): StoredLesson => ({
    id,
    plannedOn,
    startTime: '15:00',
    minutes: 180,
    status: 'scheduled',
    touched: false,
    hasAttendance: false,
    ...extra,
  });

  it('adds the missing dates and leaves the lessons that match', () => {
    const plan = regenerationPlan([lesson(1, '2024-03-04')], ['2024-03-04', '2024-03-11'], course, '2024-03-04');
    expect(plan).toEqual({ add: ['2024-03-11'], remove: [], unchanged: 1, kept: 0 });
  });

  it('replaces untouched lessons whose date left the pattern or whose time changed', () => {
    const stored = [lesson(1, '2024-03-04'), lesson(2, '2024-03-05'), lesson(3, '2024-03-11', { startTime: '09:00' })];
    const plan = regenerationPlan(stored, ['2024-03-04', '2024-03-11'], course, '2024-03-04');
    expect(plan).toEqual({ add: ['2024-03-11'], remove: [2, 3], unchanged: 1, kept: 0 });
  });

  it('keeps what is history or someone’s decision, and adds no second lesson for the date a moved one stands for', () => {
    const stored = [
      lesson(1, '2024-03-04', { status: 'held', hasAttendance: true }),
      lesson(2, '2024-03-11', { status: 'cancelled', touched: true }),
      lesson(3, '2024-03-18', { touched: true }), // moved to another day
      lesson(4, null), // added by hand
      lesson(5, '2024-03-25', { hasAttendance: true }),
      lesson(6, '2024-04-01', { touched: true }), // its date is no longer in the pattern: kept, since someone changed it
    ];
    const plan = regenerationPlan(stored, ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-08'], course, '2024-03-04');
    expect(plan).toEqual({ add: ['2024-04-08'], remove: [], unchanged: 0, kept: 6 });
  });

  it('looks only at lessons from the date given', () => {
    const stored = [lesson(1, '2024-03-04', { startTime: '09:00' }), lesson(2, '2024-03-11', { startTime: '09:00' })];
    const plan = regenerationPlan(stored, ['2024-03-11'], course, '2024-03-11');
    expect(plan).toEqual({ add: ['2024-03-11'], remove: [2], unchanged: 0, kept: 0 });
  });
});

describe('enrolment, completion and figures', () => {
  it('a learner is enrolled from the enrolment date to the withdrawal date, both included', () => {
    expect(isEnrolledOn({ enrolledOn: '2024-03-04', withdrawnOn: null }, '2024-03-04')).toBe(true);
    expect(isEnrolledOn({ enrolledOn: '2024-03-04', withdrawnOn: null }, '2024-03-03')).toBe(false);
    expect(isEnrolledOn({ enrolledOn: '2024-03-04', withdrawnOn: '2024-03-18' }, '2024-03-18')).toBe(true);
    expect(isEnrolledOn({ enrolledOn: '2024-03-04', withdrawnOn: '2024-03-18' }, '2024-03-19')).toBe(false);
  });

  it('completed: at least the threshold of the lessons held while enrolled, and not withdrawn before the end', () => {
    const end = '2024-06-30';
    expect(hasCompleted({ attended: 7, heldWhileEnrolled: 10, withdrawnOn: null }, 70, end)).toBe(true);
    expect(hasCompleted({ attended: 6, heldWhileEnrolled: 10, withdrawnOn: null }, 70, end)).toBe(false);
    // 2 of 3 is 66.7%: short of 70, and no rounding makes it reach it.
    expect(hasCompleted({ attended: 2, heldWhileEnrolled: 3, withdrawnOn: null }, 70, end)).toBe(false);
    expect(hasCompleted({ attended: 2, heldWhileEnrolled: 3, withdrawnOn: null }, 66, end)).toBe(true);
    expect(hasCompleted({ attended: 0, heldWhileEnrolled: 0, withdrawnOn: null }, 70, end)).toBe(false);
    expect(hasCompleted({ attended: 5, heldWhileEnrolled: 5, withdrawnOn: '2024-05-01' }, 70, end)).toBe(false);
    expect(hasCompleted({ attended: 5, heldWhileEnrolled: 5, withdrawnOn: end }, 70, end)).toBe(true);
  });

  it('figures of a course: lessons and hours held, enrolled by programme, attendance rate, completed', () => {
    const programmes = ['sai', 'centre_user', 'other'] as const;
    type P = (typeof programmes)[number];
    // Four lessons held of three hours, one cancelled, one still to come.
    const lessons = [
      { id: 1, date: '2024-03-04', minutes: 180, status: 'held' },
      { id: 2, date: '2024-03-11', minutes: 180, status: 'held' },
      { id: 3, date: '2024-03-18', minutes: 180, status: 'held' },
      { id: 4, date: '2024-03-25', minutes: 120, status: 'held' },
      { id: 5, date: '2024-04-08', minutes: 180, status: 'cancelled' },
      { id: 6, date: '2024-04-15', minutes: 180, status: 'scheduled' },
    ];
    const enrolments: FiguresEnrolment<P>[] = [
      { id: 10, programme: 'sai', enrolledOn: '2024-03-01', withdrawnOn: null }, // 4 of 4
      { id: 11, programme: 'sai', enrolledOn: '2024-03-01', withdrawnOn: null }, // 2 of 4
      { id: 12, programme: 'centre_user', enrolledOn: '2024-03-11', withdrawnOn: null }, // 3 of the 3 held since
      { id: 13, programme: 'centre_user', enrolledOn: '2024-03-01', withdrawnOn: '2024-03-11' }, // 2 of 2, withdrew
    ];
    const presences = [
      ...[1, 2, 3, 4].map((lessonId) => ({ lessonId, enrolmentId: 10 })),
      ...[1, 3].map((lessonId) => ({ lessonId, enrolmentId: 11 })),
      ...[2, 3, 4].map((lessonId) => ({ lessonId, enrolmentId: 12 })),
      ...[1, 2].map((lessonId) => ({ lessonId, enrolmentId: 13 })),
      // Ticked at a lesson after the withdrawal: not counted.
      { lessonId: 3, enrolmentId: 13 },
    ];
    const figures = courseFigures({ programmes, course: { endDate: '2024-06-28' }, lessons, enrolments, presences, threshold: 70 });
    expect(figures).toMatchObject({
      lessonsHeld: 4,
      minutesHeld: 660,
      lessonsScheduled: 1,
      lessonsCancelled: 1,
      enrolments: 4,
      byProgramme: { sai: 2, centre_user: 2, other: 0 },
      withdrawn: 1,
      presences: 11,
      expectedPresences: 4 + 4 + 3 + 2,
      attendanceRate: 84.6,
      completed: 2,
    });
    expect(figures.learners).toEqual([
      { enrolmentId: 10, heldWhileEnrolled: 4, attended: 4, completed: true },
      { enrolmentId: 11, heldWhileEnrolled: 4, attended: 2, completed: false },
      { enrolmentId: 12, heldWhileEnrolled: 3, attended: 3, completed: true },
      { enrolmentId: 13, heldWhileEnrolled: 2, attended: 2, completed: false },
    ]);
    const empty = courseFigures({ programmes, course: { endDate: '2024-06-28' }, lessons: [], enrolments, presences: [], threshold: 70 });
    expect(empty.attendanceRate).toBeNull();
  });

  it('a year: enrolments are the sum over the courses (110 = 16+20+27+25+22), distinct learners beside it', () => {
    const programmes = ['sai', 'centre_user', 'other'] as const;
    const sizes = [16, 20, 27, 25, 22];
    let next = 0;
    const enrolments = sizes.flatMap((size, course) =>
      Array.from({ length: size }, (_, i) => ({
        // The first learner of the second club also follows the first: one person, two enrolments.
        learner: course === 1 && i === 0 ? 'person:0' : `person:${next++}`,
        programme: (i % 2 === 0 ? 'sai' : 'centre_user') as (typeof programmes)[number],
        citizenship: i % 3 === 0 ? 'NG' : 'PK',
      })),
    );
    const totals = yearTotals(programmes, enrolments);
    expect(totals.enrolments).toBe(110);
    expect(totals.distinctLearners).toBe(109);
    expect(totals.byProgramme.sai + totals.byProgramme.centre_user + totals.byProgramme.other).toBe(110);
    expect(totals.byCitizenship.reduce((sum, row) => sum + row.enrolments, 0)).toBe(110);
    expect(totals.byCitizenship[0]?.citizenship).toBe('PK');
  });
});

describe('waiting lists', () => {
  it('counts the days waited to the closing date, or to today', () => {
    expect(daysWaited({ requestedOn: '2024-01-10', closedOn: '2024-03-01' }, '2024-12-31')).toBe(51);
    expect(daysWaited({ requestedOn: '2024-12-01', closedOn: null }, '2024-12-31')).toBe(30);
    // Over the change to summer time, still whole days.
    expect(daysWaited({ requestedOn: '2024-03-30', closedOn: '2024-04-01' }, '2024-12-31')).toBe(2);
  });
});
