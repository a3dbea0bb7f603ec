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
import type { Topic, Visit } from '../../contracts/visits.js';
import { DEFAULT_TOPICS } from './default-topics.js';

const ANONYMOUS = { gender: 'male', citizenship: 'PK', ageBand: '18-29' };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: request topics`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let viewer: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.viewer].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api];
    });
    afterAll(() => t?.close());

    it('a new organisation starts with the default catalogue, in order', async () => {
      const topics = expectStatus<Topic[]>(await viewer.get('/topics'), 200);
      expect(topics.map((topic) => topic.code)).toEqual(DEFAULT_TOPICS.map((topic) => topic.code));
      expect(topics[0]).toMatchObject({
        code: 'residence_permit',
        labelIt: 'Permesso di soggiorno',
        labelEn: 'Residence permit',
        active: true,
      });
    });

    it('a coordinator adds, renames and deactivates a topic; a deactivated topic is refused on new visits', async () => {
      const created = expectStatus<Topic>(
        await coordinator.post('/topics', { code: 'driving_licence', labelIt: 'Patente', labelEn: 'Driving licence' }),
        201,
      );
      expect(created).toMatchObject({ code: 'driving_licence', active: true, sortOrder: DEFAULT_TOPICS.length * 10 + 10 });
      expectProblem(
        await coordinator.post('/topics', { code: 'driving_licence', labelIt: 'Doppione', labelEn: 'Duplicate' }),
        409,
        'resource.conflict',
      );

      const visit = expectStatus<Visit>(
        await operator.post('/visits', { anonymous: ANONYMOUS, date: '2024-05-05', topicIds: [created.id] }),
        201,
      );
      expect(visit.topicIds).toEqual([created.id]);

      const renamed = expectStatus<Topic>(
        await coordinator.patch(`/topics/${created.id}`, { labelIt: 'Patente di guida', sortOrder: 5 }),
        200,
      );
      expect(renamed).toMatchObject({ labelIt: 'Patente di guida', labelEn: 'Driving licence', sortOrder: 5, active: true });
      expect(expectStatus<Topic[]>(await operator.get('/topics'), 200)[0]?.id).toBe(created.id);

      const deactivated = expectStatus<Topic>(await coordinator.patch(`/topics/${created.id}`, { active: false }), 200);
      expect(deactivated.active).toBe(false);
      const active = expectStatus<Topic[]>(await operator.get('/topics', { active: 'true' }), 200);
      expect(active.map((topic) => topic.id)).not.toContain(created.id);
      expect(expectStatus<Topic[]>(await operator.get('/topics'), 200).map((topic) => topic.id)).toContain(created.id);

      const visitsBefore = await t.db.selectFrom('visits').select('id').execute();
      const refused = await operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [created.id] });
      expect(expectProblem(refused, 400, 'validation.failed').errors).toEqual([
        {
          path: 'body.topicIds',
          code: 'visit.topic_unknown',
          params: { ids: String(created.id) },
          message: expect.stringContaining(String(created.id)),
        },
      ]);
      expect(await t.db.selectFrom('visits').select('id').execute()).toHaveLength(visitsBefore.length);
      // Nor can a visit be moved onto it; past visits keep it, and can still be corrected.
      const work = expectStatus<Topic[]>(await operator.get('/topics'), 200).find((topic) => topic.code === 'work') as Topic;
      const other = expectStatus<Visit>(await operator.post('/visits', { anonymous: ANONYMOUS, topicIds: [work.id] }), 201);
      expectProblem(await operator.patch(`/visits/${other.id}`, { version: 1, topicIds: [created.id] }), 400, 'validation.failed');
      const corrected = expectStatus<Visit>(await operator.patch(`/visits/${visit.id}`, { version: 1, notes: 'Solo nota' }), 200);
      expect(corrected.topicIds).toEqual([created.id]);

      const audit = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entity', '=', 'topic')
        .where('entityId', '=', String(created.id))
        .orderBy('id')
        .execute();
      expect(audit.map((row) => [row.action, row.userId])).toEqual([
        ['create', cast.coordinator.id],
        ['update', cast.coordinator.id],
        ['update', cast.coordinator.id],
      ]);
    });

    it('an operator or a viewer cannot change the catalogue (403), and nothing changes', async () => {
      const work = expectStatus<Topic[]>(await operator.get('/topics'), 200).find((topic) => topic.code === 'work') as Topic;
      for (const as of [operator, viewer]) {
        expectProblem(await as.post('/topics', { code: 'sneaky', labelIt: 'Furtivo', labelEn: 'Sneaky' }), 403, 'auth.forbidden');
        expectProblem(await as.patch(`/topics/${work.id}`, { active: false }), 403, 'auth.forbidden');
      }
      const stored = await t.db
        .selectFrom('requestTopics')
        .select(['active', 'labelIt'])
        .where('id', '=', work.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ active: 1, labelIt: 'Lavoro' });
      expect(await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'sneaky').execute()).toEqual([]);
    });

    it('validates codes and answers 404 for unknown topics', async () => {
      expectProblem(await coordinator.post('/topics', { code: 'Bad Code', labelIt: 'X', labelEn: 'X' }), 400, 'validation.failed');
      expectProblem(await coordinator.post('/topics', { code: 'ok_code', labelIt: '', labelEn: 'X' }), 400, 'validation.failed');
      expectProblem(await coordinator.patch('/topics/987654', { labelIt: 'Nessuno' }), 404, 'resource.not_found');
    });
  });
}
