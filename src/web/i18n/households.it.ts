/** Italian messages of the households area (merged into the master dictionary in it.ts). */
export const householdsIt = {} as const;
