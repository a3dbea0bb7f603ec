/** Italian messages of the courses area (merged into the master dictionary in it.ts). */
export const coursesIt = {} as const;
