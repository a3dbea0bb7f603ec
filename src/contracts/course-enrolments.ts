/** Enrolments in a course. */
import { z } from 'zod';
import { id, isoDate, updateOf, versionedRecord } from './common.js';
import { learnerRef } from './course-fields.js';
import { ENROLMENT_PROGRAMMES, GENDERS } from './enums.js';
import { messageEn } from './messages/index.js';
import { inOrder } from './period.js';

export const enrolmentSchema = versionedRecord('Enrolment', {
  courseId: z.number(),
  /** Null once the person is erased: the enrolment still counts. */
  person: learnerRef,
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
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

const enrolmentFields = {
  programme: z.enum(ENROLMENT_PROGRAMMES),
  /** Defaults to today (Europe/Rome). */
  enrolledOn: isoDate.optional(),
};

export const enrolmentCreateInput = z.strictObject({ personId: id, ...enrolmentFields });
export type EnrolmentCreateInput = z.infer<typeof enrolmentCreateInput>;

export const enrolmentUpdateInput = updateOf({
  ...enrolmentFields,
  /** The withdrawal (ritiro): the last day enrolled; null takes it back. */
  withdrawnOn: isoDate.nullable(),
}).refine((v) => inOrder(v.enrolledOn, v.withdrawnOn), {
  message: messageEn('enrolment.withdrawn_before_enrolled'),
  path: ['withdrawnOn'],
});
export type EnrolmentUpdateInput = z.infer<typeof enrolmentUpdateInput>;
