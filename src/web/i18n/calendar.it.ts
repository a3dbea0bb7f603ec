/** Italian messages of the calendar area (merged into the master dictionary in it.ts). */
export const calendarIt = {} as const;
