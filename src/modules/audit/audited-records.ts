/** The writes every area makes to a versioned record, each with its row in the audit log. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, type VersionedTable } from '../../db/versioned.js';
import type { Actor } from '../auth/actor.js';
import { type AuditedRecord, recordChange } from './audit.repository.js';

/** A kind of versioned record: its table, its name in a 404 or 409, its name in the audit log. */
export interface AuditedKind {
  table: VersionedTable;
  label: string;
  entity: string;
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
