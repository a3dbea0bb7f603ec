/**
 * The schema the migrations build, as text, against a snapshot kept beside this file. The
 * migrations share their table shapes (migrations/shapes.ts); a released migration's DDL must
 * never change, so an edit of a shared shape that alters an old table fails here. A new
 * migration changes the schema on purpose: update the snapshots with `npx vitest run -u
 * src/db/schema-snapshot.test.ts` and commit them with it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { AppDatabase, DialectName } from './database.js';

const QUERIES: Record<DialectName, string[]> = {
  sqlite: [`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`],
  postgres: [
    `select table_name, ordinal_position, column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`,
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
       from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`,
    `select tgrelid::regclass::text as tbl, tgname, pg_get_triggerdef(oid) as def
       from pg_trigger where not tgisinternal order by 1, 2`,
    `select p.proname, pg_get_functiondef(p.oid) as def from pg_proc p
       where p.pronamespace = 'public'::regnamespace order by 1`,
  ],
};

async function schemaText(database: AppDatabase): Promise<string> {
  const parts: string[] = [];
  for (const query of QUERIES[database.dialect]) {
    const { rows } = await sql.raw<Record<string, unknown>>(query).execute(database.db);
    parts.push(rows.map((row) => Object.values(row).map(String).join(' | ')).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the migrated schema`, () => {
    let database: AppDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('is the one the snapshot keeps (released migrations never change)', async () => {
      await expect(await schemaText(database)).toMatchFileSnapshot(`./__snapshots__/schema.${dialect}.txt`);
    });
  });
}
