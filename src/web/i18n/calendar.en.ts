import type { calendarIt } from './calendar.it.js';

/** English messages of the calendar area. */
export const calendarEn: Record<keyof typeof calendarIt, string> = {};
