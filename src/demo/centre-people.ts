/**
 * The people a centre already has, as the care and activities generators draw on them: in id
 * order (the same draws on both databases), with the snapshot fields and the day the desk first
 * saw them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { romeDateOf } from '../domain/dates.js';

export interface PersonFacts {
  id: number;
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
  /** The Rome date of the person's record: their first visit. */
  firstDate: string;
}

export async function readCentrePeople(connection: Kysely<Database>, centreId: number): Promise<PersonFacts[]> {
  const rows = await connection
    .selectFrom('people')
    .select(['id', 'gender', 'citizenship', 'birthDate', 'residenceKind', 'residenceComune', 'createdAt'])
    .where('centreId', '=', centreId)
    .orderBy('id')
    .execute();
  return rows.map(({ createdAt, ...person }) => ({ ...person, firstDate: romeDateOf(new Date(createdAt)) }));
}
