import type { householdsIt } from './households.it.js';

/** English messages of the households area. */
export const householdsEn: Record<keyof typeof householdsIt, string> = {};
