import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestOrganisation } from '../../test/support/app.js';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { ProblemDetails } from '../contracts/errors.js';
import type { AppError } from '../errors/index.js';
import type { AppDatabase } from './database.js';
import { deleteVersioned, updateVersioned } from './versioned.js';

async function problemOf(promise: Promise<unknown>): Promise<Pick<ProblemDetails, 'status' | 'code'> & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const e = error as AppError;
    return { status: e.status, code: e.code, ...e.extra };
  }
  throw new Error('expected a problem');
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: versioned updates and deletes`, () => {
    let database: AppDatabase;
    let centreId: number;
    const stamp = '2024-01-01T00:00:00.000Z';
    const newHousehold = async () =>
      (
        await database.db
          .insertInto('households')
          .values({ centreId, name: 'Nucleo', notes: null, createdAt: stamp, updatedAt: stamp })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      centreId = (await createTestOrganisation(database.db)).centres[0]?.id as number;
    });
    afterAll(async () => {
      await database?.close();
    });

    it('changes a row at the version read and bumps it; an older version gets 409 with the current one', async () => {
      const id = await newHousehold();
      expect(await updateVersioned(database.db, 'households', id, 1, { name: 'Nucleo Rossi' })).toBe(2);
      expect(await problemOf(updateVersioned(database.db, 'households', id, 1, { name: 'Nucleo Bianchi' }))).toMatchObject({
        status: 409,
        code: 'resource.stale_version',
        currentVersion: 2,
      });
      const row = await database.db.selectFrom('households').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Nucleo Rossi', version: 2 });
    });

    it('deletes only at the version read; a deleted row answers 404', async () => {
      const id = await newHousehold();
      await updateVersioned(database.db, 'households', id, 1, { notes: 'x' });
      expect(await problemOf(deleteVersioned(database.db, 'households', id, 1, 'household'))).toMatchObject({
        status: 409,
        currentVersion: 2,
      });
      await deleteVersioned(database.db, 'households', id, 2, 'household');
      expect(await problemOf(deleteVersioned(database.db, 'households', id, 2, 'household'))).toMatchObject({
        status: 404,
        code: 'resource.not_found',
      });
      expect(await problemOf(updateVersioned(database.db, 'households', id, 2, { notes: 'y' }, 'household'))).toMatchObject({
        status: 404,
      });
    });
  });
}
