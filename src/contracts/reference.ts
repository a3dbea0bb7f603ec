/** The reference lists as the API answers a search of them. */
import { z } from 'zod';

/** A comune a search found; a frazione's name finds its comune (`matchedFrazione`). */
export const comuneMatchSchema = z
  .object({ istat: z.string(), name: z.string(), province: z.string(), matchedFrazione: z.string().nullable() })
  .meta({ id: 'ComuneMatch' });
export type ComuneMatch = z.infer<typeof comuneMatchSchema>;

/** A search of the comuni by name (?q=), answering at most `limit` of them (?limit=, up to `maxLimit`). */
export function comuneSearchQuery({ limit, maxLimit }: { limit: number; maxLimit: number }) {
  return z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(maxLimit).default(limit) });
}
