/**
 * The person's file in one answer, on both databases: every part is there, bounded by the
 * caller's centres and role, restricted diary notes stay hidden from other operators, and
 * opening the file is one logged read.
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
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { ApplicationType } from '../../contracts/activities.js';
import type { Case, CaseGoal } from '../../contracts/cases.js';
import type { Person } from '../../contracts/people.js';
import type { PersonFile } from '../../contracts/person-file.js';
import type { Topic } from '../../contracts/visits.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the person's file`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operator2: Api;
    let coordinator: Api;
    let operatorB: Api;
    let viewer: Api;
    let person: Person;
    let theCase: Case;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, coordinator, operatorB, viewer] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.coordinator, cast.operatorB, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];

      person = expectStatus<Person>(
        await operator.post('/people', {
          givenNames: 'Aisha',
          familyNames: 'Benali',
          gender: 'female',
          citizenship: 'MA',
          birthDate: '1988-04-02',
        }),
        201,
      );
      const topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
      for (const date of ['2024-03-01', '2024-03-08', '2024-04-02']) {
        expectStatus(
          await operator.post('/visits', {
            personId: person.id,
            date,
            time: '10:00',
            channel: 'in_person',
            referralSource: 'spontaneous',
            topicIds: [topics[0]?.id],
          }),
          201,
        );
      }
      expectStatus(
        await operator.post('/households', { name: 'Benali', members: [{ personId: person.id, relation: 'reference_person' }] }),
        201,
      );
      theCase = expectStatus<Case>(
        await operator.post('/cases', {
          personId: person.id,
          openedOn: '2024-03-08',
          areas: ['documents', 'work'],
          referralSource: 'spontaneous',
        }),
        201,
      );
      const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${theCase.id}/goals`, { title: 'Rinnovo del permesso' }), 201);
      expectStatus(
        await operator.post(`/goals/${goal.id}/actions`, { description: 'Kit postale', status: 'todo', dueOn: '2024-04-15' }),
        201,
      );
      expectStatus(await operator.post(`/cases/${theCase.id}/notes`, { noteDate: '2024-03-08', body: 'Primo colloquio' }), 201);
      expectStatus(
        await operator.post(`/cases/${theCase.id}/notes`, {
          noteDate: '2024-03-09',
          body: 'Referto medico consegnato',
          restriction: 'health',
        }),
        201,
      );
      expectStatus(
        await operator.post(`/people/${person.id}/permits`, {
          permitType: 'family',
          issuedOn: '2023-05-01',
          expiresOn: '2025-05-01',
          renewalStatus: 'none',
        }),
        201,
      );
      expectStatus(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'passport', number: 'XK123', issuingCountry: 'MA' }),
        201,
      );
      const types = expectStatus<ApplicationType[]>(await operator.get('/application-types'), 200);
      expectStatus(
        await operator.post('/applications', { typeId: types[0]?.id, personId: person.id, date: '2024-03-08', outcome: 'submitted' }),
        201,
      );
      expectStatus(
        await operator.post('/pc-station-uses', { personId: person.id, date: '2024-03-08', purpose: 'email', minutes: 15 }),
        201,
      );
    });
    afterAll(() => t?.close());

    it('holds every part of the file, and the responsible operator reads the restricted note', async () => {
      const file = expectStatus<PersonFile>(await operator.get(`/people/${person.id}/file`), 200);
      expect(file.person).toMatchObject({ id: person.id, familyNames: 'Benali' });
      expect(file.visits).toMatchObject({ total: 3, page: 1 });
      expect(file.visits.items.map((v) => v.date)).toEqual(['2024-04-02', '2024-03-08', '2024-03-01']);
      expect(file.household.current).toMatchObject({ name: 'Benali', relation: 'reference_person' });
      expect(file.cases).toHaveLength(1);
      expect(file.cases[0]?.goals[0]).toMatchObject({ title: 'Rinnovo del permesso' });
      expect(file.cases[0]?.goals[0]?.actions[0]).toMatchObject({ description: 'Kit postale', dueOn: '2024-04-15' });
      expect(file.cases[0]?.notes.map((n) => n.body).sort()).toEqual(['Primo colloquio', 'Referto medico consegnato']);
      expect(file.cases[0]?.hiddenNotes).toBe(0);
      expect(file.permits).toHaveLength(1);
      expect(file.identityDocuments).toHaveLength(1);
      expect(file.applications).toHaveLength(1);
      expect(file.pcStationUses).toHaveLength(1);
      expect(file.courses).toEqual({ enrolments: [], waitingList: [] });
    });

    it('hides the restricted note from another operator of the centre, and says how many are hidden', async () => {
      const file = expectStatus<PersonFile>(await operator2.get(`/people/${person.id}/file`), 200);
      expect(file.cases[0]?.notes.map((n) => n.body)).toEqual(['Primo colloquio']);
      expect(file.cases[0]?.hiddenNotes).toBe(1);
      expect(JSON.stringify(file)).not.toContain('Referto medico');
      const coordinatorFile = expectStatus<PersonFile>(await coordinator.get(`/people/${person.id}/file`), 200);
      expect(coordinatorFile.cases[0]?.notes).toHaveLength(2);
    });

    it('answers 404 to another centre, 403 to a viewer, 401 without a login', async () => {
      expectProblem(await operatorB.get(`/people/${person.id}/file`), 404, 'resource.not_found');
      expectProblem(await viewer.get(`/people/${person.id}/file`), 403, 'auth.forbidden');
      expectProblem(await api(t.app, null).get(`/people/${person.id}/file`), 401, 'auth.unauthenticated');
      expectProblem(await operator.get('/people/999999/file'), 404, 'resource.not_found');
    });

    it('logs opening the file as one read of the person, and nothing else', async () => {
      const before = await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      expectStatus(await operator2.get(`/people/${person.id}/file`), 200);
      const rows = await t.db.selectFrom('auditLog').selectAll().where('id', '>', Number(before.m)).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        userId: cast.operatorA2.id,
        centreId: cast.centreA.id,
        action: 'read',
        entity: 'person',
        entityId: String(person.id),
      });
      expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ part: 'file' });
    });

    it('logs the other people the file shows: the household members', async () => {
      const partner = expectStatus<Person>(
        await operator.post('/people', {
          givenNames: 'Karim',
          familyNames: 'Benali',
          gender: 'male',
          citizenship: 'MA',
          birthDate: '1985-01-01',
        }),
        201,
      );
      const { household } = expectStatus<PersonFile>(await operator.get(`/people/${person.id}/file`), 200);
      expectStatus(
        await operator.post(`/households/${household.current?.id}/members`, { personId: partner.id, relation: 'spouse_partner' }),
        201,
      );
      const before = await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      const file = expectStatus<PersonFile>(await operator.get(`/people/${person.id}/file`), 200);
      expect(file.household.current?.members.map((m) => m.personId).sort()).toEqual([person.id, partner.id].sort());
      const [row] = await t.db.selectFrom('auditLog').selectAll().where('id', '>', Number(before.m)).execute();
      expect(JSON.parse(row?.details ?? '{}')).toEqual({ part: 'file', personIds: [partner.id] });
    });
  });
}
