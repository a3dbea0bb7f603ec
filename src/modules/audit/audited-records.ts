/** The writes every area makes to a versioned record, each with its row in the audit log. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, insertVersioned, type NewVersioned, type VersionedTable } from '../../db/versioned.js';
import type { Actor } from '../auth/actor.js';
import { type AuditedRecord, recordChange } from './audit.repository.js';

/** A kind of versioned record: its table, its name in a 404 or 409, its name in the audit log. */
export interface AuditedKind<T extends VersionedTable = VersionedTable> {
  table: T;
  label: string;
  entity: string;
}

/** Inserts a new record of a centre at version 1, created at `now`, and logs it; returns its id. */
export async function insertRecord<T extends VersionedTable>(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind<T>,
  values: NewVersioned<T> & { centreId: number },
  now: Date,
): Promise<number> {
  const id = await insertVersioned(db, kind.table, values, now.toISOString());
  await recordChange(db, actor, 'create', kind.entity, { id, centreId: values.centreId }, { at: now });
  return id;
}

/** Deletes a record at the version read (409 otherwise) and logs it. */
export async function deleteRecord(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind,
  record: AuditedRecord,
  version: number,
  now = new Date(),
): Promise<void> {
  await deleteVersioned(db, kind.table, record.id, version, kind.label);
  await recordChange(db, actor, 'delete', kind.entity, record, { at: now });
}
