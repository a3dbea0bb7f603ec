/** Who sees what: centres bound every read and write; roles say what may be done inside them. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  api,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import type { Page } from '../../contracts/common.js';

interface Person {
  id: number;
  centreId: number;
  version: number;
}
interface Visit {
  id: number;
  centreId: number;
  version: number;
}
for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: centres and roles`, () => {
    let t: TestApp;
    let cast: Cast;
    let operatorA: Api;
    let operatorB: Api;
    let viewer: Api;
    let admin: Api;
    let topicId: number;
    let personA: Person;
    let personB: Person;
    let visitA: Visit;
    let visitB: Visit;
    let anonymousVisitB: Visit;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operatorA, operatorB, viewer, admin] = (await Promise.all(
        [cast.operatorA, cast.operatorB, cast.viewer, cast.admin].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      topicId = (await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'work').executeTakeFirstOrThrow()).id;

      const same = { familyNames: 'Haddad', gender: 'male', citizenship: 'MA', birthDate: '1980-03-03' };
      personA = expectStatus(await operatorA.post('/people', { ...same, givenNames: 'Youssef' }), 201);
      personB = expectStatus(await operatorB.post('/people', { ...same, givenNames: 'Yusuf' }), 201);
      visitA = expectStatus(
        await operatorA.post('/visits', { personId: personA.id, topicIds: [topicId], date: '2024-03-01', time: '10:00' }),
        201,
      );
      visitB = expectStatus(
        await operatorB.post('/visits', { personId: personB.id, topicIds: [topicId], date: '2024-03-01', time: '11:00' }),
        201,
      );
      anonymousVisitB = expectStatus(
        await operatorB.post('/visits', {
          anonymous: { gender: 'female', citizenship: 'UA', ageBand: '30-44' },
          topicIds: [topicId],
          date: '2024-03-02',
          time: '09:00',
        }),
        201,
      );
    });
    afterAll(() => t?.close());

    it('records land in the creator’s centre', () => {
      expect([personA.centreId, visitA.centreId]).toEqual([cast.centreA.id, cast.centreA.id]);
      expect([personB.centreId, visitB.centreId, anonymousVisitB.centreId]).toEqual([cast.centreB.id, cast.centreB.id, cast.centreB.id]);
    });

    it("an operator of centre A gets 404 on centre B's person, for every method", async () => {
      expectProblem(await operatorA.get(`/people/${personB.id}`), 404, 'resource.not_found');
      expectProblem(
        await operatorA.patch(`/people/${personB.id}`, { version: personB.version, givenNames: 'Changed' }),
        404,
        'resource.not_found',
      );
      const coordinator = api(t.app, await loginAs(t.app, cast.coordinator.email));
      expectProblem(await coordinator.post(erasurePath(personB.id), ERASURE_REQUEST), 404, 'resource.not_found');
      const stored = await t.db.selectFrom('people').selectAll().where('id', '=', personB.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ givenNames: 'Yusuf', version: 1 });
      // The same answer as for a person who does not exist at all.
      expect((await operatorA.get(`/people/${personB.id}`)).json().detail).toBe((await operatorA.get('/people/999999')).json().detail);
      // No read was logged for a file that was not shown.
      const reads = await t.db
        .selectFrom('auditLog')
        .select('id')
        .where('action', '=', 'read')
        .where('entityId', '=', String(personB.id))
        .execute();
      expect(reads).toEqual([]);
    });

    it("an operator of centre A gets 404 on centre B's visits, for every method", async () => {
      expectProblem(await operatorA.get(`/visits/${visitB.id}`), 404, 'resource.not_found');
      expectProblem(await operatorA.get(`/visits/${anonymousVisitB.id}`), 404, 'resource.not_found');
      expectProblem(await operatorA.patch(`/visits/${visitB.id}`, { version: visitB.version, notes: 'x' }), 404, 'resource.not_found');
      expectProblem(await operatorA.delete(`/visits/${anonymousVisitB.id}`), 404, 'resource.not_found');
      const count = await t.db.selectFrom('visits').select('id').where('centreId', '=', cast.centreB.id).execute();
      expect(count).toHaveLength(2);
      expect((await t.db.selectFrom('visits').select('notes').where('id', '=', visitB.id).executeTakeFirstOrThrow()).notes).toBeNull();
    });

    it("an operator of centre A cannot record a visit for centre B's person, nor in centre B", async () => {
      expectProblem(await operatorA.post('/visits', { personId: personB.id, topicIds: [topicId] }), 404, 'resource.not_found');
      const inB = await operatorA.post('/visits', {
        centreId: cast.centreB.id,
        anonymous: { gender: 'male', citizenship: 'TN', ageBand: '18-29' },
        topicIds: [topicId],
      });
      expectProblem(inB, 404, 'resource.not_found');
      expectProblem(
        await operatorA.post('/people', {
          centreId: cast.centreB.id,
          givenNames: 'X',
          familyNames: 'Y',
          gender: 'male',
          citizenship: 'TN',
        }),
        404,
        'resource.not_found',
      );
      expect(await t.db.selectFrom('visits').select('id').execute()).toHaveLength(3);
    });

    it("centre B's people are not in centre A's search, and B's visits not in A's list, summary or export", async () => {
      const search = expectStatus<Page<Person>>(await operatorA.get('/people', { q: 'haddad' }), 200);
      expect(search.items.map((p) => p.id)).toEqual([personA.id]);
      expect(search.total).toBe(1);
      const byTransliteration = expectStatus<Page<Person>>(await operatorA.get('/people', { q: 'yusuf' }), 200);
      expect(byTransliteration.items.map((p) => p.id)).toEqual([personA.id]);
      const all = expectStatus<Page<Person>>(await operatorA.get('/people'), 200);
      expect(all.items.map((p) => p.id)).toEqual([personA.id]);

      const visits = expectStatus<Page<Visit>>(await operatorA.get('/visits'), 200);
      expect(visits.items.map((v) => v.id)).toEqual([visitA.id]);
      expect(visits.total).toBe(1);
      expect(expectStatus<Page<Visit>>(await operatorA.get('/visits', { personId: personB.id }), 200)).toMatchObject({
        items: [],
        total: 0,
      });
      expect(expectStatus<{ total: number }>(await operatorA.get('/visits/summary'), 200).total).toBe(1);
      const csv = await operatorA.get('/visits/export.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.body.trim().split('\r\n')).toHaveLength(2); // header and visit A

      // Asking for centre B explicitly is a 404, as if it did not exist.
      expectProblem(await operatorA.get('/visits', { centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await operatorA.get('/people', { centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await operatorA.get('/visits/summary', { centreId: cast.centreB.id }), 404, 'resource.not_found');
    });

    it('a user of both centres sees both, and can narrow to one', async () => {
      const visits = expectStatus<Page<Visit>>(await admin.get('/visits'), 200);
      expect(visits.items.map((v) => v.id).sort((a, b) => a - b)).toEqual([visitA.id, visitB.id, anonymousVisitB.id]);
      const onlyB = expectStatus<Page<Visit>>(await admin.get('/visits', { centreId: cast.centreB.id }), 200);
      expect(onlyB.items.map((v) => v.id).sort((a, b) => a - b)).toEqual([visitB.id, anonymousVisitB.id]);
      const centres = expectStatus<Array<{ code: string }>>(await admin.get('/centres'), 200);
      expect(centres.map((c) => c.code).sort()).toEqual(['A', 'B']);
      const operatorCentres = expectStatus<Array<{ code: string }>>(await operatorA.get('/centres'), 200);
      expect(operatorCentres.map((c) => c.code)).toEqual(['A']);
      // Someone working in two centres must say where a new record goes.
      const unsure = await admin.post('/people', { givenNames: 'Nadia', familyNames: 'Kovac', gender: 'female', citizenship: 'HR' });
      expect(expectProblem(unsure, 400, 'validation.failed').errors).toEqual([
        { path: 'body.centreId', code: 'centre.required', message: expect.any(String) },
      ]);
    });

    it('a viewer gets 403 on personal files and visits, 200 on the aggregated summary', async () => {
      expectProblem(await viewer.get(`/people/${personA.id}`), 403, 'auth.forbidden');
      expectProblem(await viewer.get('/people', { q: 'haddad' }), 403, 'auth.forbidden');
      expectProblem(await viewer.get('/visits'), 403, 'auth.forbidden');
      expectProblem(await viewer.get(`/visits/${visitA.id}`), 403, 'auth.forbidden');
      expectProblem(await viewer.get('/visits/export.csv'), 403, 'auth.forbidden');
      expectProblem(
        await viewer.post('/visits', { anonymous: { gender: 'male', citizenship: 'TN', ageBand: '18-29' }, topicIds: [topicId] }),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await viewer.post('/people', { givenNames: 'X', familyNames: 'Y', gender: 'male', citizenship: 'TN' }),
        403,
        'auth.forbidden',
      );

      const summary = expectStatus<{ total: number; byOriginGroup: Record<string, number> }>(await viewer.get('/visits/summary'), 200);
      expect(summary).toMatchObject({ total: 1, byOriginGroup: { non_eu: 1 } });
      expect(JSON.stringify(summary)).not.toMatch(/Haddad|Youssef/);
    });

    it('an operator cannot erase a personal file (coordinators and administrators can)', async () => {
      expectProblem(await operatorA.post(erasurePath(personA.id), ERASURE_REQUEST), 403, 'auth.forbidden');
      expect(await t.db.selectFrom('people').select('id').where('id', '=', personA.id).execute()).toHaveLength(1);
    });
  });
}
