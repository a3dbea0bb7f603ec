import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';

/** The body that erases a person's file: an erasure request decided "erased" (POST /people/:id/erasure-requests answers 201). */
export const ERASURE_REQUEST = { requestedOn: '2024-01-15', reason: 'Richiesta della persona interessata', outcome: 'erased' } as const;

/** Where a person's erasure request is decided. */
export const erasurePath = (personId: number) => `/people/${personId}/erasure-requests`;

/**
 * Runs `work` while the database refuses to delete people ("refused by the test"), a trigger
 * made before and dropped after: an erasure or a retention run fails at the deletion.
 */
export async function whilePersonDeletesRefused<T>(db: Kysely<Database>, dialect: DialectName, work: () => Promise<T>): Promise<T> {
  if (dialect === 'postgres') {
    await sql`create function refuse_person_delete() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`.execute(
      db,
    );
    await sql`create trigger people_refuse_delete before delete on people for each row execute function refuse_person_delete()`.execute(db);
  } else {
    await sql`create trigger people_refuse_delete before delete on people begin select raise(abort, 'refused by the test'); end`.execute(
      db,
    );
  }
  try {
    return await work();
  } finally {
    await sql`drop trigger people_refuse_delete${sql.raw(dialect === 'postgres' ? ' on people' : '')}`.execute(db);
    if (dialect === 'postgres') await sql`drop function refuse_person_delete()`.execute(db);
  }
}
