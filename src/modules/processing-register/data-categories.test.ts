/**
 * The register's categories of data say what the schema holds: every table of the migrated
 * schema is in some category or declared free of personal data (a new table fails here until
 * it is classified), and every column a category names exists.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/databases.js';
import type { AppDatabase } from '../../db/database.js';
import { DATA_CATEGORIES, TABLES_WITHOUT_PERSONAL_DATA } from '../../domain/processing-register.js';

describe('the register of processing: categories of data against the schema', () => {
  let database: AppDatabase;
  const columns = new Map<string, string[]>();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
      database.db,
    );
    for (const { name } of rows) {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(database.db);
      columns.set(
        name,
        info.rows.map((column) => column.name),
      );
    }
  });
  afterAll(() => database?.close());

  const categorised = () => new Set(DATA_CATEGORIES.flatMap((category) => category.sources.map((source) => source.table)));

  it('every table of the schema is in a category of data or declared without personal data', () => {
    const unclassified = [...columns.keys()].filter((table) => !categorised().has(table) && !(table in TABLES_WITHOUT_PERSONAL_DATA));
    expect(unclassified).toEqual([]);
  });

  it('a table that names a person, a user or a household is not declared free of personal data', () => {
    const naming = /^(person_id|user_id|household_id|fiscal_code|ip)$/;
    const wrong = Object.keys(TABLES_WITHOUT_PERSONAL_DATA).filter((table) => columns.get(table)?.some((column) => naming.test(column)));
    expect(wrong).toEqual([]);
  });

  it('every table and column a category names exists, and no table is in both lists', () => {
    const missing = DATA_CATEGORIES.flatMap((category) =>
      category.sources.flatMap(({ table, columns: named }) =>
        named.filter((column) => !columns.get(table)?.includes(column)).map((column) => `${category.code}: ${table}.${column}`),
      ),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(TABLES_WITHOUT_PERSONAL_DATA).filter((table) => categorised().has(table))).toEqual([]);
    expect(Object.keys(TABLES_WITHOUT_PERSONAL_DATA).filter((table) => !columns.has(table))).toEqual([]);
  });

  it('category codes are unique, and the special categories include legal status and health', () => {
    const codes = DATA_CATEGORIES.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DATA_CATEGORIES.filter((category) => category.special).map((category) => category.code)).toEqual(
      expect.arrayContaining(['citizenship', 'permits', 'health_legal']),
    );
  });
});
