import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestOrganisation, createTestUser } from '../../test/support/app.js';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { AppDatabase } from './database.js';
import { saveRowByKey } from './queries.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: saveRowByKey`, () => {
    let database: AppDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('inserts the row of a key the first time, then replaces its other columns; other keys keep theirs', async () => {
      const { db } = database;
      const { organisationId, centres } = await createTestOrganisation(db);
      const one = await createTestUser(db, { organisationId, role: 'operator', centreIds: [centres[0]!.id] });
      const two = await createTestUser(db, { organisationId, role: 'viewer', centreIds: [centres[0]!.id] });
      const rows = () => db.selectFrom('reminderPreferences').selectAll().orderBy('userId').execute();

      await saveRowByKey(db, 'reminderPreferences', 'userId', { userId: one.id, delivery: 'app', updatedAt: '2026-01-01T08:00:00.000Z' });
      await saveRowByKey(db, 'reminderPreferences', 'userId', { userId: two.id, delivery: 'email', updatedAt: '2026-01-02T08:00:00.000Z' });
      await saveRowByKey(db, 'reminderPreferences', 'userId', { userId: one.id, delivery: 'off', updatedAt: '2026-01-03T08:00:00.000Z' });

      expect(await rows()).toEqual([
        { userId: one.id, delivery: 'off', updatedAt: '2026-01-03T08:00:00.000Z' },
        { userId: two.id, delivery: 'email', updatedAt: '2026-01-02T08:00:00.000Z' },
      ]);
    });
  });
}
