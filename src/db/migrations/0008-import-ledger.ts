/**
 * What an import leaves behind, made cheaper to write (issue 13's speed target):
 * - the records it created are kept as runs of consecutive ids (`import_record_ranges`: one row
 *   for the 100,000 visits of one register, where `import_records` had one row each);
 * - its rows' fingerprints lose their index on (centre, kind, fingerprint): they are only ever
 *   read all at once for the centre's imports of one kind, which the imports table finds, and
 *   keeping the index cost the import a random insert per row.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, partOf } from './shapes.js';

export function importLedger(dialect: DialectName): Migration {
  return irreversible('import ledger', dialect, async (db) => {
    await db.schema
      .createTable('import_record_ranges')
      .addColumn('import_id', 'integer', partOf('imports.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('first_id', 'integer', (c) => c.notNull())
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_record_ranges_pk', ['import_id', 'entity', 'first_id'])
      .execute();
    // Runs of consecutive ids ("gaps and islands"): an id minus its rank is the same along a run.
    await sql`
      insert into import_record_ranges (import_id, entity, first_id, last_id)
      select import_id, entity, min(record_id), max(record_id)
      from (
        select import_id, entity, record_id,
               record_id - row_number() over (partition by import_id, entity order by record_id) as run
        from import_records
      ) numbered
      group by import_id, entity, run`.execute(db);
    await db.schema.dropTable('import_records').execute();
    await db.schema.dropIndex('import_rows_fingerprint_idx').execute();
  });
}
