import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';

/**
 * Logs that a list of this area showed these people, as `recordListing` does for people and
 * visits (one row per list, the ids in its details), under the list's own entity name.
 */
export async function recordPeopleShown(
  db: Kysely<Database>,
  actor: Actor,
  entity: 'application' | 'pc_station_use' | 'legal_case_option',
  personIds: Array<number | null | undefined>,
): Promise<void> {
  const ids = [...new Set(personIds.filter((id): id is number => typeof id === 'number'))];
  if (ids.length === 0) return;
  await recordAudit(db, { userId: actor.userId, centreId: null, action: 'list', entity, details: { personIds: ids } });
}

/** Reading a person's part of the file (their applications, their PC uses) is logged like opening it. */
export async function recordPersonPartRead(db: Kysely<Database>, actor: Actor, person: { id: number; centreId: number }, part: string) {
  await recordAudit(db, {
    userId: actor.userId,
    centreId: person.centreId,
    action: 'read',
    entity: 'person',
    entityId: person.id,
    details: { part },
  });
}
