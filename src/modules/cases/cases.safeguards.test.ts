/**
 * Cases on both databases, the safeguards a review asked for: erasure leaves nothing that tells
 * who it was; reads are traced to every person shown; a case takes only its people's visit;
 * deletes name the version read; nothing is dated before the case opened; a part deleted
 * meanwhile answers 404; the audit names changed fields, never personal facts; one staff list.
 */
import { type KyselyPlugin, type QueryId, SelectQueryNode, TableNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
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
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import type { Case, CaseAction, CaseGoal, CaseNote, Referral } from '../../contracts/cases.js';
import type { Person } from '../../contracts/people.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { householdNameKey } from '../../domain/households.js';
import { updateGoal } from './plan.usecases.js';
import { updateReferral } from './referrals.usecases.js';

/** Makes reads of one table answer no rows, as if another transaction had just deleted the row. */
function vanishing(table: string): KyselyPlugin {
  const reads = new Set<QueryId>();
  return {
    transformQuery: ({ node, queryId }) => {
      if (SelectQueryNode.is(node)) {
        const from = node.from?.froms[0];
        const name = from && TableNode.is(from) ? from.table.identifier.name : undefined;
        if (name === table || name?.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) === table) reads.add(queryId);
      }
      return node;
    },
    transformResult: async ({ queryId, result }) => (reads.has(queryId) ? { ...result, rows: [] } : result),
  };
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: cases, safeguards`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api; // operator A
    let operator2: Api; // another operator of centre A
    let coordinator: Api;
    let topic: number;
    let seq = 0;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, coordinator] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.coordinator].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api];
      topic = (expectStatus<Topic[]>(await operator.get('/topics'), 200)[0] as Topic).id;
    });
    afterAll(() => t?.close());

    const newPerson = async () => {
      seq += 1;
      return expectStatus<Person>(
        await operator.post('/people', {
          givenNames: `Tutela${String.fromCharCode(96 + (seq % 26) + 1)}${seq}`,
          familyNames: `Rossi${seq}`,
          gender: 'male',
          citizenship: 'AL',
          birthDate: `1990-03-${String((seq % 28) + 1).padStart(2, '0')}`,
          residence: { kind: 'comune', comuneIstat: '042021' },
        }),
        201,
      );
    };
    const newHousehold = async (personIds: number[], joinedOn = '2020-01-01') => {
      const stamp = new Date().toISOString();
      const { id } = await t.db
        .insertInto('households')
        .values({ centreId: cast.centreA.id, name: 'Famiglia Rossi', notes: 'Sfratto in corso', createdAt: stamp, updatedAt: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('householdMembers')
        .values(
          personIds.map((personId, i) => ({ householdId: id, personId, relation: i === 0 ? 'head' : 'child', joinedOn, createdAt: stamp })),
        )
        .execute();
      return id;
    };
    const openCase = async (body: Record<string, unknown>, as = operator) =>
      expectStatus<Case>(await as.post('/cases', { areas: ['family'], ...body }), 201);
    const visitOf = async (personId: number) =>
      expectStatus<Visit>(await operator.post('/visits', { personId, topicIds: [topic], referralSource: 'asp' }), 201);
    /** The newest audit rows of a user, oldest first. */
    const auditOf = async (userId: number, limit: number) =>
      (
        await t.db
          .selectFrom('auditLog')
          .select(['action', 'entity', 'entityId', 'details'])
          .where('userId', '=', userId)
          .orderBy('id', 'desc')
          .limit(limit)
          .execute()
      )
        .reverse()
        .map((row) => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null }));

    describe('erasure (finding 1)', () => {
      it('clears the closing notes and the date of birth; a household with no member left loses its name and notes', async () => {
        const alone = await newPerson();
        const own = await openCase({ personId: alone.id, openedOn: '2023-01-10' });
        expectStatus(
          await operator.post(`/cases/${own.id}/close`, {
            version: own.version,
            closedOn: '2023-06-01',
            reason: 'moved_away',
            notes: 'Trasferito a Bologna dal fratello',
          }),
          200,
        );
        const [father, son, stays] = [await newPerson(), await newPerson(), await newPerson()];
        const emptied = await newHousehold([father.id, son.id]);
        const shared = await openCase({ householdId: emptied, openedOn: '2024-01-10', summary: 'Sfratto' });
        const kept = await newHousehold([stays.id]);
        // Every member erased but one, whose household keeps its name.
        for (const person of [alone, father, son]) expectStatus(await coordinator.post(erasurePath(person.id), ERASURE_REQUEST), 201);

        const periods = await t.db
          .selectFrom('casePeriods')
          .select(['closingReason', 'closingNotes'])
          .where('caseId', '=', own.id)
          .execute();
        expect(periods).toEqual([{ closingReason: 'moved_away', closingNotes: null }]);
        const members = await t.db
          .selectFrom('caseMembers')
          .select(['personId', 'birthDate', 'gender', 'citizenship', 'residenceComune'])
          .where('caseId', 'in', [own.id, shared.id])
          .execute();
        expect(members).toHaveLength(3);
        for (const member of members) {
          expect(member).toEqual({ personId: null, birthDate: null, gender: 'male', citizenship: 'AL', residenceComune: '042021' });
        }

        const household = await t.db
          .selectFrom('households')
          .select(['name', 'nameKey', 'notes'])
          .where('id', '=', emptied)
          .executeTakeFirstOrThrow();
        // The search key follows the new name: the old family name finds nothing any more.
        expect(household).toEqual({ name: `Nucleo ${emptied}`, nameKey: householdNameKey(`Nucleo ${emptied}`), notes: null });
        const read = expectStatus<Case>(await operator.get(`/cases/${shared.id}`), 200);
        expect(read.household).toEqual({ id: emptied, name: `Nucleo ${emptied}` });
        expect(read.summary).toBeNull(); // nobody left to keep it for
        expect(JSON.stringify(read)).not.toContain('Rossi');
        expect(await t.db.selectFrom('households').select(['name', 'notes']).where('id', '=', kept).executeTakeFirstOrThrow()).toEqual({
          name: 'Famiglia Rossi',
          notes: 'Sfratto in corso',
        });
      });

      it('a household case naming someone else keeps their date of birth', async () => {
        const [mother, daughter] = [await newPerson(), await newPerson()];
        const household = await newHousehold([mother.id, daughter.id]);
        const shared = await openCase({ householdId: household, openedOn: '2024-02-01' });
        expectStatus(await coordinator.post(erasurePath(daughter.id), ERASURE_REQUEST), 201);
        const members = await t.db
          .selectFrom('caseMembers')
          .select(['personId', 'birthDate'])
          .where('caseId', '=', shared.id)
          .orderBy('id')
          .execute();
        expect(members).toEqual([
          { personId: mother.id, birthDate: mother.birthDate },
          { personId: null, birthDate: null },
        ]);
        expect((await t.db.selectFrom('households').select('name').where('id', '=', household).executeTakeFirstOrThrow()).name).toBe(
          'Famiglia Rossi',
        );
      });
    });

    describe('reads traced to the people shown (finding 2)', () => {
      let members: Person[];
      let shared: Case;
      beforeAll(async () => {
        members = [await newPerson(), await newPerson()];
        shared = await openCase({ householdId: await newHousehold(members.map((m) => m.id)) });
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${shared.id}/goals`, { title: 'Casa' }), 201);
        expectStatus(await operator.post(`/goals/${goal.id}/actions`, { description: 'Domanda ERP', dueOn: '2024-01-31' }), 201);
      });
      const ids = () => members.map((m) => m.id).sort((a, b) => a - b);

      it('opening a case logs a read of the file of each person it names', async () => {
        expectStatus(await operator2.get(`/cases/${shared.id}`), 200);
        expect(await auditOf(cast.operatorA2.id, 3)).toEqual([
          { action: 'read', entity: 'case', entityId: String(shared.id), details: null },
          ...members.map((m) => ({
            action: 'read',
            entity: 'person',
            entityId: String(m.id),
            details: { part: 'cases', caseId: shared.id },
          })),
        ]);
      });

      it('the overdue list logs every member of a household case', async () => {
        expectStatus(await operator.get('/actions/overdue', { pageSize: 200 }), 200);
        const [row] = await auditOf(cast.operatorA.id, 1);
        expect(row).toMatchObject({ action: 'list', entity: 'case_action' });
        expect(row?.details?.personIds).toEqual(expect.arrayContaining(ids()));
      });

      it("one person's cases log the read of their file and the other members the list showed", async () => {
        const [one, other] = members as [Person, Person];
        expectStatus(await operator2.get('/cases', { personId: one.id }), 200);
        expect(await auditOf(cast.operatorA2.id, 2)).toEqual([
          { action: 'read', entity: 'person', entityId: String(one.id), details: { part: 'cases' } },
          { action: 'list', entity: 'case', entityId: null, details: { personIds: [other.id] } },
        ]);
      });
    });

    describe("a case takes only its people's visit (finding 3)", () => {
      it("refuses another person's visit, for a person's case and a household's", async () => {
        const [a, b, c] = [await newPerson(), await newPerson(), await newPerson()];
        const ofB = await visitOf(b.id);
        const problem = expectProblem(
          await operator.post('/cases', { personId: a.id, visitId: ofB.id, areas: ['work'] }),
          400,
          'validation.failed',
        );
        expect(problem.errors?.map((e) => e.path)).toEqual(['body.visitId']);
        const household = await newHousehold([a.id, c.id]);
        expectProblem(
          await operator.post('/cases', { householdId: household, visitId: ofB.id, areas: ['work'] }),
          400,
          'validation.failed',
        );
        // A member's visit, not named by the case when only the other is chosen: refused too.
        const ofC = await visitOf(c.id);
        expectProblem(
          await operator.post('/cases', { householdId: household, memberIds: [a.id], visitId: ofC.id, areas: ['work'] }),
          400,
          'validation.failed',
        );
        expect(await t.db.selectFrom('cases').select('id').where('visitId', 'in', [ofB.id, ofC.id]).execute()).toEqual([]);
        // The visit of a member the case names: taken, with its referral source.
        const opened = await openCase({ householdId: household, visitId: ofC.id });
        expect(opened).toMatchObject({ visitId: ofC.id, referralSource: 'asp' });
      });
    });

    describe('deletes name the version read (finding 4)', () => {
      it('goals, actions, notes and referrals: 400 without ?version=, 409 with the current one when older', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-01' });
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${opened.id}/goals`, { title: 'Lavoro' }), 201);
        const action = expectStatus<CaseAction>(await operator.post(`/goals/${goal.id}/actions`, { description: 'CV' }), 201);
        const note = expectStatus<CaseNote>(await operator.post(`/cases/${opened.id}/notes`, { body: 'Colloquio' }), 201);
        const referral = expectStatus<Referral>(
          await operator.post(`/cases/${opened.id}/referrals`, {
            direction: 'outgoing',
            service: 'asp',
            referredOn: '2024-02-01',
            reason: 'x',
          }),
          201,
        );
        expectStatus(await operator.patch(`/goals/${goal.id}`, { version: 1, title: 'Lavoro stabile' }), 200);
        expectStatus(await operator.patch(`/actions/${action.id}`, { version: 1, status: 'in_progress' }), 200);
        expectStatus(await operator.patch(`/notes/${note.id}`, { version: 1, body: 'Colloquio lungo' }), 200);
        expectStatus(await operator.patch(`/referrals/${referral.id}`, { version: 1, status: 'completed' }), 200);

        for (const path of [`/actions/${action.id}`, `/notes/${note.id}`, `/referrals/${referral.id}`, `/goals/${goal.id}`]) {
          expectProblem(await operator.delete(path), 400, 'validation.failed');
          expectProblem(await operator.delete(`${path}?version=abc`), 400, 'validation.failed');
          expect(expectProblem(await operator.delete(`${path}?version=1`), 409, 'resource.stale_version').currentVersion).toBe(2);
          expectStatus(await operator.delete(`${path}?version=2`), 204);
          expectProblem(await operator.delete(`${path}?version=2`), 404, 'resource.not_found');
        }
        const whole = expectStatus<Case>(await operator.get(`/cases/${opened.id}`), 200);
        expect([whole.goals, whole.notes, whole.referrals]).toEqual([[], [], []]);
      });
    });

    describe('the audit names fields, never personal facts (findings 7, 14)', () => {
      it('closing does not log the reason; a note does not log its restriction; an update logs only what changed', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-01', areas: ['work'], summary: 'Prima' });
        const note = expectStatus<CaseNote>(
          await operator.post(`/cases/${opened.id}/notes`, { body: 'Terapia', restriction: 'health' }),
          201,
        );
        expect((await auditOf(cast.operatorA.id, 1))[0]).toEqual({
          action: 'create',
          entity: 'case_note',
          entityId: String(note.id),
          details: { caseId: opened.id },
        });
        // The form sends every field: only the changed ones are logged.
        expectStatus(
          await operator.patch(`/cases/${opened.id}`, { version: 1, areas: ['work'], referralSource: 'spontaneous', summary: 'Seconda' }),
          200,
        );
        expect((await auditOf(cast.operatorA.id, 1))[0]?.details).toEqual({ fields: ['summary'] });
        expectStatus(await operator.patch(`/notes/${note.id}`, { version: 1, body: 'Terapia', restriction: null }), 200);
        expect((await auditOf(cast.operatorA.id, 1))[0]?.details).toEqual({ caseId: opened.id, fields: ['restriction'] });

        expectStatus(
          await operator.post(`/cases/${opened.id}/close`, { version: 2, closedOn: '2024-03-01', reason: 'moved_away', notes: 'A Milano' }),
          200,
        );
        const [closing] = await auditOf(cast.operatorA.id, 1);
        expect(closing).toEqual({
          action: 'update',
          entity: 'case',
          entityId: String(opened.id),
          details: { fields: ['status', 'closedOn', 'closingReason', 'closingNotes'] },
        });
        const everything = JSON.stringify(await auditOf(cast.operatorA.id, 20));
        for (const fact of ['moved_away', 'health', 'Milano', 'Terapia']) expect(everything).not.toContain(fact);
      });
    });

    describe('nothing is dated before the case opened (finding 9)', () => {
      it('notes, done actions and outgoing referrals: 400; an incoming referral may come first', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-03-10' });
        const paths = async (res: ReturnType<Api['post']>) => expectProblem(await res, 400, 'validation.failed').errors?.map((e) => e.path);
        expect(await paths(operator.post(`/cases/${opened.id}/notes`, { noteDate: '2024-03-09', body: 'x' }))).toEqual(['body.noteDate']);
        const note = expectStatus<CaseNote>(await operator.post(`/cases/${opened.id}/notes`, { noteDate: '2024-03-10', body: 'x' }), 201);
        expect(await paths(operator.patch(`/notes/${note.id}`, { version: 1, noteDate: '2000-01-01' }))).toEqual(['body.noteDate']);

        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${opened.id}/goals`, { title: 'G' }), 201);
        expect(await paths(operator.post(`/goals/${goal.id}/actions`, { description: 'x', status: 'done', doneOn: '2024-01-01' }))).toEqual(
          ['body.doneOn'],
        );
        const action = expectStatus<CaseAction>(await operator.post(`/goals/${goal.id}/actions`, { description: 'x' }), 201);
        expect(await paths(operator.patch(`/actions/${action.id}`, { version: 1, status: 'done', doneOn: '2024-03-01' }))).toEqual([
          'body.doneOn',
        ]);

        const referral = { service: 'asp', reason: 'x' };
        expect(
          await paths(operator.post(`/cases/${opened.id}/referrals`, { ...referral, direction: 'outgoing', referredOn: '2000-01-01' })),
        ).toEqual(['body.referredOn']);
        const incoming = expectStatus<Referral>(
          await operator.post(`/cases/${opened.id}/referrals`, { ...referral, direction: 'incoming', referredOn: '2024-02-20' }),
          201,
        );
        expect(await paths(operator.patch(`/referrals/${incoming.id}`, { version: 1, direction: 'outgoing' }))).toEqual([
          'body.referredOn',
        ]);
        expectStatus(await operator.patch(`/referrals/${incoming.id}`, { version: 1, status: 'completed' }), 200);

        const row = await t.db.selectFrom('cases').select('version').where('id', '=', opened.id).executeTakeFirstOrThrow();
        expect(row.version).toBe(1);
      });

      it('a household case opens once the members it names have joined', async () => {
        const [early, late] = [await newPerson(), await newPerson()];
        const household = await newHousehold([early.id]);
        await t.db
          .insertInto('householdMembers')
          .values({
            householdId: household,
            personId: late.id,
            relation: 'child',
            joinedOn: '2024-05-01',
            createdAt: new Date().toISOString(),
          })
          .execute();
        const problem = expectProblem(
          await operator.post('/cases', { householdId: household, openedOn: '2024-04-30', areas: ['family'] }),
          400,
          'validation.failed',
        );
        expect(problem.errors).toEqual([
          {
            path: 'body.openedOn',
            code: 'case.opened_before_joining',
            params: { date: '2024-05-01' },
            message: expect.stringContaining('2024-05-01'),
          },
        ]);
        expect((await openCase({ householdId: household, memberIds: [early.id], openedOn: '2024-04-30' })).members).toHaveLength(1);
      });
    });

    describe('a part deleted meanwhile answers 404, not 500 (finding 10)', () => {
      it('a goal or a referral gone between the check of its case and its read', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-01' });
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${opened.id}/goals`, { title: 'G' }), 201);
        const referral = expectStatus<Referral>(
          await operator.post(`/cases/${opened.id}/referrals`, {
            direction: 'incoming',
            service: 'asp',
            referredOn: '2024-01-01',
            reason: 'x',
          }),
          201,
        );
        const actor = await actorOf(t.db, cast.operatorA.id);
        await expect(updateGoal(t.db.withPlugin(vanishing('caseGoals')), actor, goal.id, { version: 1, title: 'H' })).rejects.toMatchObject(
          {
            status: 404,
            code: 'resource.not_found',
          },
        );
        await expect(
          updateReferral(t.db.withPlugin(vanishing('referrals')), actor, referral.id, { version: 1, status: 'completed' }),
        ).rejects.toMatchObject({ status: 404, code: 'resource.not_found' });
        // Nothing was written.
        expect(expectStatus<Case>(await operator.get(`/cases/${opened.id}`), 200)).toMatchObject({
          goals: [{ title: 'G', version: 1 }],
          referrals: [{ status: 'sent', version: 1 }],
        });
      });
    });

    describe('one staff list (finding 14)', () => {
      it('who may take work: active, not viewers, of the centre, by name whatever the database; /operators lists everyone', async () => {
        const organisationId = cast.organisationId;
        const accented = await createTestUser(t.db, {
          organisationId,
          role: 'operator',
          centreIds: [cast.centreA.id],
          email: 'elise@example.test',
          displayName: 'Élise Operatrice',
        });
        const gone = await createTestUser(t.db, {
          organisationId,
          role: 'operator',
          centreIds: [cast.centreA.id],
          email: 'gone@example.test',
          displayName: 'Ugo Uscito',
        });
        await t.db.updateTable('users').set({ active: 0 }).where('id', '=', gone.id).execute();

        const staff = expectStatus<Array<{ id: number; displayName: string }>>(await operator.get('/cases/staff'), 200);
        expect(staff.map((s) => s.displayName)).toEqual([
          'Anna Admin',
          'Carla Coordinatrice',
          'Élise Operatrice',
          'Olga Operatrice',
          'Omar Operatore',
        ]);
        const person = await newPerson();
        expectProblem(
          await operator.post('/cases', { personId: person.id, areas: ['work'], responsibleId: gone.id }),
          400,
          'validation.failed',
        );
        expect((await openCase({ personId: person.id, responsibleId: accented.id })).responsible?.id).toBe(accented.id);

        const everyone = expectStatus<Array<{ id: number }>>(await operator.get('/operators'), 200).map((u) => u.id);
        expect(everyone).toEqual(expect.arrayContaining([gone.id, cast.viewer.id, accented.id]));
      });
    });
  });
}
