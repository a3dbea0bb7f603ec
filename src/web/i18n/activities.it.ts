/** Italian messages of the activities area (merged into the master dictionary in it.ts). */
export const activitiesIt = {} as const;
