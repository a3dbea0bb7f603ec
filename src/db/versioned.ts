import { type Insertable, type Kysely, sql } from 'kysely';
import { notFound, staleVersion } from '../errors/index.js';
import type { Database } from './schema.js';

/** The tables whose rows carry `id` and `version` (optimistic concurrency). */
export type VersionedTable =
  | 'people'
  | 'visits'
  | 'households'
  | 'cases'
  | 'caseGoals'
  | 'caseActions'
  | 'caseNotes'
  | 'referrals'
  | 'residencePermits'
  | 'identityDocuments'
  | 'applications'
  | 'legalConsultations'
  | 'events'
  | 'networkMeetings'
  | 'openingHourSets'
  | 'closures'
  | 'staffMembers'
  | 'staffContracts'
  | 'projects'
  | 'courses'
  | 'lessons'
  | 'enrolments'
  | 'waitingListEntries'
  | 'reports'
  | 'historicalFigures'
  | 'processingRegisterTexts';

// biome-ignore lint/suspicious/noExplicitAny: one path for every versioned table; the callers are typed
type AnyDb = Kysely<any>;

/** A new row of a versioned table, without what insertVersioned stamps on it (id, times, version). */
export type NewVersioned<T extends VersionedTable> = Omit<Insertable<Database[T]>, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** Inserts a new row, created and updated at `stamp`, at version 1; returns its id. */
export async function insertVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  values: NewVersioned<T>,
  stamp: string,
): Promise<number> {
  const row = await (db as AnyDb)
    .insertInto(table)
    .values({ ...values, createdAt: stamp, updatedAt: stamp, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The row's version now: 409 with it when the caller's is older, 404 when the row is gone. */
async function conflict(db: Kysely<Database>, table: VersionedTable, id: number, entity: string): Promise<never> {
  const row = await (db as AnyDb).selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(entity);
  throw staleVersion(Number(row.version));
}

/**
 * Changes a row only if it still has the version the caller read, and bumps the version, in one
 * statement: two saves of the same version cannot both win. Answers 409 with the current
 * version otherwise (404 if the row was deleted meanwhile). Returns the new version.
 */
export async function updateVersioned(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expected: number,
  changes: Record<string, unknown>,
  entity: string = table,
): Promise<number> {
  const updated = await (db as AnyDb)
    .updateTable(table)
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  if (!updated) return conflict(db, table, id, entity);
  return Number(updated.version);
}

/** The names of the fields whose value a change alters, against the row read: the audit log names them, never the values. */
export function changedFields(changes: object, before: object): string[] {
  const previous = before as Record<string, unknown>;
  return Object.entries(changes)
    .filter(([key, value]) => previous[key] !== value)
    .map(([key]) => key);
}

/**
 * Writes the changes, and the time of the change, at the version read (409 with the current
 * version, 404 if the row is gone); returns the names of the fields whose value changed.
 */
export async function saveChanges(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expected: number,
  changes: Record<string, unknown>,
  before: object,
  entity: string,
  now: Date,
): Promise<string[]> {
  await updateVersioned(db, table, id, expected, { ...changes, updatedAt: now.toISOString() }, entity);
  return changedFields(changes, before);
}

/** Deletes a row only at the version the caller read: 409 with the current version otherwise. */
export async function deleteVersioned(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expected: number,
  entity: string = table,
): Promise<void> {
  const deleted = await (db as AnyDb)
    .deleteFrom(table)
    .where('id', '=', id)
    .where('version', '=', expected)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) await conflict(db, table, id, entity);
}
