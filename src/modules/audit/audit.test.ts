import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  api,
  type Cast,
  createTestUser,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { Page } from '../../contracts/common.js';
import { recordAudit } from './audit.repository.js';

interface Entry {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  centreId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}
for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: audit log`, () => {
    let t: TestApp;
    let cast: Cast;
    let admin: Api;
    const audit = async (query: Record<string, string | number> = {}) => expectStatus<Page<Entry>>(await admin.get('/audit', query), 200);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      admin = api(t.app, await loginAs(t.app, cast.admin.email));
      // A known history in 2019, written as the use cases write it.
      const event = (
        at: string,
        userId: number,
        centreId: number | null,
        action: 'create' | 'read' | 'update',
        entity: string,
        entityId: number,
      ) => recordAudit(t.db, { userId, centreId, action, entity, entityId, details: { fields: ['notes'] } }, new Date(at));
      await event('2019-03-01T09:00:00Z', cast.operatorA.id, cast.centreA.id, 'create', 'person', 101);
      await event('2019-03-01T09:05:00Z', cast.operatorA.id, cast.centreA.id, 'read', 'person', 101);
      await event('2019-03-02T10:00:00Z', cast.operatorA2.id, cast.centreA.id, 'update', 'person', 101);
      await event('2019-03-02T11:00:00Z', cast.operatorA2.id, cast.centreA.id, 'create', 'visit', 501);
      await event('2019-03-03T12:00:00Z', cast.operatorB.id, cast.centreB.id, 'create', 'person', 202);
      await event('2019-03-03T12:01:00Z', cast.operatorB.id, cast.centreB.id, 'read', 'person', 202);
    });
    afterAll(() => t?.close());

    it('only administrators read the log', async () => {
      for (const user of [cast.coordinator, cast.operatorA, cast.viewer]) {
        const session = await loginAs(t.app, user.email);
        expectProblem(await api(t.app, session).get('/audit'), 403, 'auth.forbidden');
      }
      expectProblem(await api(t.app, null).get('/audit'), 401, 'auth.unauthenticated');
      const all = await audit();
      expect(all.total).toBeGreaterThanOrEqual(6);
      expect(all.items[0]?.id).toBeGreaterThan(all.items[1]?.id ?? Number.POSITIVE_INFINITY); // newest first
    });

    it('filters by date (Rome days), user, centre, entity, entity id and action, with totals', async () => {
      const march = { from: '2019-03-01', to: '2019-03-31' };
      const all = await audit(march);
      expect(all.total).toBe(6);
      expect(all.items.map((e) => [e.action, e.entity, e.entityId])).toEqual([
        ['read', 'person', '202'],
        ['create', 'person', '202'],
        ['create', 'visit', '501'],
        ['update', 'person', '101'],
        ['read', 'person', '101'],
        ['create', 'person', '101'],
      ]);
      expect(all.items[5]).toMatchObject({
        at: '2019-03-01T09:00:00.000Z',
        userId: cast.operatorA.id,
        userEmail: cast.operatorA.email,
        centreId: cast.centreA.id,
        details: { fields: ['notes'] },
      });

      expect((await audit({ ...march, entity: 'person', entityId: '101' })).items.map((e) => e.action)).toEqual([
        'update',
        'read',
        'create',
      ]);
      expect((await audit({ ...march, action: 'read' })).items.map((e) => e.entityId)).toEqual(['202', '101']);
      expect((await audit({ ...march, userId: cast.operatorA2.id })).items.map((e) => e.entity)).toEqual(['visit', 'person']);
      expect((await audit({ ...march, centreId: cast.centreB.id })).total).toBe(2);
      expect((await audit({ ...march, entity: 'visit' })).total).toBe(1);
      expect((await audit({ from: '2019-03-02', to: '2019-03-02' })).items.map((e) => e.entityId)).toEqual(['501', '101']);
      expect((await audit({ from: '2019-03-03' })).items.every((e) => e.at >= '2019-03-02T23:00:00.000Z')).toBe(true);

      const firstPage = await audit({ ...march, pageSize: 4 });
      const secondPage = await audit({ ...march, pageSize: 4, page: 2 });
      expect([firstPage.total, secondPage.total]).toEqual([6, 6]);
      expect([...firstPage.items, ...secondPage.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
      expectProblem(await admin.get('/audit', { action: 'drop' }), 400, 'validation.failed');
    });

    it('a day is a Rome day, also when the clocks change', async () => {
      const at = (instant: string, entityId: number) =>
        recordAudit(t.db, { userId: cast.admin.id, centreId: null, action: 'update', entity: 'dst', entityId }, new Date(instant));
      // 27 October 2024 had 25 hours in Rome: from 26 Oct 22:00Z to 27 Oct 23:00Z.
      await at('2024-10-26T21:59:00Z', 1); // 26 Oct 23:59 CEST
      await at('2024-10-26T22:00:00Z', 2); // 27 Oct 00:00 CEST
      await at('2024-10-27T22:30:00Z', 3); // 27 Oct 23:30 CET
      await at('2024-10-27T23:30:00Z', 4); // 28 Oct 00:30 CET
      // 31 March 2024 had 23 hours: from 30 Mar 23:00Z to 31 Mar 22:00Z.
      await at('2024-03-31T21:30:00Z', 5); // 31 Mar 23:30 CEST
      await at('2024-03-31T22:30:00Z', 6); // 1 Apr 00:30 CEST
      const ids = async (day: string) =>
        (await audit({ entity: 'dst', from: day, to: day })).items.map((e) => Number(e.entityId)).sort((a, b) => a - b);
      expect(await ids('2024-10-27')).toEqual([2, 3]);
      expect(await ids('2024-10-28')).toEqual([4]);
      expect(await ids('2024-03-31')).toEqual([5]);
      expect(await ids('2024-04-01')).toEqual([6]);
    });

    it('an administrator sees the events of their own centres and those of no centre', async () => {
      const adminA = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'admin',
        centreIds: [cast.centreA.id],
        email: 'admin.a@example.test',
      });
      const own = api(t.app, await loginAs(t.app, adminA.email));
      const page = expectStatus<Page<Entry>>(await own.get('/audit', { from: '2019-03-01', to: '2019-03-31' }), 200);
      expect(page.total).toBe(4);
      expect(page.items.every((e) => e.centreId === cast.centreA.id)).toBe(true);
      const logins = expectStatus<Page<Entry>>(await own.get('/audit', { action: 'login', userId: adminA.id }), 200);
      expect(logins.items).toEqual([expect.objectContaining({ centreId: null, entity: 'session', userEmail: 'admin.a@example.test' })]);
    });

    it('the database itself refuses to change or delete audit rows', async () => {
      const before = await t.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
      expect(before.length).toBeGreaterThan(6);
      const first = before[0]?.id as number;
      await expect(t.db.updateTable('auditLog').set({ action: 'tampered' }).where('id', '=', first).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.updateTable('auditLog').set({ userId: null }).execute()).rejects.toThrow(/append-only/);
      await expect(t.db.deleteFrom('auditLog').where('id', '=', first).execute()).rejects.toThrow(/append-only/);
      await expect(t.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/);
      expect(await t.db.selectFrom('auditLog').selectAll().orderBy('id').execute()).toEqual(before);
      // Appending still works.
      await recordAudit(t.db, { userId: null, centreId: null, action: 'export', entity: 'test' });
      expect(await t.db.selectFrom('auditLog').select('id').execute()).toHaveLength(before.length + 1);
    });
  });
}
