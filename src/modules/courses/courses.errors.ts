/** The errors of courses, lessons, enrolments, attendance and waiting lists. */
import { createErrorFactory, fixedError } from '../../errors/index.js';

/** Enrolments are statistics: a course with any cannot go. */
export const courseHasEnrolments = fixedError('course.has_enrolments', 409, 'People are enrolled in this course: it cannot be deleted');

export const courseFull = createErrorFactory<number>({
  code: 'course.full',
  status: 409,
  message: (capacity) => `The course is full (${capacity} places)`,
  extra: (capacity) => ({ capacity }),
});

export const alreadyEnrolled = fixedError('enrolment.already_enrolled', 409, 'This person is enrolled in this course already');

export const lessonCancelled = fixedError('lesson.cancelled', 409, 'The lesson was cancelled: restore it first');

/** Taking the attendance of a lesson, or marking it held, before its day. */
export const lessonInFuture = createErrorFactory<'attendance' | 'held'>({
  code: 'lesson.in_future',
  status: 409,
  message: (refused) => (refused === 'attendance' ? 'The lesson has not taken place yet' : 'A lesson in the future cannot be held yet'),
});

/** A lesson whose attendance was taken is neither cancelled, set back to scheduled nor deleted. */
export const lessonAttendanceTaken = createErrorFactory<'status' | 'delete'>({
  code: 'lesson.has_attendance',
  status: 409,
  message: (refused) => `The attendance of this lesson was taken: ${refused === 'delete' ? 'it cannot be deleted' : 'it stays held'}`,
});

/** Placing an entry that is not waiting, or withdrawing one that was placed (its enrolment is withdrawn instead). */
export const waitingEntryNotWaiting = createErrorFactory<'place' | 'withdraw'>({
  code: 'waiting_list.not_waiting',
  status: 409,
  message: (refused) =>
    refused === 'place' ? 'This entry is not waiting any more' : 'This person was placed in a course: withdraw the enrolment instead',
});
