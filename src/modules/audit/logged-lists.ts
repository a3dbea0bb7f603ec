/** Lists of records that name people, logged as the privacy rules ask. */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { recordListing, recordPersonRead } from './audit.repository.js';

/**
 * One page of records that name people. The records of one person (`filter.personId`) are part
 * of their file: reading them is logged like opening it (as `part`), and a person outside the
 * centres read lists nothing. Any other list logs whose names it showed (as `entity`).
 */
export async function pageNamingPeople<Item extends { person: { id: number } | null }>(
  db: Kysely<Database>,
  actor: Actor,
  filter: { personId?: number; centreIds: number[] },
  logged: { part: string; entity: string },
  paging: { page: number; pageSize: number },
  list: () => Promise<{ items: Item[]; total: number }>,
): Promise<Page<Item>> {
  if (filter.personId) {
    const person = await findPersonRow(db, filter.personId, filter.centreIds);
    if (!person) return { items: [], total: 0, ...paging };
    await recordPersonRead(db, actor.userId, person, logged.part);
  }
  const result = await list();
  if (!filter.personId) {
    await recordListing(
      db,
      actor.userId,
      logged.entity,
      result.items.map((item) => item.person?.id),
    );
  }
  return { ...result, ...paging };
}
