/** The writes every area makes to a versioned record, each with its row in the audit log. */
import type { Kysely } from 'kysely';
import { type LinkTable, orNotFound, replaceLinks } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, insertVersioned, type NewVersioned, saveChanges, type VersionedTable } from '../../db/versioned.js';
import type { Actor } from '../auth/actor.js';
import { type AuditedRecord, recordChange } from './audit.repository.js';

/** A kind of versioned record: its table, its name in a 404 or 409, its name in the audit log. */
export interface AuditedKind<T extends VersionedTable = VersionedTable> {
  table: T;
  label: string;
  entity: string;
}

/** The records a record names in a table of links (an event's participants…), given whole; `field` is the input's name for them. */
export interface Links {
  table: LinkTable;
  field: string;
  ids: readonly number[];
}

/** Inserts a new record of a centre at version 1, created at `now`, with its links if any, and logs it; returns its id. */
export async function insertRecord<T extends VersionedTable>(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind<T>,
  values: NewVersioned<T> & { centreId: number },
  now: Date,
  links?: Links,
): Promise<number> {
  const id = await insertVersioned(db, kind.table, values, now.toISOString());
  if (links) await replaceLinks(db, links.table, id, links.ids);
  await recordChange(db, actor, 'create', kind.entity, { id, centreId: values.centreId }, { at: now });
  return id;
}

/**
 * Writes the changes at the version read (409 otherwise) with their time, replaces the links if
 * sent, and logs the update naming the fields whose value changed and the links: names, never values.
 */
export async function updateRecord(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind,
  record: AuditedRecord,
  update: { version: number; changes: Record<string, unknown>; stored: object; links?: Links | undefined },
  now: Date,
): Promise<void> {
  const { version, changes, stored, links } = update;
  const fields = await saveChanges(db, kind.table, record.id, version, changes, stored, kind.label, now);
  if (links) {
    await replaceLinks(db, links.table, record.id, links.ids);
    fields.push(links.field);
  }
  await recordChange(db, actor, 'update', kind.entity, record, { details: { fields }, at: now });
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

/**
 * Deletes, in one transaction, the record `find` reads in the actor's centres (404 when it finds
 * none; `find` may refuse it too, throwing its own error) at the version read (409 otherwise),
 * and logs it.
 */
export function findAndDelete(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind,
  target: { id: number; version: number },
  find: (trx: Kysely<Database>) => Promise<{ centreId: number } | undefined>,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const { centreId } = await orNotFound(find(trx), kind.label);
    await deleteRecord(trx, actor, kind, { id: target.id, centreId }, target.version);
  });
}

/** Logs that the actor opened a record that names these people (their ids in the details, when there are any). */
export function recordReadNaming(
  db: Kysely<Database>,
  actor: Actor,
  kind: AuditedKind,
  record: AuditedRecord,
  personIds: readonly number[],
) {
  return recordChange(db, actor, 'read', kind.entity, record, personIds.length > 0 ? { details: { personIds } } : {});
}
