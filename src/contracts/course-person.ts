/** A person's courses, as their file shows them: enrolments with their course, and waiting-list entries. */
import { z } from 'zod';
import { enrolmentSchema } from './course-enrolments.js';
import { kindRef } from './course-fields.js';
import { waitingListEntrySchema } from './course-waiting-list.js';
import { COURSE_LEVELS } from './enums.js';

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
