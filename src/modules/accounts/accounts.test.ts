/**
 * Accounts on both databases: administrators are organisation-wide (decision 010), so what
 * bounds them is the organisation, and what makes their grants safe is the audit log: every
 * role and centre given or taken, to others or to themselves, and every token made for
 * someone else, is traceable.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  api,
  type Cast,
  createTestOrganisation,
  createTestUser,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { User } from '../../contracts/auth.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: accounts, the administrator's reach`, () => {
    let t: TestApp;
    let cast: Cast;
    let adminB: Api; // an administrator who works in centre B only

    const lastAudit = async (entity: string, userId: number) => {
      const row = await t.db
        .selectFrom('auditLog')
        .select(['action', 'entityId', 'details'])
        .where('entity', '=', entity)
        .where('userId', '=', userId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'admin',
        centreIds: [cast.centreB.id],
        email: 'admin.b@example.test',
      });
      adminB = api(t.app, await loginAs(t.app, user.email));
    });
    afterAll(() => t?.close());

    it("an administrator who gives themselves another centre is audited as such, and only then reads that centre's people", async () => {
      const me = expectStatus<{ id: number }>(await adminB.get('/auth/me'), 200);
      const person = expectStatus<{ id: number }>(
        await api(t.app, await loginAs(t.app, cast.operatorA.email)).post('/people', {
          givenNames: 'Lina',
          familyNames: 'Prova',
          gender: 'female',
          citizenship: 'IT',
        }),
        201,
      );
      expectProblem(await adminB.get(`/people/${person.id}`), 404, 'resource.not_found');

      const granted = expectStatus<User>(await adminB.patch(`/users/${me.id}`, { centreIds: [cast.centreA.id, cast.centreB.id] }), 200);
      expect(granted.centreIds).toEqual([cast.centreA.id, cast.centreB.id].sort((a, b) => a - b));
      expect(await lastAudit('user', me.id)).toEqual({
        action: 'update',
        entityId: String(me.id),
        details: { fields: ['centreIds'], centres: { added: [cast.centreA.id], removed: [] }, self: true },
      });
      expectStatus(await adminB.get(`/people/${person.id}`), 200);
    });

    it("every role and centre given to someone else is audited with what changed, not only the fields' names", async () => {
      const target = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'grant.target@example.test',
      });
      const me = expectStatus<{ id: number }>(await adminB.get('/auth/me'), 200);
      expectStatus(await adminB.patch(`/users/${target.id}`, { role: 'coordinator', centreIds: [cast.centreB.id] }), 200);
      expect((await lastAudit('user', me.id)).details).toEqual({
        fields: ['role', 'centreIds'],
        role: { from: 'operator', to: 'coordinator' },
        centres: { added: [cast.centreB.id], removed: [cast.centreA.id] },
      });
      // A change that grants nothing says so by listing only its fields.
      expectStatus(await adminB.patch(`/users/${target.id}`, { displayName: 'Nome Nuovo', role: 'coordinator' }), 200);
      expect((await lastAudit('user', me.id)).details).toEqual({ fields: ['displayName', 'role'] });
    });

    it('a token made for another user is audited with whose it is', async () => {
      const me = expectStatus<{ id: number }>(await adminB.get('/auth/me'), 200);
      const token = expectStatus<{ id: number }>(await adminB.post('/tokens', { userId: cast.coordinator.id, name: 'script' }), 201);
      expect(await lastAudit('api_token', me.id)).toEqual({
        action: 'create',
        entityId: String(token.id),
        details: { forUserId: cast.coordinator.id },
      });
    });

    it("the organisation bounds them: another organisation's administrator finds none of this one's users, centres or tokens", async () => {
      const other = await createTestOrganisation(t.db, { name: 'Altro Comune', centres: ['Z'] });
      const outsider = await createTestUser(t.db, {
        organisationId: other.organisationId,
        role: 'admin',
        centreIds: [other.centres[0]?.id ?? 0],
        email: 'admin.other@example.test',
      });
      const adminZ = api(t.app, await loginAs(t.app, outsider.email));
      expectProblem(await adminZ.patch(`/users/${cast.operatorA.id}`, { active: false }), 404, 'resource.not_found');
      expectProblem(await adminZ.patch(`/users/${outsider.id}`, { centreIds: [cast.centreA.id] }), 404, 'resource.not_found');
      expectProblem(await adminZ.post('/tokens', { userId: cast.operatorA.id, name: 'x' }), 404, 'resource.not_found');
      const users = expectStatus<User[]>(await adminZ.get('/users'), 200);
      expect(users.map((u) => u.email)).toEqual([outsider.email]);
    });
  });
}
