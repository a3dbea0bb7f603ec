/** What the cases' repositories share: rows grouped by their case (or goal), the insert of a new editable row. */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type EditableTable = 'cases' | 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals';

/** A new row of an editable table, without what insertEditable stamps on it (id, times, version). */
export type NewEditable<T extends EditableTable> = Omit<Insertable<Database[T]>, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

// biome-ignore lint/suspicious/noExplicitAny: one insert for the editable tables of a case; the callers are typed
type AnyDb = Kysely<any>;

/** Inserts a new row, created and updated at `stamp`, at version 1; returns its id. */
export async function insertEditable<T extends EditableTable>(db: Kysely<Database>, table: T, values: NewEditable<T>, stamp: string) {
  const row = await (db as AnyDb)
    .insertInto(table)
    .values({ ...values, createdAt: stamp, updatedAt: stamp, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
