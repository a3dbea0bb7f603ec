/** Italian messages of the events area (merged into the master dictionary in it.ts). */
export const eventsIt = {} as const;
