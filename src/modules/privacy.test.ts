/**
 * Where personal data could leak past the centre and audit rules: each case here was a hole
 * found in review, kept closed by a test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  api,
  bearerFor,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../test/support/erasure.js';
import type { Page } from '../contracts/common.js';
import type { Person } from '../contracts/people.js';
import type { Topic, Visit } from '../contracts/visits.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: privacy`, () => {
    let t: TestApp;
    let cast: Cast;
    let admin: Api; // works in centres A and B
    let operatorA: Api;
    let operatorB: Api;
    let viewer: Api;
    let topic: number;
    let person: Person; // registered in centre A

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [admin, operatorA, operatorB, viewer] = (await Promise.all(
        [cast.admin, cast.operatorA, cast.operatorB, cast.viewer].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      topic = (expectStatus<Topic[]>(await operatorA.get('/topics'), 200)[0] as Topic).id;
      person = expectStatus<Person>(
        await operatorA.post('/people', {
          givenNames: 'Aisha',
          familyNames: 'Okafor',
          gender: 'female',
          citizenship: 'NG',
          birthDate: '1991-03-04',
          phone: '+39 333 1234567',
          centreId: cast.centreA.id,
        }),
        201,
      );
    });
    afterAll(() => t?.close());

    const auditRows = (userId: number) =>
      t.db.selectFrom('auditLog').select(['action', 'entity', 'entityId', 'details']).where('userId', '=', userId).orderBy('id').execute();

    it('a stale-version answer tells the version, not the record, so no unlogged read is possible', async () => {
      const before = await auditRows(cast.operatorB.id);
      const res = await operatorA.patch(`/people/${person.id}`, { version: 99, phone: '+39 000' });
      const problem = expectProblem(res, 409, 'resource.stale_version');
      expect(problem.currentVersion).toBe(1);
      expect(res.body).not.toContain('Okafor');
      expect(res.body).not.toContain('333');
      expect(await auditRows(cast.operatorB.id)).toEqual(before);
    });

    it("a person's visit goes to the person's centre: another centre's lists never show the name", async () => {
      // The administrator works in both centres and asks for centre B: refused, the person is A's.
      expectProblem(
        await admin.post('/visits', { personId: person.id, centreId: cast.centreB.id, topicIds: [topic] }),
        404,
        'resource.not_found',
      );
      const visit = expectStatus<Visit>(await admin.post('/visits', { personId: person.id, topicIds: [topic] }), 201);
      expect(visit.centreId).toBe(cast.centreA.id);
      const inB = expectStatus<Page<Visit>>(await operatorB.get('/visits'), 200);
      expect(JSON.stringify(inB)).not.toContain('Okafor');
    });

    it('lists that show identified people are logged with their ids', async () => {
      expectStatus(await operatorA.get('/people', { q: 'okafor' }), 200);
      expectStatus(await operatorA.get('/visits'), 200);
      const rows = (await auditRows(cast.operatorA.id)).filter((row) => row.action === 'list');
      expect(rows).toEqual([
        { action: 'list', entity: 'person', entityId: null, details: JSON.stringify({ personIds: [person.id] }) },
        { action: 'list', entity: 'visit', entityId: null, details: JSON.stringify({ personIds: [person.id] }) },
      ]);
      // A search that finds nobody logs nothing.
      expectStatus(await operatorA.get('/people', { q: 'nessunocosì' }), 200);
      expect((await auditRows(cast.operatorA.id)).filter((row) => row.action === 'list')).toHaveLength(2);
    });

    it('a viewer gets figures by period and centre only: finer filters are ignored', async () => {
      const all = expectStatus<{ total: number }>(await viewer.get('/visits/summary'), 200);
      const narrowed = expectStatus<{ total: number }>(await viewer.get('/visits/summary', { citizenship: 'ZZ', operatorId: 999 }), 200);
      expect(narrowed.total).toBe(all.total);
      expect(all.total).toBeGreaterThan(0);
      // A coordinator or operator may narrow them.
      expect(expectStatus<{ total: number }>(await operatorA.get('/visits/summary', { citizenship: 'IT' }), 200).total).toBe(0);
    });

    it('a territory is not a citizenship; it stays a valid country of birth', async () => {
      const res = await operatorA.post('/people', { givenNames: 'Marie', familyNames: 'Hoarau', gender: 'female', citizenship: 'RE' });
      expect(expectProblem(res, 400, 'validation.failed').errors).toEqual([
        { path: 'body.citizenship', code: 'country.unknown_or_territory', message: expect.any(String) },
      ]);
      expectStatus(
        await operatorA.post('/people', {
          givenNames: 'Marie',
          familyNames: 'Hoarau',
          gender: 'female',
          citizenship: 'FR',
          birthCountry: 'RE',
        }),
        201,
      );
      const anonymous = await operatorA.post('/visits', {
        anonymous: { gender: 'female', citizenship: 'GI', ageBand: '18-29' },
        topicIds: [topic],
      });
      expectProblem(anonymous, 400, 'validation.failed');
    });

    it('erasing a person keeps the visit for the statistics but drops its free-text notes', async () => {
      const erased = expectStatus<Person>(
        await operatorA.post('/people', { givenNames: 'Karim', familyNames: 'Haddad', gender: 'male', citizenship: 'LB' }),
        201,
      );
      const visit = expectStatus<Visit>(
        await operatorA.post('/visits', { personId: erased.id, topicIds: [topic], notes: 'Karim ha tre figli' }),
        201,
      );
      expectStatus(await admin.post(erasurePath(erased.id), ERASURE_REQUEST), 201);
      const stored = await t.db
        .selectFrom('visits')
        .select(['personId', 'notes', 'citizenship'])
        .where('id', '=', visit.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ personId: null, notes: null, citizenship: 'LB' });
    });

    it('an API token cannot "log out": it is revoked instead', async () => {
      const { bearer } = await bearerFor(t.db, cast.operatorA.id);
      expectProblem(await api(t.app, { bearer }).post('/auth/logout'), 400, 'validation.failed');
      expectStatus(await api(t.app, { bearer }).get('/auth/me'), 200);
    });

    it('parallel wrong passwords cannot slip past the login limit', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 12 }, () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: cast.coordinator.email, password: 'wrong-password-guess' },
          }),
        ),
      );
      const refused = attempts.filter((res) => res.statusCode === 429).length;
      expect(attempts.filter((res) => res.statusCode === 401).length).toBeLessThanOrEqual(5);
      expect(refused).toBeGreaterThanOrEqual(7);
    });
  });
}
