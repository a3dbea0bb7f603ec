/** Italian messages of the documents area (merged into the master dictionary in it.ts). */
export const documentsIt = {} as const;
