/**
 * What the API does with bad input: 400 (or 413/415) as application/problem+json with a
 * stable code, never a 500, and nothing half-written.
 */
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
} from '../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { Person } from '../contracts/people.js';
import type { Visit } from '../contracts/visits.js';

const PERSON = { givenNames: 'Amadou', familyNames: 'Traoré', gender: 'male', citizenship: 'ML', birthDate: '1988-08-08' };
const ANONYMOUS = { gender: 'female', citizenship: 'MA', ageBand: '30-44' };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: validation`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let person: Person;
    let visit: Visit;
    let workTopic: number;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
      workTopic = (await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'work').executeTakeFirstOrThrow()).id;
      person = expectStatus(await operator.post('/people', PERSON), 201);
      visit = expectStatus(
        await operator.post('/visits', { personId: person.id, date: '2024-01-15', time: '10:00', topicIds: [workTopic] }),
        201,
      );
    });
    afterAll(() => t?.close());

    const counts = async () => ({
      people: (await t.db.selectFrom('people').select('id').execute()).length,
      visits: (await t.db.selectFrom('visits').select('id').execute()).length,
      visitTopics: (await t.db.selectFrom('visitTopics').select('visitId').execute()).length,
      audit: (await t.db.selectFrom('auditLog').select('id').execute()).length,
    });

    /** Asserts a 400 validation problem naming these paths. */
    const expectInvalid = async (res: Promise<import('fastify').LightMyRequestResponse>, paths?: string[]) => {
      const problem = expectProblem(await res, 400, 'validation.failed');
      if (paths) expect([...new Set(problem.errors?.map((e) => e.path))].sort()).toEqual([...paths].sort());
      return problem;
    };

    it('wrong types name each wrong field', async () => {
      await expectInvalid(operator.post('/people', { ...PERSON, gender: 5, givenNames: 123, birthDate: 19880808 }), [
        'body.gender',
        'body.givenNames',
        'body.birthDate',
      ]);
      await expectInvalid(operator.post('/visits', { personId: String(person.id), topicIds: workTopic }), ['body.topicIds']);
      await expectInvalid(operator.post('/visits', { personId: person.id, topicIds: [] }), ['body.topicIds']);
      await expectInvalid(operator.patch(`/people/${person.id}`, { version: '1', givenNames: 'X' }), ['body.version']);
      await expectInvalid(operator.post('/people', [PERSON]));
      await expectInvalid(operator.post('/people', { ...PERSON, gender: 'unknown_value' }), ['body.gender']);
      await expectInvalid(operator.post('/people', { ...PERSON, email: 'not-an-email' }), ['body.email']);
      await expectInvalid(operator.post('/people', { ...PERSON, phone: '333-CALL-ME' }), ['body.phone']);
      await expectInvalid(operator.get('/visits', { page: 0 }), ['querystring.page']);
      await expectInvalid(operator.get('/visits', { pageSize: 1000 }), ['querystring.pageSize']);
      await expectInvalid(operator.get('/visits', { page: 'two' }), ['querystring.page']);
    });

    it('unknown fields are refused, in bodies and query strings', async () => {
      const before = await counts();
      await expectInvalid(operator.post('/people', { ...PERSON, role: 'admin' }));
      await expectInvalid(operator.post('/visits', { personId: person.id, topicIds: [workTopic], operatorId: cast.admin.id }));
      await expectInvalid(operator.patch(`/visits/${visit.id}`, { version: visit.version, centreId: cast.centreB.id }));
      await expectInvalid(operator.patch(`/people/${person.id}`, { version: person.version, createdBy: 1 }));
      await expectInvalid(operator.post('/visits', { personId: person.id, topicIds: [workTopic], anonymous: null, extra: true }));
      await expectInvalid(operator.get('/visits', { sort: 'id' }));
      await expectInvalid(operator.get('/people', { q: 'x', centre: 1 }));
      expect(await counts()).toEqual(before);
    });

    it('impossible dates and times are refused', async () => {
      await expectInvalid(operator.post('/people', { ...PERSON, birthDate: '2024-02-30' }), ['body.birthDate']);
      await expectInvalid(operator.post('/people', { ...PERSON, birthDate: '2023-02-29' }), ['body.birthDate']);
      await expectInvalid(operator.post('/people', { ...PERSON, birthDate: '1988-13-01' }), ['body.birthDate']);
      await expectInvalid(operator.post('/people', { ...PERSON, birthDate: '08/08/1988' }), ['body.birthDate']);
      await expectInvalid(operator.post('/people', { ...PERSON, birthDate: '1988-08-08T00:00:00Z' }), ['body.birthDate']);
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], date: '2024-02-30' }), ['body.date']);
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], date: '2024-01-01', time: '24:00' }), [
        'body.time',
      ]);
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], date: '2024-01-01', time: '9:30' }), [
        'body.time',
      ]);
      await expectInvalid(operator.get('/visits', { from: '2024-02-30' }), ['querystring.from']);
      // 29 February of a leap year is a date.
      expectStatus(await operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], date: '2024-02-29', time: '12:00' }), 201);
    });

    it('huge strings: a 1 MB body is 413, an over-long field is 400, never 500', async () => {
      const before = await counts();
      const huge = await operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], notes: 'x'.repeat(1024 * 1024) });
      expectProblem(huge, 413, 'request.too_large');
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], notes: 'x'.repeat(2001) }), [
        'body.notes',
      ]);
      await expectInvalid(operator.post('/people', { ...PERSON, givenNames: 'y'.repeat(101) }), ['body.givenNames']);
      await expectInvalid(operator.get('/people', { q: 'z'.repeat(201) }), ['querystring.q']);
      await expectInvalid(operator.post('/people', { ...PERSON, languages: Array.from({ length: 11 }, () => 'it') }), ['body.languages']);
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: Array.from({ length: 21 }, (_, i) => i + 1) }), [
        'body.topicIds',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('text with a NUL character is refused on both databases, not a 500', async () => {
      const admin = api(t.app, await loginAs(t.app, cast.admin.email));
      const before = await counts();
      await expectInvalid(operator.post('/people', { ...PERSON, givenNames: 'Ama\u0000dou' }), ['body.givenNames']);
      await expectInvalid(operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [workTopic], notes: 'a\u0000b' }), ['body.notes']);
      await expectInvalid(admin.get('/audit', { entity: 'per\u0000son' }), ['querystring.entity']);
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON, a wrong content type or an empty body are 4xx problems', async () => {
      const raw = (payload: string, contentType: string) =>
        operator.request({ method: 'POST', url: '/people', payload, headers: { 'content-type': contentType } });
      expectProblem(await raw('{"givenNames": "Amadou",', 'application/json'), 400, 'request.malformed');
      expectProblem(await raw("{'givenNames': 'Amadou'}", 'application/json'), 400, 'request.malformed');
      expectProblem(await raw('', 'application/json'), 400, 'request.malformed');
      await expectInvalid(raw(JSON.stringify(PERSON), 'text/plain'));
      expectProblem(await raw(`<person>${PERSON.givenNames}</person>`, 'application/xml'), 415, 'request.unsupported_media_type');
      await expectInvalid(raw('null', 'application/json'));
      // A __proto__ key is refused by the JSON parser itself.
      expectProblem(
        await raw(`{"__proto__": {"admin": true}, ${JSON.stringify(PERSON).slice(1)}`, 'application/json'),
        400,
        'request.malformed',
      );
    });

    it('ids in the path must be positive 32-bit integers', async () => {
      for (const bad of ['-1', '0', 'abc', '1.5', '2147483648', '99999999999999999999', '1e400', '%20']) {
        for (const path of [`/people/${bad}`, `/visits/${bad}`]) {
          const res = await operator.get(path);
          expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
          expectProblem(res, 400, 'validation.failed');
        }
        await expectInvalid(operator.patch(`/people/${bad}`, { version: 1, givenNames: 'X' }));
        await expectInvalid(operator.delete(`/visits/${bad}`));
      }
      // The largest id is valid and simply absent.
      expectProblem(await operator.get('/people/2147483647'), 404, 'resource.not_found');
      expectProblem(await operator.get('/visits/2147483647'), 404, 'resource.not_found');
      // Ids in bodies and query strings follow the same rule.
      await expectInvalid(operator.post('/visits', { personId: -1, topicIds: [workTopic] }), ['body.personId']);
      await expectInvalid(operator.post('/visits', { personId: person.id, topicIds: [2147483648] }), ['body.topicIds.0']);
      await expectInvalid(operator.get('/visits', { personId: '-5' }), ['querystring.personId']);
      expectProblem(await operator.get('/nothing-here'), 404, 'route.not_found');
    });

    it('a version beyond any stored one is a 400, never a database error', async () => {
      for (const version of [2_147_483_648, Number.MAX_SAFE_INTEGER]) {
        await expectInvalid(operator.patch(`/people/${person.id}`, { version, givenNames: 'Changed' }), ['body.version']);
        await expectInvalid(operator.patch(`/visits/${visit.id}`, { version, notes: 'Changed' }), ['body.version']);
      }
      const stored = await t.db
        .selectFrom('people')
        .select(['givenNames', 'version'])
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ givenNames: 'Amadou', version: 1 });
    });

    it('nothing half-written: an unknown topic or country creates no visit, no topic link and no audit row', async () => {
      const before = await counts();
      const unknownTopic = await operator.post('/visits', { personId: person.id, topicIds: [workTopic, 987654] });
      expect((await expectInvalid(Promise.resolve(unknownTopic), ['body.topicIds'])).detail).toContain('987654');
      await expectInvalid(operator.post('/visits', { anonymous: { ...ANONYMOUS, citizenship: 'QQ' }, topicIds: [workTopic] }), [
        'body.anonymous.citizenship',
      ]);
      await expectInvalid(operator.post('/visits', { anonymous: { ...ANONYMOUS, citizenship: 'Marocco' }, topicIds: [workTopic] }));
      expectProblem(await operator.post('/visits', { personId: 987654, topicIds: [workTopic] }), 404, 'resource.not_found');
      expect(await counts()).toEqual(before);
    });

    it('nothing half-written on update either: a bad topic leaves the visit as it was', async () => {
      const before = await counts();
      const res = await operator.patch(`/visits/${visit.id}`, {
        version: visit.version,
        notes: 'Corretto',
        channel: 'phone',
        topicIds: [987654],
      });
      await expectInvalid(Promise.resolve(res), ['body.topicIds']);
      const row = await t.db
        .selectFrom('visits')
        .select(['notes', 'channel', 'version'])
        .where('id', '=', visit.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ notes: null, channel: 'in_person', version: 1 });
      const topics = await t.db.selectFrom('visitTopics').select('topicId').where('visitId', '=', visit.id).execute();
      expect(topics).toEqual([{ topicId: workTopic }]);
      expect(await counts()).toEqual(before);
    });
  });
}
