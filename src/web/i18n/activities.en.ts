import type { activitiesIt } from './activities.it.js';

/** English messages of the activities area. */
export const activitiesEn: Record<keyof typeof activitiesIt, string> = {};
