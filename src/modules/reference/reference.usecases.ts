/** Searches of the shipped reference lists, answered as the API gives them. */
import type { ComuneMatch } from '../../contracts/reference.js';
import { searchComuni } from '../../reference/index.js';

/** The comuni whose name, or one of whose frazioni's, matches `query`: at most `limit`, best first. */
export function comuneMatches(query: string, limit: number): ComuneMatch[] {
  return searchComuni(query, limit).map((m) => ({
    istat: m.comune.istat,
    name: m.comune.name,
    province: m.comune.province,
    matchedFrazione: m.matchedFrazione ?? null,
  }));
}
