/**
 * Migration 0020 gives the report versions published before it the cover's logo they showed
 * then (the first of their heading's centres with a logo, as the cover chose it), frozen from
 * then on; a version none of whose centres has a logo gets none.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { jpegImage } from '../../../test/support/images.js';
import { createCentre, createOrganisation } from '../../modules/accounts/accounts.usecases.js';
import type { AppDatabase } from '../database.js';
import { migrateToLatest } from '../migrate.js';

const LOGO = jpegImage(32, 16);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: migration 0020 (report version logos)`, () => {
    let database: AppDatabase;
    // biome-ignore lint/suspicious/noExplicitAny: the tables before 0020, which today's types may no longer name
    let db: Kysely<any>;
    const versionIds: Record<string, number> = {};

    beforeAll(async () => {
      database = await createTestDatabase(dialect, '0018-visit-day-counts');
      db = database.db;
      const organisationId = await createOrganisation(database.db, 'Migrazione');
      const centre = async (code: string, name: string) => ({
        id: (await createCentre(database.db, { organisationId, code, name }, null)).id,
        name,
      });
      const plain = await centre('SENZA', 'Centro senza logo');
      const withLogo = await centre('LOGO', 'Centro col logo');
      await db
        .insertInto('centreLogos')
        .values({
          centreId: withLogo.id,
          mediaType: 'image/jpeg',
          bytes: LOGO,
          byteSize: LOGO.length,
          width: 32,
          height: 16,
          uploadedAt: 'x',
        })
        .execute();
      const stamp = '2026-01-01T00:00:00.000Z';
      const scopes = { both: [plain, withLogo], plain: [plain] };
      for (const [name, centres] of Object.entries(scopes)) {
        const report = await db
          .insertInto('reports')
          .values({
            organisationId,
            year: 2025,
            scopeKey: centres.map((c) => c.id).join(','),
            settings: '{}',
            narratives: '{}',
            freeBlocks: '[]',
            createdAt: stamp,
            updatedAt: stamp,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const data = { heading: { centres: centres.map((c) => ({ id: c.id, name: c.name })) }, versionNumber: 1 };
        const version = await db
          .insertInto('reportVersions')
          .values({ reportId: report.id, number: 1, data: JSON.stringify(data), settings: '{}', appVersion: '0', publishedAt: stamp })
          .returning('id')
          .executeTakeFirstOrThrow();
        versionIds[name] = version.id;
      }
      await migrateToLatest(db, dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('a version gets the logo of the first of its centres with one, its bytes copied; a version without one gets none', async () => {
      const rows = await db.selectFrom('reportVersionLogos').selectAll().execute();
      expect(rows.map((row) => ({ ...row, bytes: Buffer.from(row.bytes).equals(LOGO) }))).toEqual([
        { reportVersionId: versionIds.both, mediaType: 'image/jpeg', bytes: true, width: 32, height: 16, alt: 'Logo di Centro col logo' },
      ]);
    });
  });
}
