/** What the courses' contracts share: a learner named in a list, a kind named in a course, a lesson's length. */
import { z } from 'zod';
import { personRef } from './common.js';

/** A learner as a list names them: null once the person is erased (their enrolment still counts). */
export const learnerRef = personRef.nullable();

export const kindRef = z.object({ id: z.number(), code: z.string(), labelIt: z.string(), labelEn: z.string() });

/** Minutes of one lesson: from a quarter of an hour to ten hours. */
export const lessonMinutes = z.number().int().min(15).max(600);
