/**
 * Cases on both databases: who may see what (roles, centres, restricted notes), bad input,
 * the counts of people in care against the domain rule, erasure, and the person's file.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
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
import type { CareSummary, Case, CaseGoal } from '../../contracts/cases.js';
import type { Person } from '../../contracts/people.js';
import { careCounts } from '../../domain/care.js';
import { todayInRome } from '../../domain/dates.js';
import { careMemberships, careSummary } from './care.repository.js';
import { casesForPerson } from './cases.usecases.js';

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: cases, rules`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operator2: Api;
    let operatorB: Api;
    let coordinator: Api;
    let viewer: Api;
    let admin: Api;
    let seq = 0;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, operatorB, coordinator, viewer, admin] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.operatorB, cast.coordinator, cast.viewer, cast.admin].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    const newPerson = async (as: Api = operator, extra: Record<string, unknown> = {}) => {
      seq += 1;
      return expectStatus<Person>(
        await as.post('/people', {
          givenNames: `Persona${String.fromCharCode(96 + (seq % 26) + 1)}${seq}`,
          familyNames: `Prova${seq}`,
          gender: seq % 2 ? 'female' : 'male',
          citizenship: 'TN',
          birthDate: `1975-02-${String((seq % 28) + 1).padStart(2, '0')}`,
          ...extra,
        }),
        201,
      );
    };
    const openCase = async (as: Api, body: Record<string, unknown>) =>
      expectStatus<Case>(await as.post('/cases', { areas: ['social'], ...body }), 201);
    const close = async (as: Api, c: Case, closedOn: string, version = c.version) =>
      expectStatus<Case>(await as.post(`/cases/${c.id}/close`, { version, closedOn, reason: 'other' }), 200);
    const newHousehold = async (centreId: number, personIds: number[]) => {
      const stamp = new Date().toISOString();
      const { id } = await t.db
        .insertInto('households')
        .values({ centreId, name: `Nucleo ${personIds.join('-')}`, notes: null, createdAt: stamp, updatedAt: stamp, version: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('householdMembers')
        .values(
          personIds.map((personId, i) => ({
            householdId: id,
            personId,
            relation: i === 0 ? 'head' : 'child',
            joinedOn: '2020-01-01',
            createdAt: stamp,
          })),
        )
        .execute();
      return id;
    };

    describe('access', () => {
      let inA: Case;
      beforeAll(async () => {
        inA = await openCase(operator, { personId: (await newPerson()).id, openedOn: '2024-01-10' });
      });

      it('a viewer gets 403 on every personal route, but reads the counts', async () => {
        expectProblem(await viewer.get('/cases'), 403, 'auth.forbidden');
        expectProblem(await viewer.get(`/cases/${inA.id}`), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/actions/overdue'), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/cases/staff'), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/cases', { personId: inA.person?.id, areas: ['work'] }), 403, 'auth.forbidden');
        expectProblem(await viewer.post(`/cases/${inA.id}/notes`, { body: 'x' }), 403, 'auth.forbidden');
        const summary = expectStatus<CareSummary>(await viewer.get('/cases/summary', { year: 2024 }), 200);
        expect(summary.year).toBe(2024);
        expect(summary.inCare).toBeGreaterThanOrEqual(1);
        expectProblem(await api(t.app, null).get('/cases/summary', { year: 2024 }), 401, 'auth.unauthenticated');
      });

      it("another centre's case answers 404 as if absent, and never shows in its lists", async () => {
        expectProblem(await operatorB.get(`/cases/${inA.id}`), 404, 'resource.not_found');
        expectProblem(await operatorB.patch(`/cases/${inA.id}`, { version: 1, summary: 'x' }), 404, 'resource.not_found');
        expectProblem(
          await operatorB.post(`/cases/${inA.id}/close`, { version: 1, closedOn: '2024-02-01', reason: 'other' }),
          404,
          'resource.not_found',
        );
        expectProblem(await operatorB.post(`/cases/${inA.id}/goals`, { title: 'x' }), 404, 'resource.not_found');
        expectProblem(await operatorB.post(`/cases/${inA.id}/notes`, { body: 'x' }), 404, 'resource.not_found');
        expectProblem(
          await operatorB.post(`/cases/${inA.id}/referrals`, {
            direction: 'incoming',
            service: 'asp',
            referredOn: '2024-01-01',
            reason: 'x',
          }),
          404,
          'resource.not_found',
        );
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${inA.id}/goals`, { title: 'Obiettivo' }), 201);
        expectProblem(await operatorB.patch(`/goals/${goal.id}`, { version: 1, title: 'x' }), 404, 'resource.not_found');
        expectProblem(await operatorB.post(`/goals/${goal.id}/actions`, { description: 'x' }), 404, 'resource.not_found');
        expectProblem(await operatorB.delete(`/goals/${goal.id}?version=1`), 404, 'resource.not_found');
        // Opening a case for another centre's person, or from its visit: not found.
        expectProblem(await operatorB.post('/cases', { personId: inA.person?.id, areas: ['work'] }), 404, 'resource.not_found');
        expectProblem(await operatorB.get('/cases', { centreId: cast.centreA.id }), 404, 'resource.not_found');
        const listed = (await operatorB.get('/cases', { pageSize: 200 })).body;
        expect(listed).not.toContain(inA.person?.familyNames ?? '?');
        expect(expectStatus<{ total: number }>(await operatorB.get('/cases', { personId: inA.person?.id }), 200).total).toBe(0);
        // The counts are bounded by the centres too.
        expectProblem(await operatorB.get('/cases/summary', { year: 2024, centreId: cast.centreA.id }), 404, 'resource.not_found');
      });

      it('restricted notes never reach another operator, through any route', async () => {
        const person = await newPerson();
        const c = await openCase(operator, { personId: person.id }); // operator A responsible
        expectStatus(await operator.post(`/cases/${c.id}/notes`, { body: 'Terapia in corso', restriction: 'health' }), 201);
        expectStatus(await operator.post(`/cases/${c.id}/notes`, { body: 'Nota aperta' }), 201);
        for (const res of [
          await operator2.get(`/cases/${c.id}`),
          await operator2.get('/cases', { personId: person.id }),
          await admin.get(`/cases/${c.id}`),
        ]) {
          expectStatus(res, 200);
          expect(res.body).not.toContain('Terapia');
        }
        const forOther = await casesForPerson(t.db, await actorOf(t.db, cast.operatorA2.id), person.id);
        expect(forOther[0]?.notes.map((n) => n.body)).toEqual(['Nota aperta']);
        expect(forOther[0]?.hiddenNotes).toBe(1);
        const forResponsible = await casesForPerson(t.db, await actorOf(t.db, cast.operatorA.id), person.id);
        expect(forResponsible[0]?.notes.map((n) => n.body).sort()).toEqual(['Nota aperta', 'Terapia in corso']);
        // Naming oneself responsible does not open the notes: refused, nothing changed, nothing read.
        for (const who of [operator2, admin]) {
          const self = who === admin ? cast.admin.id : cast.operatorA2.id;
          expectProblem(await who.patch(`/cases/${c.id}`, { version: 1, responsibleId: self }), 403, 'case.responsible_change_forbidden');
          const after = await who.get(`/cases/${c.id}`);
          expect(expectStatus<Case>(after, 200)).toMatchObject({ version: 1, responsible: { id: cast.operatorA.id } });
          expect(after.body).not.toContain('Terapia');
        }
        // The responsible operator changes: the new one reads it, the former one (not its author) would not.
        expectStatus(await coordinator.patch(`/cases/${c.id}`, { version: 1, responsibleId: cast.operatorA2.id }), 200);
        expect((await casesForPerson(t.db, await actorOf(t.db, cast.operatorA2.id), person.id))[0]?.hiddenNotes).toBe(0);
        // The hand-over is audited with who gave the case to whom; the new responsible hands it back.
        const handOver = await t.db
          .selectFrom('auditLog')
          .select(['userId', 'details'])
          .where('entity', '=', 'case')
          .where('entityId', '=', String(c.id))
          .where('action', '=', 'update')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(handOver.userId).toBe(cast.coordinator.id);
        expect(JSON.parse(String(handOver.details))).toEqual({
          fields: ['responsibleId'],
          responsible: { from: cast.operatorA.id, to: cast.operatorA2.id },
        });
        expectStatus(await operator2.patch(`/cases/${c.id}`, { version: 2, responsibleId: cast.operatorA.id }), 200);
        await expect(casesForPerson(t.db, await actorOf(t.db, cast.viewer.id), person.id)).rejects.toMatchObject({
          code: 'auth.forbidden',
        });
        expect(await casesForPerson(t.db, await actorOf(t.db, cast.operatorB.id), person.id)).toEqual([]);
      });
    });

    describe('bad input', () => {
      let person: Person;
      beforeAll(async () => {
        person = await newPerson();
      });
      const paths = (problem: { errors?: Array<{ path: string }> }) => problem.errors?.map((e) => e.path) ?? [];

      it('refuses unknown fields, missing areas, both a person and a household, future dates', async () => {
        const before = await t.db.selectFrom('cases').select('id').execute();
        expect(
          paths(
            expectProblem(await operator.post('/cases', { personId: person.id, areas: ['work'], colour: 'red' }), 400, 'validation.failed'),
          ),
        ).toEqual(['body']);
        expect(paths(expectProblem(await operator.post('/cases', { personId: person.id, areas: [] }), 400, 'validation.failed'))).toEqual([
          'body.areas',
        ]);
        expectProblem(await operator.post('/cases', { personId: person.id, areas: ['work', 'work'] }), 400, 'validation.failed');
        expectProblem(await operator.post('/cases', { personId: person.id, areas: ['cooking'] }), 400, 'validation.failed');
        expectProblem(await operator.post('/cases', { areas: ['work'] }), 400, 'validation.failed');
        expectProblem(await operator.post('/cases', { personId: person.id, householdId: 1, areas: ['work'] }), 400, 'validation.failed');
        expectProblem(
          await operator.post('/cases', { personId: person.id, memberIds: [person.id], areas: ['work'] }),
          400,
          'validation.failed',
        );
        expect(
          paths(
            expectProblem(
              await operator.post('/cases', { personId: person.id, areas: ['work'], openedOn: dayAfter(todayInRome()) }),
              400,
              'validation.failed',
            ),
          ),
        ).toEqual(['body.openedOn']);
        expectProblem(
          await operator.post('/cases', { personId: person.id, areas: ['work'], openedOn: '2024-02-30' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await operator.post('/cases', { personId: person.id, areas: ['work'], summary: 'x'.repeat(4001) }),
          400,
          'validation.failed',
        );
        expectProblem(await operator.post('/cases', { personId: 999_999, areas: ['work'] }), 404, 'resource.not_found');
        expectProblem(await operator.post('/cases', { visitId: 999_999, areas: ['work'] }), 404, 'resource.not_found');
        expectProblem(await operator.post('/cases', { householdId: 999_999, areas: ['work'] }), 404, 'resource.not_found');
        expect(await t.db.selectFrom('cases').select('id').execute()).toEqual(before);
      });

      it('refuses a closing before the opening, in the future, without a version or with unknown fields', async () => {
        const c = await openCase(operator, { personId: person.id, openedOn: '2024-05-05' });
        const closeWith = (body: Record<string, unknown>) =>
          operator.post(`/cases/${c.id}/close`, { version: 1, reason: 'other', ...body });
        expect(paths(expectProblem(await closeWith({ closedOn: '2024-05-04' }), 400, 'validation.failed'))).toEqual(['body.closedOn']);
        expect(paths(expectProblem(await closeWith({ closedOn: dayAfter(todayInRome()) }), 400, 'validation.failed'))).toEqual([
          'body.closedOn',
        ]);
        expectProblem(await operator.post(`/cases/${c.id}/close`, { closedOn: '2024-06-01', reason: 'other' }), 400, 'validation.failed');
        expectProblem(await closeWith({ closedOn: '2024-06-01', extra: 1 }), 400, 'validation.failed');
        expectProblem(await operator.patch(`/cases/${c.id}`, { version: 1, status: 'closed' }), 400, 'validation.failed');
        expectProblem(await operator.post(`/cases/${c.id}/goals`, { title: '' }), 400, 'validation.failed');
        expectProblem(await operator.post(`/cases/${c.id}/notes`, { body: 'x', restriction: 'secret' }), 400, 'validation.failed');
        expectProblem(await operator.get('/cases', { status: 'lost' }), 400, 'validation.failed');
        expectProblem(await operator.get('/cases/summary', { year: 'last' }), 400, 'validation.failed');
        expectProblem(await operator.get('/cases/abc'), 400, 'validation.failed');
        const row = await t.db.selectFrom('cases').select(['status', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ status: 'open', version: 1 });
      });
    });

    describe('counting people in care', () => {
      it('the database counts as the domain rule does, on the same data; erasure changes no past count', async () => {
        // Centre B, with dates chosen on the edges of the years.
        const p = [] as Person[];
        for (let i = 0; i < 8; i++) p.push(await newPerson(operatorB));
        const [p1, p2, p3, p4, p5, p6, p7, p8] = p as [Person, Person, Person, Person, Person, Person, Person, Person];
        await close(operatorB, await openCase(operatorB, { personId: p1.id, openedOn: '2023-12-31' }), '2024-02-01');
        await close(operatorB, await openCase(operatorB, { personId: p2.id, openedOn: '2022-03-01' }), '2024-01-01');
        await close(operatorB, await openCase(operatorB, { personId: p3.id, openedOn: '2021-05-01' }), '2021-06-30');
        await openCase(operatorB, { personId: p3.id, openedOn: '2024-02-01' });
        const reopened = await close(operatorB, await openCase(operatorB, { personId: p4.id, openedOn: '2022-02-01' }), '2023-07-31');
        expectStatus(await operatorB.post(`/cases/${reopened.id}/reopen`, { version: reopened.version, openedOn: '2025-03-01' }), 200);
        // A household case naming two of its three members.
        const household = await newHousehold(cast.centreB.id, [p5.id, p6.id, p7.id]);
        await openCase(operatorB, { householdId: household, memberIds: [p5.id, p6.id], openedOn: '2024-03-15' });
        const erased = await close(operatorB, await openCase(operatorB, { personId: p8.id, openedOn: '2024-05-05' }), '2024-06-06');

        const B = [cast.centreB.id];
        const expected = {
          2021: { inCare: 1, new: 1 },
          2022: { inCare: 2, new: 2 },
          2023: { inCare: 3, new: 1 },
          2024: { inCare: 6, new: 3 },
          2025: { inCare: 4, new: 0 },
          2026: { inCare: 4, new: 0 },
        };
        for (const [year, counts] of Object.entries(expected)) expect(await careSummary(t.db, B, Number(year)), year).toEqual(counts);
        const check = async () => {
          for (const centreIds of [B, [cast.centreA.id], [cast.centreA.id, cast.centreB.id]]) {
            const memberships = await careMemberships(t.db, centreIds);
            for (let year = 2019; year <= 2027; year++) {
              expect(await careSummary(t.db, centreIds, year), `${centreIds} ${year}`).toEqual(careCounts(memberships, year));
            }
          }
        };
        await check();

        // Erasing a person keeps the counts: their member row stands for them.
        expectProblem(await coordinator.post(erasurePath(p8.id), ERASURE_REQUEST), 404, 'resource.not_found'); // the coordinator works in A only
        expectStatus(await admin.post(erasurePath(p8.id), ERASURE_REQUEST), 201);
        expect(await t.db.selectFrom('caseMembers').select('personId').where('caseId', '=', erased.id).execute()).toEqual([
          { personId: null },
        ]);
        for (const [year, counts] of Object.entries(expected)) expect(await careSummary(t.db, B, Number(year)), year).toEqual(counts);
        await check();

        const viaApi = expectStatus<CareSummary>(await admin.get('/cases/summary', { year: 2024, centreId: cast.centreB.id }), 200);
        expect(viaApi).toEqual({ year: 2024, inCare: 6, new: 3 });
        expect(expectStatus<CareSummary>(await operatorB.get('/cases/summary', { year: 2024 }), 200)).toEqual(viaApi);
      });
    });

    describe('erasure', () => {
      it("a person's own case loses its personal content, keeps its periods and snapshot; a household case keeps its content", async () => {
        const person = await newPerson();
        const sibling = await newPerson();
        const own = await openCase(operator, { personId: person.id, openedOn: '2023-01-10', summary: 'Storia personale' });
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${own.id}/goals`, { title: 'Casa' }), 201);
        expectStatus(await operator.post(`/goals/${goal.id}/actions`, { description: 'Domanda ERP', dueOn: '2023-03-01' }), 201);
        expectStatus(await operator.post(`/cases/${own.id}/notes`, { body: 'Racconta la sua storia' }), 201);
        expectStatus(
          await operator.post(`/cases/${own.id}/referrals`, {
            direction: 'outgoing',
            service: 'asp',
            referredOn: '2023-02-01',
            reason: 'Sostegno',
          }),
          201,
        );
        await close(operator, own, '2023-12-01');
        const household = await newHousehold(cast.centreA.id, [sibling.id, person.id]);
        const shared = await openCase(operator, { householdId: household, openedOn: '2024-01-10', summary: 'Nucleo' });
        expectStatus(await operator.post(`/cases/${shared.id}/notes`, { body: 'Nota del nucleo' }), 201);
        const countsBefore = [await careSummary(t.db, [cast.centreA.id], 2023), await careSummary(t.db, [cast.centreA.id], 2024)];

        expectStatus(await coordinator.post(erasurePath(person.id), ERASURE_REQUEST), 201);

        const ownRow = await t.db.selectFrom('cases').selectAll().where('id', '=', own.id).executeTakeFirstOrThrow();
        expect(ownRow).toMatchObject({
          personId: null,
          summary: null,
          visitId: null,
          status: 'closed',
          openedOn: '2023-01-10',
          closedOn: '2023-12-01',
        });
        for (const table of ['caseNotes', 'caseGoals', 'caseActions', 'referrals'] as const) {
          expect(await t.db.selectFrom(table).select('id').where('caseId', '=', own.id).execute(), table).toEqual([]);
        }
        expect(await t.db.selectFrom('casePeriods').select(['openedOn', 'closedOn']).where('caseId', '=', own.id).execute()).toEqual([
          { openedOn: '2023-01-10', closedOn: '2023-12-01' },
        ]);
        expect(
          await t.db.selectFrom('caseMembers').select(['personId', 'citizenship', 'snapshotOn']).where('caseId', '=', own.id).execute(),
        ).toEqual([{ personId: null, citizenship: 'TN', snapshotOn: '2023-12-01' }]);
        // The household case is the sibling's too: it keeps its content, the erased member unlinked.
        const sharedNow = expectStatus<Case>(await operator.get(`/cases/${shared.id}`), 200);
        expect(sharedNow.summary).toBe('Nucleo');
        expect(sharedNow.notes.map((n) => n.body)).toEqual(['Nota del nucleo']);
        expect(sharedNow.members.map((m) => m.person?.id ?? null)).toEqual([sibling.id, null]);
        expect([await careSummary(t.db, [cast.centreA.id], 2023), await careSummary(t.db, [cast.centreA.id], 2024)]).toEqual(countsBefore);
        // The erased person's case reads as nobody's.
        expect(expectStatus<Case>(await operator.get(`/cases/${own.id}`), 200)).toMatchObject({
          person: null,
          goals: [],
          notes: [],
          referrals: [],
        });
      });
    });

    describe("the person's file", () => {
      it('casesForPerson: every case of the person whole, in a fixed number of queries', async () => {
        const person = await newPerson();
        const first = await openCase(operator, { personId: person.id, openedOn: '2022-01-10' });
        await close(operator, first, '2022-12-20');
        const household = await newHousehold(cast.centreA.id, [person.id]);
        const second = await openCase(operator, { householdId: household, openedOn: '2024-01-10' });
        for (let i = 0; i < 50; i++) {
          expectStatus(
            await operator.post(`/cases/${second.id}/notes`, {
              noteDate: `2024-0${(i % 9) + 1}-1${i % 10}`,
              body: `Nota ${i}`,
              restriction: i % 10 === 0 ? 'legal' : null,
            }),
            201,
          );
        }
        for (const c of [first, second]) {
          const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${c.id}/goals`, { title: `Obiettivo ${c.id}` }), 201);
          expectStatus(await operator.post(`/goals/${goal.id}/actions`, { description: 'Azione', dueOn: '2024-06-01' }), 201);
        }

        let queries = 0;
        const counting: KyselyPlugin = {
          transformQuery: (args) => {
            queries += 1;
            return args.node;
          },
          transformResult: async (args) => args.result,
        };
        const db = t.db.withPlugin(counting);
        const cases = await casesForPerson(db, await actorOf(t.db, cast.operatorA2.id), person.id);
        expect(cases.map((c) => c.id)).toEqual([second.id, first.id]);
        expect(cases[0]?.notes).toHaveLength(45);
        expect(cases[0]?.hiddenNotes).toBe(5);
        expect(cases[0]?.household?.id).toBe(household);
        expect(cases[1]?.periods).toEqual([expect.objectContaining({ openedOn: '2022-01-10', closedOn: '2022-12-20' })]);
        expect(cases.map((c) => c.goals[0]?.actions.length)).toEqual([1, 1]);
        expect(queries).toBeLessThanOrEqual(7);

        const started = performance.now();
        for (let i = 0; i < 10; i++) await casesForPerson(t.db, await actorOf(t.db, cast.operatorA.id), person.id);
        // A loose bound (the benchmark measures p95): ten reads of the file's cases well under a second.
        expect(performance.now() - started).toBeLessThan(1000);
      });
    });
  });
}
