/** Enrolments in a course. */
import { z } from 'zod';
import { id, isoDate, version } from './common.js';
import { inOrder, personRef } from './course-fields.js';
import { ENROLMENT_PROGRAMMES, GENDERS } from './enums.js';
import { messageEn } from './messages/index.js';

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
