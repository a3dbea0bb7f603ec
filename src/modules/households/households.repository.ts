import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A household, if it belongs to one of the given centres. */
export async function findHouseholdRow(db: Db, id: number, centreIds: readonly number[]) {
  if (centreIds.length === 0) return undefined;
  return db.selectFrom('households').selectAll().where('id', '=', id).where('centreId', 'in', centreIds).executeTakeFirst();
}

/** The people who belong to a household now (membership without an end), with their relation. */
export async function currentHouseholdMembers(db: Db, householdId: number) {
  return db
    .selectFrom('householdMembers')
    .select(['id', 'personId', 'relation', 'joinedOn'])
    .where('householdId', '=', householdId)
    .where('leftOn', 'is', null)
    .orderBy('joinedOn')
    .orderBy('id')
    .execute();
}
