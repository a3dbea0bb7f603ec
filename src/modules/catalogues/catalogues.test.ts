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
import { APPLICATION_TYPES, CATALOGUES, type CatalogueDefinition, COURSE_KINDS, NETWORK_ORGANISATIONS, TOPICS } from './catalogues.js';

type Item = { id: number; code: string; active: boolean; sortOrder?: number } & Record<string, unknown>;

/** Per catalogue: a value to add, a change to it, and the OpenAPI component and fields of its items. */
const CASES: Array<{
  definition: CatalogueDefinition;
  component: string;
  fields: string[];
  add: (code: string) => Record<string, unknown>;
  change: Record<string, unknown>;
}> = [
  {
    definition: TOPICS,
    component: 'RequestTopic',
    fields: ['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'],
    add: (code) => ({ code, labelIt: 'Patente', labelEn: 'Driving licence' }),
    change: { labelIt: 'Patente di guida' },
  },
  {
    definition: COURSE_KINDS,
    component: 'CourseKind',
    fields: ['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'],
    add: (code) => ({ code, labelIt: 'Informatica', labelEn: 'Computing' }),
    change: { labelEn: 'Digital skills' },
  },
  {
    definition: APPLICATION_TYPES,
    component: 'ApplicationType',
    fields: ['id', 'code', 'labelIt', 'labelEn', 'level', 'anagrafe', 'active', 'sortOrder'],
    add: (code) => ({ code, labelIt: 'Mensa scolastica', labelEn: 'School meals', level: 'municipal' }),
    change: { level: 'regional', anagrafe: true },
  },
  {
    definition: NETWORK_ORGANISATIONS,
    component: 'NetworkOrganisation',
    fields: ['id', 'code', 'name', 'kind', 'active'],
    add: (code) => ({ code, name: 'Caritas', kind: 'association' }),
    change: { name: 'Caritas diocesana', kind: 'other' },
  },
];

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: catalogues`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let viewer: Api;
    let elsewhere: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      const other = await createTestOrganisation(t.db, { name: 'Altro Comune', centres: ['Z'] });
      const otherCoordinator = await createTestUser(t.db, {
        organisationId: other.organisationId,
        role: 'coordinator',
        centreIds: [other.centres[0]?.id as number],
        email: 'coordinator.z@example.test',
      });
      [coordinator, viewer, elsewhere] = (await Promise.all(
        [cast.coordinator, cast.viewer, otherCoordinator].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api];
    });
    afterAll(() => t?.close());

    it('serves the four catalogues, each seeded for a new organisation', () => {
      expect(CATALOGUES.map((definition) => definition.path).sort()).toEqual(CASES.map((c) => c.definition.path).sort());
    });

    for (const { definition, component, fields, add, change } of CASES) {
      const { path } = definition;

      it(`${path}: lists the defaults, adds, refuses a duplicate code, changes and deactivates a value`, async () => {
        const defaults = expectStatus<Item[]>(await viewer.get(path), 200);
        expect(defaults.map((item) => item.code).sort()).toEqual(definition.defaults.map((item) => item.code).sort());
        expect(Object.keys(defaults[0] ?? {})).toEqual(fields);

        const created = expectStatus<Item>(await coordinator.post(path, add('added_value')), 201);
        expect(created).toMatchObject({ ...add('added_value'), active: true });
        if (definition.contract.sorted) expect(created.sortOrder).toBe(definition.defaults.length * 10 + 10);
        const duplicate = expectProblem(await coordinator.post(path, add('added_value')), 409, 'resource.conflict');
        expect(duplicate.detail).toBe(definition.duplicate('added_value'));

        expect(expectStatus<Item>(await coordinator.patch(`${path}/${created.id}`, change), 200)).toMatchObject({
          ...change,
          active: true,
        });
        expect(expectStatus<Item>(await coordinator.patch(`${path}/${created.id}`, { active: false }), 200).active).toBe(false);
        expect(expectStatus<Item[]>(await viewer.get(path, { active: 'true' }), 200).map((item) => item.id)).not.toContain(created.id);
        expect(expectStatus<Item[]>(await viewer.get(path), 200).map((item) => item.id)).toContain(created.id);

        const audit = await t.db
          .selectFrom('auditLog')
          .select(['action', 'userId', 'details'])
          .where('entity', '=', definition.auditEntity)
          .where('entityId', '=', String(created.id))
          .orderBy('id')
          .execute();
        expect(audit.map((row) => [row.action, row.userId, row.details && JSON.parse(row.details)])).toEqual([
          ['create', cast.coordinator.id, null],
          ['update', cast.coordinator.id, { fields: Object.keys(change) }],
          ['update', cast.coordinator.id, { fields: ['active'] }],
        ]);
      });

      if (definition.contract.sorted) {
        it(`${path}: a value moved to a position shifts the others in one change; the order is the list's`, async () => {
          const before = expectStatus<Item[]>(await viewer.get(path), 200);
          const last = before[before.length - 1] as Item;
          const moved = expectStatus<Item>(await coordinator.patch(`${path}/${last.id}`, { position: 2 }), 200);
          expect(moved.sortOrder).toBe(20);
          const after = expectStatus<Item[]>(await viewer.get(path), 200);
          const expected = before.map((item) => item.id).filter((itemId) => itemId !== last.id);
          expected.splice(1, 0, last.id);
          expect(after.map((item) => item.id)).toEqual(expected);
          expect(after.map((item) => item.sortOrder)).toEqual(after.map((_, index) => (index + 1) * 10));
          // Past the end is the last place; 0 is no place.
          expectStatus(await coordinator.patch(`${path}/${last.id}`, { position: 10_000 }), 200);
          expect(expectStatus<Item[]>(await viewer.get(path), 200).at(-1)?.id).toBe(last.id);
          expectProblem(await coordinator.patch(`${path}/${last.id}`, { position: 0 }), 400, 'validation.failed');
        });
      } else {
        it(`${path}: has no order to move in (position refused, 400)`, async () => {
          const [first] = expectStatus<Item[]>(await viewer.get(path), 200) as [Item];
          expectProblem(await coordinator.patch(`${path}/${first.id}`, { position: 1 }), 400, 'validation.failed');
        });
      }

      it(`${path}: another organisation's value is 404 and not listed; a viewer cannot change (403)`, async () => {
        const foreign = expectStatus<Item>(await elsewhere.post(path, add('foreign_value')), 201);
        expectProblem(await coordinator.patch(`${path}/${foreign.id}`, change), 404, 'resource.not_found');
        expectProblem(await coordinator.patch(`${path}/987654`, change), 404, 'resource.not_found');
        expect(expectStatus<Item[]>(await coordinator.get(path), 200).map((item) => item.id)).not.toContain(foreign.id);

        const [first] = expectStatus<Item[]>(await viewer.get(path), 200) as [Item];
        expectProblem(await viewer.post(path, add('sneaky')), 403, 'auth.forbidden');
        expectProblem(await viewer.patch(`${path}/${first.id}`, { active: false }), 403, 'auth.forbidden');
        expect(expectStatus<Item[]>(await viewer.get(path), 200).find((item) => item.id === first.id)?.active).toBe(true);
      });

      it(`${path}: refuses unknown fields, a bad code and a changed code (400)`, async () => {
        expectProblem(await coordinator.post(path, { ...add('x_value'), colour: 'red' }), 400, 'validation.failed');
        expectProblem(await coordinator.post(path, add('Bad Code')), 400, 'validation.failed');
        const [first] = expectStatus<Item[]>(await viewer.get(path), 200) as [Item];
        expectProblem(await coordinator.patch(`${path}/${first.id}`, { code: 'renamed' }), 400, 'validation.failed');
        expectProblem(await coordinator.get(path, { active: 'maybe' }), 400, 'validation.failed');
      });

      it(`${path}: the OpenAPI document lists its three operations and its ${component} component`, async () => {
        const doc = expectStatus<{
          paths: Record<string, Record<string, unknown>>;
          components: { schemas: Record<string, { properties: object }> };
        }>(await api(t.app, null).get('/api/openapi.json'), 200);
        expect(Object.keys(doc.paths[`/api/v1${path}`] ?? {}).sort()).toEqual(['get', 'post']);
        expect(Object.keys(doc.paths[`/api/v1${path}/{id}`] ?? {})).toEqual(['patch']);
        expect(Object.keys(doc.components.schemas[component]?.properties ?? {})).toEqual(fields);
      });
    }
  });
}
