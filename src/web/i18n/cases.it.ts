/** Italian messages of the cases area (merged into the master dictionary in it.ts). */
export const casesIt = {} as const;
