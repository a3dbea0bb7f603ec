/**
 * The report's SQL over visits and people in care: aggregates only, no personal data leaves.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Visits (accessi) of the year in these centres. */
export async function countVisits(db: Db, centreIds: readonly number[], year: number): Promise<number> {
  if (centreIds.length === 0) return 0;
  const row = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('centreId', 'in', centreIds)
    .where('visitYear', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
