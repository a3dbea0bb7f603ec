import type { coursesIt } from './courses.it.js';

/** English messages of the courses area. */
export const coursesEn: Record<keyof typeof coursesIt, string> = {};
