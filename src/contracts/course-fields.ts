/** What the courses' contracts share: a learner named in a list, a year, a period's order, a kind named in a course, a lesson's length. */
import { z } from 'zod';

export const personRef = z.object({ id: z.number(), givenNames: z.string(), familyNames: z.string() }).nullable();
export const year = z.coerce.number().int().min(1900).max(2100);
export const inOrder = (from?: string | null, to?: string | null) => !from || !to || from <= to;

export const kindRef = z.object({ id: z.number(), code: z.string(), labelIt: z.string(), labelEn: z.string() });

/** Minutes of one lesson: from a quarter of an hour to ten hours. */
export const lessonMinutes = z.number().int().min(15).max(600);
