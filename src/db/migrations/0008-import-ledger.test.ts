/**
 * Migration 0008 moves the records imports created from one row each (0007's import_records)
 * into runs of consecutive ids.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { createCentre, createOrganisation } from '../../modules/accounts/accounts.usecases.js';
import type { AppDatabase } from '../database.js';
import { migrateTo, migrateToLatest } from '../migrate.js';

// The records of two imports as 0007 kept them: visits 1-5, 8, 10-11 and person 3 of the first, visit 6 of the second.
const RECORDS = [
  ...[1, 2, 3, 4, 5, 8, 10, 11].map((id) => ['first', 'visit', id] as const),
  ['first', 'person', 3] as const,
  ['second', 'visit', 6] as const,
];

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: migration 0008 (import ledger)`, () => {
    let database: AppDatabase;
    // biome-ignore lint/suspicious/noExplicitAny: the tables of 0007, which today's types no longer name
    let db: Kysely<any>;
    const importIds: Record<string, number> = {};

    beforeAll(async () => {
      database = await createTestDatabase(dialect, '0007-imports-history');
      db = database.db;
      const organisationId = await createOrganisation(database.db, 'Migrazione');
      const centre = await createCentre(database.db, { organisationId, code: 'MIG', name: 'Centro' }, null);
      const stamp = '2026-01-01T00:00:00.000Z';
      for (const name of ['first', 'second']) {
        const row = await db
          .insertInto('imports')
          .values({
            centreId: centre.id,
            kind: 'visits',
            fileName: `${name}.csv`,
            fileSize: 1,
            fileSha256: name,
            format: 'csv',
            headers: '[]',
            mapping: '{}',
            valueMappings: '{}',
            decisions: '{}',
            status: 'imported',
            createdAt: stamp,
            updatedAt: stamp,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        importIds[name] = row.id;
      }
      await db
        .insertInto('importRecords')
        .values(RECORDS.map(([name, entity, recordId]) => ({ importId: importIds[name], entity, recordId })))
        .execute();
    });
    afterAll(async () => {
      await database?.close();
    });

    it('keeps the records as runs of consecutive ids', async () => {
      await migrateToLatest(db, dialect);
      const ranges = await db
        .selectFrom('importRecordRanges')
        .select(['importId', 'entity', 'firstId', 'lastId'])
        .orderBy('importId')
        .orderBy('entity')
        .orderBy('firstId')
        .execute();
      expect(ranges.map((r) => ({ ...r, firstId: Number(r.firstId), lastId: Number(r.lastId) }))).toEqual([
        { importId: importIds.first, entity: 'person', firstId: 3, lastId: 3 },
        { importId: importIds.first, entity: 'visit', firstId: 1, lastId: 5 },
        { importId: importIds.first, entity: 'visit', firstId: 8, lastId: 8 },
        { importId: importIds.first, entity: 'visit', firstId: 10, lastId: 11 },
        { importId: importIds.second, entity: 'visit', firstId: 6, lastId: 6 },
      ]);
    });

    it('cannot be undone (a backup is restored instead)', async () => {
      await expect(migrateTo(db, dialect, '0007-imports-history')).rejects.toThrow(/restore a backup/);
    });
  });
}
