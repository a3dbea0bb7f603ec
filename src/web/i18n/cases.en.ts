import type { casesIt } from './cases.it.js';

/** English messages of the cases area. */
export const casesEn: Record<keyof typeof casesIt, string> = {};
