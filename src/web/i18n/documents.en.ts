import type { documentsIt } from './documents.it.js';

/** English messages of the documents area. */
export const documentsEn: Record<keyof typeof documentsIt, string> = {};
