import type { eventsIt } from './events.it.js';

/** English messages of the events area. */
export const eventsEn: Record<keyof typeof eventsIt, string> = {};
