import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { AppDatabase } from './database.js';
import { prepared } from './prepared.js';
import { inTransaction } from './transaction.js';

const insertOrganisation = prepared((db, o: { name: string; createdAt: string }) =>
  db.insertInto('organisations').values({ name: o.name, createdAt: o.createdAt }).returning(['id', 'createdAt']),
);
// A constant of the query (the literal 'x%') stays between the two placeholders.
const findOrganisations = prepared((db, p: { after: number; before: number }) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'createdAt'])
    .where('id', '>', p.after)
    .where('name', 'not like', 'x%')
    .where('id', '<', p.before)
    .orderBy('id'),
);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: prepared queries`, () => {
    let database: AppDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('binds new values on every run, keeps the constants, and maps columns to camelCase', async () => {
      const { db } = database;
      const ids: number[] = [];
      for (const name of ['Comune di Jesi', 'xylo', 'Ambito 9']) {
        const [row] = (await insertOrganisation(db, { name, createdAt: `2024-01-0${ids.length + 1}T00:00:00.000Z` })).rows;
        expect(row?.createdAt).toBe(`2024-01-0${ids.length + 1}T00:00:00.000Z`);
        ids.push(row?.id as number);
      }
      const all = (await findOrganisations(db, { after: 0, before: 1_000_000 })).rows;
      expect(all.map((o) => o.name)).toEqual(['Comune di Jesi', 'Ambito 9']);
      const some = (await findOrganisations(db, { after: ids[0] as number, before: 1_000_000 })).rows;
      expect(some.map((o) => o.name)).toEqual(['Ambito 9']);
    });

    it('runs inside a transaction, and rolls back with it', async () => {
      const { db } = database;
      await expect(
        inTransaction(db, async (trx) => {
          await insertOrganisation(trx, { name: 'Rolled back', createdAt: '2024-02-01T00:00:00.000Z' });
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      const names = (await findOrganisations(db, { after: 0, before: 1_000_000 })).rows.map((o) => o.name);
      expect(names).not.toContain('Rolled back');
    });
  });
}
