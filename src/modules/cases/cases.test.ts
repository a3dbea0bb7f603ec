/** Cases through the API on both databases: opening, the plan, the diary, referrals, closing and reopening. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import type { Case, CaseAction, CaseGoal, CaseListItem, CaseNote, OverdueAction, Referral } from '../../contracts/cases.js';
import type { Page } from '../../contracts/common.js';
import type { Person } from '../../contracts/people.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { todayInRome } from '../../domain/dates.js';

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: cases`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api; // operator A, responsible by default for the cases they open
    let operator2: Api; // another operator of centre A
    let coordinator: Api;
    let admin: Api; // works in A and B
    let topic: number;
    let seq = 0;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, coordinator, admin] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.coordinator, cast.admin].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      topic = (expectStatus<Topic[]>(await operator.get('/topics'), 200)[0] as Topic).id;
    });
    afterAll(() => t?.close());

    /** A new person of centre A, each with a name and birth date of their own. */
    const newPerson = async (extra: Record<string, unknown> = {}) => {
      seq += 1;
      return expectStatus<Person>(
        await operator.post('/people', {
          givenNames: `Nome${String.fromCharCode(96 + (seq % 26) + 1)}${seq}`,
          familyNames: `Cognome${seq}`,
          gender: 'female',
          citizenship: 'MA',
          birthDate: `1980-01-${String((seq % 28) + 1).padStart(2, '0')}`,
          residence: { kind: 'comune', comuneIstat: '042021' },
          ...extra,
        }),
        201,
      );
    };

    /** A household of centre A made in the database (households have their own module). */
    const newHousehold = async (members: Array<{ personId: number; relation: string }>) => {
      const stamp = new Date().toISOString();
      const { id } = await t.db
        .insertInto('households')
        .values({
          centreId: cast.centreA.id,
          name: `Nucleo ${members[0]?.personId}`,
          notes: null,
          createdAt: stamp,
          updatedAt: stamp,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('householdMembers')
        .values(
          members.map((m) => ({ householdId: id, personId: m.personId, relation: m.relation, joinedOn: '2020-01-01', createdAt: stamp })),
        )
        .execute();
      return id;
    };

    const openCase = async (body: Record<string, unknown>, as = operator) =>
      expectStatus<Case>(await as.post('/cases', { areas: ['work'], ...body }), 201);

    describe('opening', () => {
      it('opens a case for a person: one period, the person as member with a snapshot, the caller responsible', async () => {
        const person = await newPerson();
        const opened = await openCase({
          personId: person.id,
          openedOn: '2024-03-10',
          areas: ['work', 'housing'],
          referralSource: 'asp',
          summary: 'Cerca lavoro e casa',
        });
        expect(opened).toMatchObject({
          centreId: cast.centreA.id,
          status: 'open',
          person: { id: person.id, givenNames: person.givenNames, familyNames: person.familyNames },
          household: null,
          responsible: { id: cast.operatorA.id, displayName: 'Omar Operatore' },
          areas: ['work', 'housing'],
          referralSource: 'asp',
          summary: 'Cerca lavoro e casa',
          visitId: null,
          openedOn: '2024-03-10',
          closedOn: null,
          periods: [{ openedOn: '2024-03-10', closedOn: null, closingReason: null, closingNotes: null }],
          members: [{ person: { id: person.id }, relation: null, gender: 'female' }],
          goals: [],
          notes: [],
          hiddenNotes: 0,
          referrals: [],
          version: 1,
        });
        const member = await t.db.selectFrom('caseMembers').selectAll().where('caseId', '=', opened.id).executeTakeFirstOrThrow();
        expect(member).toMatchObject({
          personId: person.id,
          gender: 'female',
          citizenship: 'MA',
          birthDate: person.birthDate,
          residenceKind: 'comune',
          residenceComune: '042021',
          snapshotOn: '2024-03-10',
        });
        const audit = await t.db
          .selectFrom('auditLog')
          .selectAll()
          .where('entity', '=', 'case')
          .where('entityId', '=', String(opened.id))
          .execute();
        expect(audit.map((a) => a.action)).toEqual(['create']);
        expect(audit[0]?.details).not.toContain(person.familyNames);
      });

      it('a person with an open case cannot get another: 409 case.already_open naming the open case', async () => {
        const person = await newPerson();
        const first = await openCase({ personId: person.id, openedOn: '2024-01-05' });
        const problem = expectProblem(await operator2.post('/cases', { personId: person.id, areas: ['legal'] }), 409, 'case.already_open');
        expect(problem.caseId).toBe(first.id);
        expect(problem.personId).toBe(person.id);
      });

      it('opens today by default, from a visit: the visit’s person and referral source', async () => {
        const person = await newPerson();
        const visit = expectStatus<Visit>(
          await operator.post('/visits', { personId: person.id, topicIds: [topic], referralSource: 'sai' }),
          201,
        );
        const opened = await openCase({ visitId: visit.id, areas: ['documents'] });
        expect(opened).toMatchObject({
          person: { id: person.id },
          visitId: visit.id,
          referralSource: 'sai',
          openedOn: todayInRome(),
        });
        // An anonymous visit names nobody.
        const anonymous = expectStatus<Visit>(
          await operator.post('/visits', { anonymous: { gender: 'male', citizenship: 'SN', ageBand: '18-29' }, topicIds: [topic] }),
          201,
        );
        expectProblem(await operator.post('/cases', { visitId: anonymous.id, areas: ['work'] }), 400, 'validation.failed');
        const other = await newPerson();
        expect((await openCase({ visitId: anonymous.id, personId: other.id })).visitId).toBe(anonymous.id);
      });

      it('a household case names the current members (all by default, or those chosen), each with a snapshot', async () => {
        const [mother, child, father] = [
          await newPerson(),
          await newPerson({ birthDate: '2015-05-05' }),
          await newPerson({ gender: 'male' }),
        ];
        const all = await newHousehold([
          { personId: mother.id, relation: 'head' },
          { personId: child.id, relation: 'child' },
        ]);
        const opened = await openCase({ householdId: all, openedOn: '2024-04-01', areas: ['family'] });
        expect(opened.person).toBeNull();
        expect(opened.household).toMatchObject({ id: all });
        expect(opened.members.map((m) => [m.person?.id, m.relation])).toEqual([
          [mother.id, 'head'],
          [child.id, 'child'],
        ]);
        // The same people cannot be in another open case.
        expect(expectProblem(await operator.post('/cases', { personId: child.id, areas: ['work'] }), 409, 'case.already_open').caseId).toBe(
          opened.id,
        );

        const other = await newPerson();
        const some = await newHousehold([
          { personId: father.id, relation: 'head' },
          { personId: other.id, relation: 'partner' },
        ]);
        expectProblem(
          await operator.post('/cases', { householdId: some, memberIds: [father.id, mother.id], areas: ['work'] }),
          400,
          'validation.failed',
        );
        const chosen = await openCase({ householdId: some, memberIds: [father.id] });
        expect(chosen.members.map((m) => m.person?.id)).toEqual([father.id]);
        // The member not named may have a case of their own.
        await openCase({ personId: other.id });
      });

      it('the responsible operator must work in the case’s centre', async () => {
        const person = await newPerson();
        const problem = expectProblem(
          await operator.post('/cases', { personId: person.id, areas: ['work'], responsibleId: cast.operatorB.id }),
          400,
          'validation.failed',
        );
        expect(problem.errors?.map((e) => e.path)).toEqual(['body.responsibleId']);
        expectProblem(
          await operator.post('/cases', { personId: person.id, areas: ['work'], responsibleId: cast.viewer.id }),
          400,
          'validation.failed',
        );
        const opened = await openCase({ personId: person.id, responsibleId: cast.operatorA2.id });
        expect(opened.responsible?.id).toBe(cast.operatorA2.id);
        // The administrator works in both centres: the case goes to the person's centre.
        const staff = expectStatus<Array<{ id: number; displayName: string }>>(
          await admin.get('/cases/staff', { centreId: cast.centreA.id }),
          200,
        );
        expect(staff.map((s) => s.id).sort()).toEqual([cast.admin.id, cast.coordinator.id, cast.operatorA.id, cast.operatorA2.id].sort());
        expect(JSON.stringify(staff)).not.toContain('email');
      });
    });

    describe('changing, closing and reopening', () => {
      it('PATCH needs the version read: the second of two saves gets 409 with the current version', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-02-01' });
        const first = expectStatus<Case>(
          await operator.patch(`/cases/${opened.id}`, { version: 1, areas: ['health', 'legal'], summary: 'Aggiornato' }),
          200,
        );
        expect(first).toMatchObject({ areas: ['health', 'legal'], summary: 'Aggiornato', version: 2 });
        const problem = expectProblem(
          await operator2.patch(`/cases/${opened.id}`, { version: 1, summary: 'Sovrascritto?' }),
          409,
          'resource.stale_version',
        );
        expect(problem.currentVersion).toBe(2);
        const now = expectStatus<Case>(await operator.get(`/cases/${opened.id}`), 200);
        expect(now.summary).toBe('Aggiornato');
        expect(
          expectStatus<Case>(await coordinator.patch(`/cases/${opened.id}`, { version: 2, responsibleId: cast.operatorA2.id }), 200)
            .responsible,
        ).toEqual({ id: cast.operatorA2.id, displayName: 'Olga Operatrice' });
      });

      it('closing ends the period and takes the snapshot again; reopening starts a new period', async () => {
        const person = await newPerson();
        const opened = await openCase({ personId: person.id, openedOn: '2023-05-10' });
        // Naturalised and moved meanwhile: the closing snapshot says so.
        expectStatus(
          await operator.patch(`/people/${person.id}`, {
            version: person.version,
            citizenship: 'IT',
            residence: { kind: 'no_fixed_abode' },
          }),
          200,
        );
        const bad = (body: Record<string, unknown>) =>
          operator.post(`/cases/${opened.id}/close`, { version: 1, reason: 'goals_achieved', ...body });
        expectProblem(await bad({ closedOn: '2023-05-09' }), 400, 'validation.failed');
        expectProblem(await bad({ closedOn: dayAfter(todayInRome()) }), 400, 'validation.failed');
        expectProblem(await bad({ closedOn: '2024-01-01', reason: 'bored' }), 400, 'validation.failed');

        const closed = expectStatus<Case>(await bad({ closedOn: '2024-01-01', notes: 'Ha trovato lavoro' }), 200);
        expect(closed).toMatchObject({
          status: 'closed',
          closedOn: '2024-01-01',
          version: 2,
          periods: [{ openedOn: '2023-05-10', closedOn: '2024-01-01', closingReason: 'goals_achieved', closingNotes: 'Ha trovato lavoro' }],
        });
        const member = await t.db.selectFrom('caseMembers').selectAll().where('caseId', '=', opened.id).executeTakeFirstOrThrow();
        expect(member).toMatchObject({
          citizenship: 'IT',
          residenceKind: 'no_fixed_abode',
          residenceComune: null,
          snapshotOn: '2024-01-01',
        });

        expectProblem(await bad({ version: 2, closedOn: '2024-02-01' }), 409, 'case.not_open');
        expectProblem(await bad({ version: 1, closedOn: '2024-02-01' }), 409, 'resource.stale_version');

        const reopen = (body: Record<string, unknown>) => operator.post(`/cases/${opened.id}/reopen`, { version: 2, ...body });
        expectProblem(await reopen({ openedOn: '2024-01-01' }), 400, 'validation.failed');
        expectProblem(await reopen({ openedOn: dayAfter(todayInRome()) }), 400, 'validation.failed');
        // Another case opened meanwhile: no second open case.
        const other = await openCase({ personId: person.id, openedOn: '2024-06-01' });
        expect(expectProblem(await reopen({ openedOn: '2025-01-10' }), 409, 'case.already_open').caseId).toBe(other.id);
        expectStatus(await operator.post(`/cases/${other.id}/close`, { version: 1, closedOn: '2024-12-31', reason: 'lost_contact' }), 200);

        const reopened = expectStatus<Case>(await reopen({ openedOn: '2025-01-10' }), 200);
        expect(reopened).toMatchObject({ status: 'open', openedOn: '2023-05-10', closedOn: null, version: 3 });
        expect(reopened.periods.map((p) => [p.openedOn, p.closedOn])).toEqual([
          ['2023-05-10', '2024-01-01'],
          ['2025-01-10', null],
        ]);
        expectProblem(await reopen({ version: 3 }), 409, 'case.not_closed');
      });

      it('lists cases with filters, and logs whose names it showed', async () => {
        const person = await newPerson();
        const mine = await openCase({ personId: person.id, openedOn: '2024-09-09' });
        const byPerson = expectStatus<Page<CaseListItem>>(await operator2.get('/cases', { personId: person.id }), 200);
        expect(byPerson.items.map((c) => c.id)).toEqual([mine.id]);
        expect(byPerson.items[0]).toMatchObject({
          person: { id: person.id },
          members: [{ person: { id: person.id } }],
          responsible: { id: cast.operatorA.id },
        });

        const minePage = expectStatus<Page<CaseListItem>>(await operator.get('/cases', { mine: 'true', pageSize: 200 }), 200);
        expect(minePage.items.every((c) => c.responsible?.id === cast.operatorA.id)).toBe(true);
        expect(minePage.items.map((c) => c.id)).toContain(mine.id);
        const ofOther = expectStatus<Page<CaseListItem>>(
          await operator.get('/cases', { responsibleId: cast.operatorA2.id, pageSize: 200 }),
          200,
        );
        expect(ofOther.items.every((c) => c.responsible?.id === cast.operatorA2.id)).toBe(true);
        expect(ofOther.total).toBeGreaterThan(0);

        const closed = expectStatus<Page<CaseListItem>>(await operator.get('/cases', { status: 'closed', pageSize: 200 }), 200);
        expect(closed.items.every((c) => c.status === 'closed')).toBe(true);
        const open = expectStatus<Page<CaseListItem>>(await operator.get('/cases', { status: 'open', pageSize: 1 }), 200);
        expect(open.items).toHaveLength(1);
        const all = expectStatus<Page<CaseListItem>>(await operator.get('/cases', { pageSize: 1 }), 200);
        expect(all.total).toBe(open.total + closed.total);

        const households = await t.db.selectFrom('cases').select(['id', 'householdId']).where('householdId', 'is not', null).execute();
        const household = households[0] as { id: number; householdId: number };
        const byHousehold = expectStatus<Page<CaseListItem>>(await operator.get('/cases', { householdId: household.householdId }), 200);
        expect(byHousehold.items.map((c) => c.id)).toEqual([household.id]);

        const listing = await t.db
          .selectFrom('auditLog')
          .select(['action', 'entity', 'details'])
          .where('userId', '=', cast.operatorA.id)
          .where('action', '=', 'list')
          .where('entity', '=', 'case')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(listing.details ?? '{}').personIds.length).toBeGreaterThan(0);
        // The cases of one person are a part of their file: logged as a read of it.
        const read = await t.db
          .selectFrom('auditLog')
          .select(['action', 'entity', 'entityId', 'details'])
          .where('userId', '=', cast.operatorA2.id)
          .where('entity', '=', 'person')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(read).toEqual({ action: 'read', entity: 'person', entityId: String(person.id), details: JSON.stringify({ part: 'cases' }) });
      });

      it('opening a case is logged as a read', async () => {
        const opened = await openCase({ personId: (await newPerson()).id });
        expectStatus(await operator2.get(`/cases/${opened.id}`), 200);
        const rows = await t.db
          .selectFrom('auditLog')
          .select(['action', 'userId', 'centreId'])
          .where('entity', '=', 'case')
          .where('entityId', '=', String(opened.id))
          .orderBy('id')
          .execute();
        expect(rows).toEqual([
          { action: 'create', userId: cast.operatorA.id, centreId: cast.centreA.id },
          { action: 'read', userId: cast.operatorA2.id, centreId: cast.centreA.id },
        ]);
      });
    });

    describe('the plan', () => {
      it('goals with actions: versions, done dates, deletion', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-15' });
        const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${opened.id}/goals`, { title: 'Trovare lavoro' }), 201);
        expect(goal).toMatchObject({
          caseId: opened.id,
          title: 'Trovare lavoro',
          description: null,
          status: 'open',
          actions: [],
          version: 1,
        });
        const action = expectStatus<CaseAction>(
          await operator.post(`/goals/${goal.id}/actions`, {
            description: 'Iscrizione al Centro per l’impiego',
            assigneeId: cast.operatorA2.id,
            dueOn: '2024-02-01',
          }),
          201,
        );
        expect(action).toMatchObject({
          goalId: goal.id,
          caseId: opened.id,
          assignee: { id: cast.operatorA2.id, displayName: 'Olga Operatrice' },
          assigneeName: null,
          dueOn: '2024-02-01',
          status: 'todo',
          doneOn: null,
          version: 1,
        });
        const byName = expectStatus<CaseAction>(
          await operator.post(`/goals/${goal.id}/actions`, { description: 'Portare il CV', assigneeName: 'La persona', status: 'done' }),
          201,
        );
        expect(byName).toMatchObject({ assignee: null, assigneeName: 'La persona', status: 'done', doneOn: todayInRome() });
        expectProblem(
          await operator.post(`/goals/${goal.id}/actions`, { description: 'Due', assigneeId: cast.operatorA.id, assigneeName: 'Altri' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await operator.post(`/goals/${goal.id}/actions`, { description: 'Fuori centro', assigneeId: cast.operatorB.id }),
          400,
          'validation.failed',
        );

        // Done: doneOn set (given or today); back to in progress: cleared.
        const done = expectStatus<CaseAction>(
          await operator.patch(`/actions/${action.id}`, { version: 1, status: 'done', doneOn: '2024-01-30' }),
          200,
        );
        expect(done).toMatchObject({ status: 'done', doneOn: '2024-01-30', version: 2 });
        expectProblem(await operator2.patch(`/actions/${action.id}`, { version: 1, status: 'cancelled' }), 409, 'resource.stale_version');
        const reopened = expectStatus<CaseAction>(
          await operator.patch(`/actions/${action.id}`, { version: 2, status: 'in_progress' }),
          200,
        );
        expect(reopened).toMatchObject({ status: 'in_progress', doneOn: null });
        // Naming someone in words clears the operator.
        expect(
          expectStatus<CaseAction>(await operator.patch(`/actions/${action.id}`, { version: 3, assigneeName: 'Sindacato CISL' }), 200),
        ).toMatchObject({ assignee: null, assigneeName: 'Sindacato CISL', version: 4 });

        const renamed = expectStatus<CaseGoal>(
          await operator.patch(`/goals/${goal.id}`, { version: 1, status: 'achieved', description: 'Contratto' }),
          200,
        );
        expect(renamed).toMatchObject({ status: 'achieved', description: 'Contratto', version: 2 });
        expect(renamed.actions.map((a) => a.id)).toEqual([action.id, byName.id]);
        expectProblem(await operator.patch(`/goals/${goal.id}`, { version: 1, title: 'Altro' }), 409, 'resource.stale_version');

        const whole = expectStatus<Case>(await operator.get(`/cases/${opened.id}`), 200);
        expect(whole.goals).toHaveLength(1);
        expect(whole.goals[0]?.actions).toHaveLength(2);

        expectProblem(await operator.delete(`/actions/${byName.id}?version=9`), 409, 'resource.stale_version');
        expectStatus(await operator.delete(`/actions/${byName.id}?version=1`), 204);
        expectProblem(await operator.delete(`/goals/${goal.id}?version=1`), 409, 'resource.stale_version');
        expectStatus(await operator.delete(`/goals/${goal.id}?version=2`), 204);
        expect(await t.db.selectFrom('caseActions').select('id').where('caseId', '=', opened.id).execute()).toEqual([]);
        expectProblem(await operator.patch(`/goals/${goal.id}`, { version: 2, title: 'x' }), 404, 'resource.not_found');
      });

      it('overdue actions: an operator’s own (responsible or assigned), the coordinator’s all, only open ones past due', async () => {
        const ofOperator = await openCase({ personId: (await newPerson()).id });
        const ofOther = await openCase({ personId: (await newPerson()).id }, operator2);
        const goalA = expectStatus<CaseGoal>(await operator.post(`/cases/${ofOperator.id}/goals`, { title: 'A' }), 201);
        const goalB = expectStatus<CaseGoal>(await operator2.post(`/cases/${ofOther.id}/goals`, { title: 'B' }), 201);
        const add = async (as: Api, goalId: number, body: Record<string, unknown>) =>
          expectStatus<CaseAction>(await as.post(`/goals/${goalId}/actions`, body), 201);
        const late = await add(operator, goalA.id, { description: 'In ritardo', dueOn: '2024-05-01' });
        await add(operator, goalA.id, { description: 'Non ancora', dueOn: '2099-01-01' });
        await add(operator, goalA.id, { description: 'Fatta', dueOn: '2024-05-01', status: 'done' });
        await add(operator, goalA.id, { description: 'Senza data' });
        const assigned = await add(operator2, goalB.id, {
          description: 'Assegnata a Omar',
          dueOn: '2024-04-01',
          assigneeId: cast.operatorA.id,
        });
        const othersOnly = await add(operator2, goalB.id, { description: 'Di Olga', dueOn: '2024-03-01', status: 'in_progress' });

        const ids = async (as: Api) =>
          expectStatus<Page<OverdueAction>>(await as.get('/actions/overdue', { pageSize: 200 }), 200).items.map((a) => a.id);
        const forOperator = await ids(operator);
        expect(forOperator).toEqual(expect.arrayContaining([assigned.id, late.id]));
        expect(forOperator).not.toContain(othersOnly.id);
        expect(forOperator.indexOf(assigned.id)).toBeLessThan(forOperator.indexOf(late.id)); // the most overdue first
        expect(await ids(operator2)).toEqual(expect.arrayContaining([assigned.id, othersOnly.id]));
        expect(await ids(operator2)).not.toContain(late.id);
        expect(await ids(coordinator)).toEqual(expect.arrayContaining([assigned.id, othersOnly.id, late.id]));

        const page = expectStatus<Page<OverdueAction>>(await operator.get('/actions/overdue', { pageSize: 200 }), 200);
        expect(page.items.find((a) => a.id === late.id)).toMatchObject({
          goalTitle: 'A',
          caseId: ofOperator.id,
          person: { id: ofOperator.person?.id },
          responsible: { id: cast.operatorA.id },
        });
        // A closed case has nothing overdue.
        expectStatus(await operator.post(`/cases/${ofOperator.id}/close`, { version: 1, closedOn: todayInRome(), reason: 'other' }), 200);
        expect(await ids(operator)).not.toContain(late.id);
      });
    });

    describe('the diary and referrals', () => {
      it('notes: dated, by their author; restricted ones only for the coordinator, the responsible operator and the author', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-01' }); // operator A responsible
        const plain = expectStatus<CaseNote>(
          await operator2.post(`/cases/${opened.id}/notes`, { noteDate: '2024-02-01', body: 'Colloquio' }),
          201,
        );
        expect(plain).toMatchObject({ noteDate: '2024-02-01', author: { id: cast.operatorA2.id }, restriction: null, version: 1 });
        const health = expectStatus<CaseNote>(
          await operator.post(`/cases/${opened.id}/notes`, { body: 'Diagnosi riservata', restriction: 'health' }),
          201,
        );
        expect(health.noteDate).toBe(todayInRome());
        const legal = expectStatus<CaseNote>(
          await coordinator.post(`/cases/${opened.id}/notes`, { noteDate: '2024-03-01', body: 'Ricorso pendente', restriction: 'legal' }),
          201,
        );

        const seenBy = async (as: Api) => expectStatus<Case>(await as.get(`/cases/${opened.id}`), 200);
        expect((await seenBy(operator)).notes.map((n) => n.id)).toEqual([health.id, legal.id, plain.id]);
        expect((await seenBy(coordinator)).hiddenNotes).toBe(0);
        const other = await seenBy(operator2);
        expect(other.notes.map((n) => n.id)).toEqual([plain.id]);
        expect(other.hiddenNotes).toBe(2);
        const raw = (await operator2.get(`/cases/${opened.id}`)).body;
        expect(raw).not.toContain('Diagnosi');
        expect(raw).not.toContain('Ricorso');

        // Edits: the author or the coordinator only; the version read.
        expectProblem(await operator2.patch(`/notes/${health.id}`, { version: 1, body: 'x' }), 403, 'auth.forbidden');
        expectProblem(await operator.patch(`/notes/${plain.id}`, { version: 1, body: 'x' }), 403, 'auth.forbidden');
        expectProblem(await operator2.delete(`/notes/${health.id}?version=1`), 403, 'auth.forbidden');
        const edited = expectStatus<CaseNote>(
          await operator2.patch(`/notes/${plain.id}`, { version: 1, body: 'Colloquio (corretto)' }),
          200,
        );
        expect(edited).toMatchObject({ body: 'Colloquio (corretto)', version: 2 });
        expectProblem(await coordinator.patch(`/notes/${plain.id}`, { version: 1, restriction: 'legal' }), 409, 'resource.stale_version');
        expectStatus(await coordinator.patch(`/notes/${plain.id}`, { version: 2, restriction: 'legal' }), 200);
        expect((await seenBy(operator2)).notes.map((n) => n.id)).toEqual([plain.id]); // still its author
        expectProblem(
          await operator.post(`/cases/${opened.id}/notes`, { noteDate: dayAfter(todayInRome()), body: 'Domani' }),
          400,
          'validation.failed',
        );
        expectStatus(await coordinator.delete(`/notes/${legal.id}?version=1`), 204);
        expect((await seenBy(operator)).notes.map((n) => n.id)).toEqual([health.id, plain.id]);
      });

      it('referrals to and from other services', async () => {
        const opened = await openCase({ personId: (await newPerson()).id, openedOn: '2024-01-01' });
        const sent = expectStatus<Referral>(
          await operator.post(`/cases/${opened.id}/referrals`, {
            direction: 'outgoing',
            service: 'employment_centre',
            serviceDetail: 'CPI Jesi',
            referredOn: '2024-02-10',
            reason: 'Iscrizione',
          }),
          201,
        );
        expect(sent).toMatchObject({ caseId: opened.id, status: 'sent', serviceDetail: 'CPI Jesi', notes: null, version: 1 });
        expectProblem(
          await operator.post(`/cases/${opened.id}/referrals`, {
            direction: 'outgoing',
            service: 'bank',
            referredOn: '2024-02-10',
            reason: 'x',
          }),
          400,
          'validation.failed',
        );
        const updated = expectStatus<Referral>(
          await operator.patch(`/referrals/${sent.id}`, { version: 1, status: 'completed', notes: 'Iscritta' }),
          200,
        );
        expect(updated).toMatchObject({ status: 'completed', notes: 'Iscritta', version: 2 });
        expectProblem(await operator2.patch(`/referrals/${sent.id}`, { version: 1, status: 'declined' }), 409, 'resource.stale_version');
        const incoming = expectStatus<Referral>(
          await operator.post(`/cases/${opened.id}/referrals`, {
            direction: 'incoming',
            service: 'social_services',
            referredOn: '2024-01-02',
            reason: 'Segnalazione',
            status: 'in_progress',
          }),
          201,
        );
        const whole = expectStatus<Case>(await operator.get(`/cases/${opened.id}`), 200);
        expect(whole.referrals.map((r) => r.id)).toEqual([sent.id, incoming.id]);
        expectStatus(await operator.delete(`/referrals/${incoming.id}?version=1`), 204);
        expectProblem(await operator.delete(`/referrals/${incoming.id}?version=1`), 404, 'resource.not_found');
      });
    });
  });
}
