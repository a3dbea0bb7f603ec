import { Migrator } from 'kysely';
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
import type {
  Application,
  ApplicationSummary,
  ApplicationType,
  CaseOption,
  LegalConsultation,
  LegalConsultationListItem,
  LegalSummary,
  PcStationSummary,
  PcStationUse,
} from '../../contracts/activities.js';
import type { Page } from '../../contracts/common.js';
import type { Person } from '../../contracts/people.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { createDatabase } from '../../db/database.js';
import { foundation } from '../../db/migrations/0001-foundation.js';
import { care } from '../../db/migrations/0002-care.js';
import { todayInRome } from '../../domain/dates.js';
import { DEFAULT_APPLICATION_TYPES } from '../catalogues/default-application-types.js';
import { applicationsForPerson } from './applications.usecases.js';
import { pcStationUsesForPerson } from './pc-station.usecases.js';

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: applications, PC station, legal consultations`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operatorB: Api;
    let admin: Api;
    let viewer: Api;
    let types: ApplicationType[];
    let topics: Topic[];
    let amina: Person; // centre A
    let omar: Person; // centre A
    let bruno: Person; // centre B
    const today = todayInRome();
    const tomorrow = dayAfter(today);

    /** The id of a catalogue type, by code. */
    const type = (code: string): ApplicationType => {
      const found = types.find((row) => row.code === code);
      if (!found) throw new Error(`no application type ${code}`);
      return found;
    };

    const person = async (as: Api, givenNames: string, familyNames: string) =>
      expectStatus<Person>(await as.post('/people', { givenNames, familyNames, gender: 'female', citizenship: 'MA' }), 201);

    const visitOf = async (as: Api, personId: number, date = '2024-03-01') =>
      expectStatus<Visit>(await as.post('/visits', { personId, date, topicIds: [(topics[0] as Topic).id] }), 201);

    const auditOf = (entity: string, entityId?: number) => {
      let query = t.db.selectFrom('auditLog').select(['action', 'userId', 'centreId', 'details']).where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entityId', '=', String(entityId));
      return query.orderBy('id').execute();
    };

    /** A case opened directly in the table (the cases module is another area's), naming its members if given. */
    const openCase = async (
      centreId: number,
      owner: { personId?: number; householdName?: string; memberIds?: number[] },
      status = 'open',
    ) => {
      const now = new Date().toISOString();
      let householdId: number | null = null;
      if (owner.householdName) {
        householdId = (
          await t.db
            .insertInto('households')
            .values({ centreId, name: owner.householdName, notes: null, createdAt: now, updatedAt: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      const row = await t.db
        .insertInto('cases')
        .values({
          centreId,
          personId: owner.personId ?? null,
          householdId,
          responsibleId: null,
          referralSource: 'spontaneous',
          areas: '[]',
          summary: null,
          visitId: null,
          status,
          openedOn: '2024-01-10',
          closedOn: status === 'closed' ? '2024-02-10' : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const personId of owner.memberIds ?? []) {
        await t.db
          .insertInto('caseMembers')
          .values({
            caseId: row.id,
            personId,
            anonymousKey: null,
            relation: null,
            gender: 'female',
            citizenship: 'MA',
            birthDate: null,
            residenceKind: 'unknown',
            residenceComune: null,
            snapshotOn: '2024-01-10',
          })
          .execute();
      }
      return row.id;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operatorB, admin, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorB, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
      types = expectStatus<ApplicationType[]>(await operator.get('/application-types'), 200);
      topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
      amina = await person(operator, 'Amina', 'El Idrissi');
      omar = await person(operator, 'Omar', 'Benali');
      bruno = await person(operatorB, 'Bruna', 'Rossi');
    });
    afterAll(() => t?.close());

    describe('the application-type catalogue', () => {
      it('a new organisation starts with the default catalogue, in order, with levels and the Anagrafe flag', async () => {
        expect(types.map((row) => row.code)).toEqual(DEFAULT_APPLICATION_TYPES.map((row) => row.code));
        expect(type('residence_request')).toMatchObject({
          labelIt: 'Richiesta di residenza',
          level: 'municipal',
          anagrafe: true,
          active: true,
        });
        expect(type('child_allowance')).toMatchObject({ labelIt: 'Assegno unico universale', level: 'national', anagrafe: false });
        expect(type('regional_grant').level).toBe('regional');
        expect(types.filter((row) => row.anagrafe).map((row) => row.code)).toEqual([
          'residence_request',
          'change_of_address',
          'registry_enrolment',
          'registry_certificates',
        ]);
        // Viewers read the catalogue too (the figures name its types).
        expectStatus(await viewer.get('/application-types'), 200);
      });

      it('a coordinator adds, corrects and deactivates a type; a deactivated type is refused on new applications only', async () => {
        const created = expectStatus<ApplicationType>(
          await coordinator.post('/application-types', {
            code: 'school_meals',
            labelIt: 'Mensa scolastica',
            labelEn: 'School meals',
            level: 'municipal',
          }),
          201,
        );
        expect(created).toMatchObject({ anagrafe: false, active: true, sortOrder: DEFAULT_APPLICATION_TYPES.length * 10 + 10 });
        expectProblem(
          await coordinator.post('/application-types', { code: 'school_meals', labelIt: 'Doppione', labelEn: 'Dup', level: 'national' }),
          409,
          'resource.conflict',
        );
        const application = expectStatus<Application>(
          await operator.post('/applications', { typeId: created.id, personId: amina.id, date: '2024-09-02' }),
          201,
        );

        const renamed = expectStatus<ApplicationType>(
          await coordinator.patch(`/application-types/${created.id}`, { labelIt: 'Mensa e trasporto scolastico', level: 'regional' }),
          200,
        );
        expect(renamed).toMatchObject({ labelIt: 'Mensa e trasporto scolastico', labelEn: 'School meals', level: 'regional' });
        const deactivated = expectStatus<ApplicationType>(
          await coordinator.patch(`/application-types/${created.id}`, { active: false }),
          200,
        );
        expect(deactivated.active).toBe(false);
        const active = expectStatus<ApplicationType[]>(await operator.get('/application-types', { active: 'true' }), 200);
        expect(active.map((row) => row.id)).not.toContain(created.id);

        const before = await t.db.selectFrom('applications').select('id').execute();
        const refused = expectProblem(
          await operator.post('/applications', { typeId: created.id, personId: amina.id }),
          400,
          'validation.failed',
        );
        expect(refused.errors).toEqual([
          {
            path: 'body.typeId',
            code: 'application.type_unknown',
            params: { id: created.id },
            message: expect.stringContaining(String(created.id)),
          },
        ]);
        expect(await t.db.selectFrom('applications').select('id').execute()).toHaveLength(before.length);
        // Nor can another application be moved onto it; its own application keeps it and can be corrected.
        const other = expectStatus<Application>(
          await operator.post('/applications', { typeId: type('other').id, personId: amina.id, date: '2024-09-02' }),
          201,
        );
        expectProblem(await operator.patch(`/applications/${other.id}`, { version: 1, typeId: created.id }), 400, 'validation.failed');
        const corrected = expectStatus<Application>(
          await operator.patch(`/applications/${application.id}`, { version: 1, outcome: 'accepted' }),
          200,
        );
        expect(corrected).toMatchObject({ outcome: 'accepted', type: { id: created.id, level: 'regional' }, version: 2 });

        // The log names the fields whose value changed, not every field sent.
        expectStatus(await coordinator.patch(`/application-types/${created.id}`, { labelEn: 'School meals', sortOrder: 5 }), 200);
        expect(
          (await auditOf('application_type', created.id)).map((row) => [row.action, row.userId, row.details && JSON.parse(row.details)]),
        ).toEqual([
          ['create', cast.coordinator.id, null],
          ['update', cast.coordinator.id, { fields: ['labelIt', 'level'] }],
          ['update', cast.coordinator.id, { fields: ['active'] }],
          ['update', cast.coordinator.id, { fields: ['sortOrder'] }],
        ]);
        for (const { id, version } of [corrected, other])
          expectStatus(await operator.delete(`/applications/${id}?version=${version}`), 204);
      });

      it('operators and viewers cannot change the catalogue; unknown types are 404, bad input 400', async () => {
        const work = type('purchase_card');
        for (const as of [operator, viewer]) {
          expectProblem(
            await as.post('/application-types', { code: 'sneaky', labelIt: 'X', labelEn: 'X', level: 'municipal' }),
            403,
            'auth.forbidden',
          );
          expectProblem(await as.patch(`/application-types/${work.id}`, { active: false }), 403, 'auth.forbidden');
        }
        expect(await t.db.selectFrom('applicationTypes').select('active').where('id', '=', work.id).executeTakeFirstOrThrow()).toEqual({
          active: 1,
        });
        expectProblem(await coordinator.patch('/application-types/987654', { labelIt: 'Nessuno' }), 404, 'resource.not_found');
        expectProblem(
          await coordinator.post('/application-types', { code: 'Bad Code', labelIt: 'X', labelEn: 'X', level: 'municipal' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.post('/application-types', { code: 'ok_code', labelIt: 'X', labelEn: 'X', level: 'european' }),
          400,
          'validation.failed',
        );
        expectProblem(await coordinator.patch(`/application-types/${work.id}`, { code: 'renamed' }), 400, 'validation.failed');
      });
    });

    describe('applications', () => {
      it('records an application in the person’s centre, by the caller, dated today by default; reads and lists are logged', async () => {
        const created = expectStatus<Application>(
          await operator.post('/applications', { typeId: type('residence_request').id, personId: amina.id, notes: 'Con contratto' }),
          201,
        );
        expect(created).toMatchObject({
          centreId: cast.centreA.id,
          date: today,
          type: { id: type('residence_request').id, code: 'residence_request', level: 'municipal', anagrafe: true },
          outcome: 'submitted',
          person: { id: amina.id, givenNames: 'Amina', familyNames: 'El Idrissi' },
          visitId: null,
          notes: 'Con contratto',
          operator: { id: cast.operatorA.id, displayName: 'Omar Operatore' },
          version: 1,
        });

        // From a visit, without naming the person: the visit's person is the applicant.
        const visit = await visitOf(operator, omar.id);
        const fromVisit = expectStatus<Application>(
          await operator.post('/applications', { typeId: type('child_allowance').id, visitId: visit.id, date: '2024-03-01' }),
          201,
        );
        expect(fromVisit).toMatchObject({ visitId: visit.id, person: { id: omar.id }, centreId: cast.centreA.id });

        const mine = expectStatus<Page<Application>>(await operator.get('/applications', { personId: amina.id }), 200);
        expect(mine.items.map((row) => row.id)).toEqual([created.id]);
        const reads = await t.db
          .selectFrom('auditLog')
          .select(['action', 'entity', 'entityId', 'details'])
          .where('userId', '=', cast.operatorA.id)
          .orderBy('id', 'desc')
          .limit(1)
          .execute();
        expect(reads[0]).toMatchObject({ action: 'read', entity: 'person', entityId: String(amina.id) });
        expect(JSON.parse(reads[0]?.details ?? '{}')).toEqual({ part: 'applications' });

        const all = expectStatus<Page<Application>>(await operator.get('/applications', { anagrafe: 'true' }), 200);
        expect(all.items.map((row) => row.id)).toEqual([created.id]);
        const listing = (await auditOf('application')).filter((row) => row.action === 'list').at(-1);
        expect(JSON.parse(listing?.details ?? '{}')).toEqual({ personIds: [amina.id] });

        // The person's file: one call, with the type's label and level.
        const forFile = await applicationsForPerson(t.db, await actorOf(t.db, cast.operatorA.id), omar.id);
        expect(forFile.map((row) => [row.id, row.type.labelIt, row.type.level])).toEqual([
          [fromVisit.id, 'Assegno unico universale', 'national'],
        ]);
        expect(await applicationsForPerson(t.db, await actorOf(t.db, cast.operatorB.id), omar.id)).toEqual([]);

        for (const { id } of [created, fromVisit]) expectStatus(await operator.delete(`/applications/${id}?version=1`), 204);
      });

      it('refuses future dates, unknown types and fields; another centre’s person or visit is 404; nothing is written', async () => {
        const count = async () => (await t.db.selectFrom('applications').select('id').execute()).length;
        const before = await count();
        const typeId = type('child_allowance').id;
        const future = expectProblem(
          await operator.post('/applications', { typeId, personId: amina.id, date: tomorrow }),
          400,
          'validation.failed',
        );
        expect(future.errors?.[0]?.path).toBe('body.date');
        expectProblem(await operator.post('/applications', { typeId: 987654, personId: amina.id }), 400, 'validation.failed');
        expectProblem(await operator.post('/applications', { typeId, personId: amina.id, sneaky: 1 }), 400, 'validation.failed');
        expectProblem(await operator.post('/applications', { typeId, personId: amina.id, outcome: 'lost' }), 400, 'validation.failed');
        expectProblem(await operator.post('/applications', { typeId, personId: bruno.id }), 404, 'resource.not_found');
        const visitB = await visitOf(operatorB, bruno.id);
        expectProblem(await operator.post('/applications', { typeId, visitId: visitB.id }), 404, 'resource.not_found');
        expectProblem(await operator.post('/applications', { typeId, centreId: cast.centreB.id }), 404, 'resource.not_found');
        // A visit of one person cannot carry another person's application.
        const visitOmar = await visitOf(operator, omar.id);
        const mismatch = expectProblem(
          await operator.post('/applications', { typeId, personId: amina.id, visitId: visitOmar.id }),
          400,
          'validation.failed',
        );
        expect(mismatch.errors?.[0]?.path).toBe('body.visitId');
        expectProblem(await operator.get('/applications', { from: '2024-05-01', to: '2024-04-01' }), 400, 'validation.failed');
        expectProblem(await operator.get('/applications', { foo: 'bar' }), 400, 'validation.failed');
        expect(await count()).toBe(before);

        // Viewers never see the list; nobody writes without personal.write.
        expectProblem(await viewer.get('/applications'), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/applications', { typeId, personId: amina.id }), 403, 'auth.forbidden');
      });

      it('updates name the version read: a stale one is 409 with the current version; the log names changed fields', async () => {
        const created = expectStatus<Application>(
          await operator.post('/applications', { typeId: type('purchase_card').id, personId: amina.id, date: '2024-04-02' }),
          201,
        );
        const updated = expectStatus<Application>(
          await operator.patch(`/applications/${created.id}`, { version: 1, outcome: 'rejected', date: '2024-04-03', notes: null }),
          200,
        );
        expect(updated).toMatchObject({ outcome: 'rejected', date: '2024-04-03', version: 2 });
        const stale = expectProblem(
          await coordinator.patch(`/applications/${created.id}`, { version: 1, outcome: 'accepted' }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        expectProblem(await operator.patch(`/applications/${created.id}`, { version: 2, date: tomorrow }), 400, 'validation.failed');
        expectProblem(await operator.patch(`/applications/${created.id}`, { version: 2, personId: bruno.id }), 404, 'resource.not_found');
        expectProblem(await operatorB.patch(`/applications/${created.id}`, { version: 2, outcome: 'accepted' }), 404, 'resource.not_found');
        expectProblem(await operatorB.delete(`/applications/${created.id}?version=2`), 404, 'resource.not_found');
        const moved = expectStatus<Application>(
          await operator.patch(`/applications/${created.id}`, { version: 2, personId: omar.id }),
          200,
        );
        expect(moved.person?.id).toBe(omar.id);

        // A delete names the version read: none is 400, an old one 409 with the current one.
        expectProblem(await operator.delete(`/applications/${created.id}`), 400, 'validation.failed');
        expect(
          expectProblem(await operator.delete(`/applications/${created.id}?version=2`), 409, 'resource.stale_version').currentVersion,
        ).toBe(3);
        expectStatus(await operator.delete(`/applications/${created.id}?version=3`), 204);
        expectProblem(await operator.delete(`/applications/${created.id}?version=3`), 404, 'resource.not_found');
        const audit = await auditOf('application', created.id);
        expect(audit.map((row) => [row.action, row.centreId, row.details ? JSON.parse(row.details) : null])).toEqual([
          ['create', cast.centreA.id, null],
          ['update', cast.centreA.id, { fields: ['appliedOn', 'outcome'] }],
          ['update', cast.centreA.id, { fields: ['personId'] }],
          ['delete', cast.centreA.id, null],
        ]);
      });

      it('an application agrees with its visit: a person’s visit takes that person, never nobody', async () => {
        const typeId = type('purchase_card').id;
        const visitOmar = await visitOf(operator, omar.id);
        const anonymousVisit = expectStatus<Visit>(
          await operator.post('/visits', {
            date: '2024-03-02',
            anonymous: { gender: 'male', citizenship: 'TN', ageBand: '30-44' },
            topicIds: [(topics[0] as Topic).id],
          }),
          201,
        );
        const count = async () => (await t.db.selectFrom('applications').select('id').execute()).length;
        const before = await count();
        // An explicit null says "nobody": a person's visit cannot then be named.
        const nobody = expectProblem(
          await operator.post('/applications', { typeId, personId: null, visitId: visitOmar.id, date: '2024-03-02' }),
          400,
          'validation.failed',
        );
        expect(nobody.errors?.[0]?.path).toBe('body.visitId');
        expect(await count()).toBe(before);
        const anonymous = expectStatus<Application>(
          await operator.post('/applications', { typeId, personId: null, visitId: anonymousVisit.id, date: '2024-03-02' }),
          201,
        );
        expect(anonymous).toMatchObject({ person: null, visitId: anonymousVisit.id });

        // Taking the person off an application whose visit is theirs: the visit must go too.
        const linked = expectStatus<Application>(
          await operator.post('/applications', { typeId, visitId: visitOmar.id, date: '2024-03-02' }),
          201,
        );
        expect(linked.person?.id).toBe(omar.id);
        expectProblem(await operator.patch(`/applications/${linked.id}`, { version: 1, personId: null }), 400, 'validation.failed');
        const unlinked = expectStatus<Application>(
          await operator.patch(`/applications/${linked.id}`, { version: 1, personId: null, visitId: null }),
          200,
        );
        expect(unlinked).toMatchObject({ person: null, visitId: null, version: 2 });
        // Without a person, only an anonymous visit; a person's visit named alone brings its person back.
        expectProblem(
          await operator.patch(`/applications/${linked.id}`, { version: 2, personId: null, visitId: visitOmar.id }),
          400,
          'validation.failed',
        );
        expectStatus(await operator.patch(`/applications/${linked.id}`, { version: 2, visitId: anonymousVisit.id }), 200);
        const relinked = expectStatus<Application>(
          await operator.patch(`/applications/${linked.id}`, { version: 3, visitId: visitOmar.id }),
          200,
        );
        expect(relinked).toMatchObject({ person: { id: omar.id }, visitId: visitOmar.id, version: 4 });

        for (const { id } of [anonymous]) expectStatus(await operator.delete(`/applications/${id}?version=1`), 204);
        expectStatus(await operator.delete(`/applications/${linked.id}?version=4`), 204);
      });

      it('the summary counts by type and by level, each adding up to the total; viewers get it, bounded by centre', async () => {
        const record = async (as: Api, code: string, personId: number, date: string, outcome = 'submitted') =>
          expectStatus<Application>(await as.post('/applications', { typeId: type(code).id, personId, date, outcome }), 201);
        const made = [
          await record(operator, 'residence_request', amina.id, '2023-02-01'),
          await record(operator, 'residence_request', omar.id, '2023-03-01', 'accepted'),
          await record(operator, 'registry_certificates', omar.id, '2023-03-02'),
          await record(operator, 'child_allowance', amina.id, '2023-05-01', 'accepted'),
          await record(operator, 'regional_grant', amina.id, '2023-06-01', 'rejected'),
          await record(operator, 'citizenship', omar.id, '2023-12-31', 'unknown'),
          await record(operator, 'citizenship', omar.id, '2022-12-31'), // another year
          await record(operatorB, 'rent_support', bruno.id, '2023-07-01'), // another centre
        ];
        const summary = expectStatus<ApplicationSummary>(
          await viewer.get('/applications/summary', { from: '2023-01-01', to: '2023-12-31' }),
          200,
        );
        expect(summary.total).toBe(6);
        expect(summary.byLevel).toEqual({ municipal: 3, regional: 1, national: 2 });
        expect(summary.anagrafe).toBe(3);
        expect(summary.byOutcome).toEqual({ submitted: 2, accepted: 2, rejected: 1, unknown: 1 });
        expect(sum(summary.byType.map((row) => row.count))).toBe(summary.total);
        expect(sum(Object.values(summary.byLevel))).toBe(summary.total);
        expect(sum(Object.values(summary.byOutcome))).toBe(summary.total);
        expect(summary.byType.map((row) => [row.code, row.level, row.anagrafe, row.count])).toEqual([
          ['residence_request', 'municipal', true, 2],
          ['registry_certificates', 'municipal', true, 1],
          ['regional_grant', 'regional', false, 1],
          ['child_allowance', 'national', false, 1],
          ['citizenship', 'national', false, 1],
        ]);
        // The administrator works in both centres: the figures add the two, or cut by one.
        const both = expectStatus<ApplicationSummary>(
          await admin.get('/applications/summary', { from: '2023-01-01', to: '2023-12-31' }),
          200,
        );
        expect(both.total).toBe(7);
        const onlyB = expectStatus<ApplicationSummary>(
          await admin.get('/applications/summary', { from: '2023-01-01', to: '2023-12-31', centreId: cast.centreB.id }),
          200,
        );
        expect(onlyB).toMatchObject({ total: 1, byLevel: { municipal: 1, regional: 0, national: 0 } });
        expectProblem(await viewer.get('/applications/summary', { centreId: cast.centreB.id }), 404, 'resource.not_found');
        expectProblem(await viewer.get('/applications/summary', { personId: amina.id }), 400, 'validation.failed');
        // The list filters alike.
        const national = expectStatus<Page<Application>>(
          await operator.get('/applications', { from: '2023-01-01', to: '2023-12-31', level: 'national' }),
          200,
        );
        expect(national.total).toBe(2);
        expect(national.items.map((row) => row.date)).toEqual(['2023-12-31', '2023-05-01']);
        for (const application of made) {
          const as = application.centreId === cast.centreB.id ? operatorB : operator;
          expectStatus(await as.delete(`/applications/${application.id}?version=${application.version}`), 204);
        }
      });
      it('erasing a person keeps their applications and PC uses in the figures, unlinked', async () => {
        const leaving = await person(operator, 'Yusuf', 'Demir');
        const application = expectStatus<Application>(
          await operator.post('/applications', {
            typeId: type('citizenship').id,
            personId: leaving.id,
            date: '2021-05-05',
            notes: 'Yusuf porta i documenti lunedì',
          }),
          201,
        );
        expectStatus(
          await operator.post('/pc-station-uses', { date: '2021-05-05', personId: leaving.id, purpose: 'email', minutes: 20 }),
          201,
        );
        const period = { from: '2021-01-01', to: '2021-12-31' };
        const before = {
          applications: expectStatus<ApplicationSummary>(await viewer.get('/applications/summary', period), 200),
          pc: expectStatus<PcStationSummary>(await viewer.get('/pc-station-uses/summary', period), 200),
        };
        expectStatus(await coordinator.post(erasurePath(leaving.id), ERASURE_REQUEST), 201);
        expect(expectStatus<ApplicationSummary>(await viewer.get('/applications/summary', period), 200)).toEqual(before.applications);
        const pcAfter = expectStatus<PcStationSummary>(await viewer.get('/pc-station-uses/summary', period), 200);
        expect(pcAfter).toMatchObject({ uses: before.pc.uses, minutes: before.pc.minutes });
        const listed = expectStatus<Page<Application>>(await operator.get('/applications', period), 200);
        // Unlinked, and its free text (which may name the person) is gone.
        expect(listed.items.find((row) => row.id === application.id)).toMatchObject({ person: null, notes: null });
        expectStatus(await operator.delete(`/applications/${application.id}?version=${application.version}`), 204);
      });
    });

    describe('the PC station', () => {
      it('logs uses with or without a person, and counts uses, minutes, people and purposes that add up', async () => {
        const anonymous = expectStatus<PcStationUse>(await operator.post('/pc-station-uses', { purpose: 'job_search', minutes: 30 }), 201);
        expect(anonymous).toMatchObject({
          centreId: cast.centreA.id,
          date: today,
          person: null,
          purpose: 'job_search',
          minutes: 30,
          operator: { id: cast.operatorA.id, displayName: 'Omar Operatore' },
        });
        const uses = [
          anonymous,
          expectStatus<PcStationUse>(
            await operator.post('/pc-station-uses', { date: '2024-02-01', personId: amina.id, purpose: 'documents_online', minutes: 45 }),
            201,
          ),
          expectStatus<PcStationUse>(
            await operator.post('/pc-station-uses', { date: '2024-02-02', personId: amina.id, purpose: 'printing_scanning', minutes: 10 }),
            201,
          ),
          expectStatus<PcStationUse>(
            await operator.post('/pc-station-uses', { date: '2024-02-03', personId: omar.id, purpose: 'job_search', minutes: 60 }),
            201,
          ),
        ];
        expectStatus(
          await operatorB.post('/pc-station-uses', { date: '2024-02-03', personId: bruno.id, purpose: 'email', minutes: 5 }),
          201,
        );
        expect(uses[1]?.person).toEqual({ id: amina.id, givenNames: 'Amina', familyNames: 'El Idrissi' });

        const summary = expectStatus<PcStationSummary>(
          await viewer.get('/pc-station-uses/summary', { from: '2024-01-01', to: today }),
          200,
        );
        expect(summary).toMatchObject({ uses: 4, minutes: 145, people: 2 });
        expect(summary.byPurpose.job_search).toEqual({ uses: 2, minutes: 90 });
        expect(summary.byPurpose.email).toEqual({ uses: 0, minutes: 0 });
        expect(sum(Object.values(summary.byPurpose).map((row) => row.uses))).toBe(summary.uses);
        expect(sum(Object.values(summary.byPurpose).map((row) => row.minutes))).toBe(summary.minutes);

        const list = expectStatus<Page<PcStationUse>>(
          await operator.get('/pc-station-uses', { from: '2024-02-01', to: '2024-02-28' }),
          200,
        );
        expect(list.items.map((row) => row.id)).toEqual([uses[3]?.id, uses[2]?.id, uses[1]?.id]);
        const listing = (await auditOf('pc_station_use')).filter((row) => row.action === 'list').at(-1);
        expect(JSON.parse(listing?.details ?? '{}')).toEqual({ personIds: [omar.id, amina.id] });
        const forFile = await pcStationUsesForPerson(t.db, await actorOf(t.db, cast.operatorA.id), amina.id);
        expect(forFile.map((row) => row.purpose)).toEqual(['printing_scanning', 'documents_online']);

        expectStatus(await operator.delete(`/pc-station-uses/${uses[2]?.id}`), 204);
        expect((await auditOf('pc_station_use', uses[2]?.id)).map((row) => [row.action, row.userId])).toEqual([
          ['create', cast.operatorA.id],
          ['delete', cast.operatorA.id],
        ]);
      });

      it('validates minutes, purpose and date; another centre’s person or use is 404; viewers only get the figures', async () => {
        const before = (await t.db.selectFrom('pcStationUses').select('id').execute()).length;
        for (const body of [
          { purpose: 'job_search', minutes: 0 },
          { purpose: 'job_search', minutes: 601 },
          { purpose: 'job_search', minutes: 1.5 },
          { purpose: 'gaming', minutes: 10 },
          { purpose: 'job_search', minutes: 10, date: tomorrow },
          { purpose: 'job_search', minutes: 10, extra: true },
        ]) {
          expectProblem(await operator.post('/pc-station-uses', body), 400, 'validation.failed');
        }
        expectProblem(
          await operator.post('/pc-station-uses', { purpose: 'email', minutes: 5, personId: bruno.id }),
          404,
          'resource.not_found',
        );
        expect((await t.db.selectFrom('pcStationUses').select('id').execute()).length).toBe(before);

        const theirs = expectStatus<Page<PcStationUse>>(await operatorB.get('/pc-station-uses'), 200);
        expect(theirs.items.every((row) => row.centreId === cast.centreB.id)).toBe(true);
        expectProblem(await operator.delete(`/pc-station-uses/${theirs.items[0]?.id}`), 404, 'resource.not_found');
        expectProblem(await viewer.get('/pc-station-uses'), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/pc-station-uses', { purpose: 'email', minutes: 5 }), 403, 'auth.forbidden');
        expectStatus(await viewer.get('/pc-station-uses/summary'), 200);
      });
    });

    describe('legal consultations', () => {
      let caseAmina: number;
      let caseFamily: number;
      let caseClosed: number;
      let caseB: number;
      let parent: Person;
      let child: Person;

      beforeAll(async () => {
        parent = await person(operator, 'Karim', 'Benali');
        child = await person(operator, 'Sara', 'Benali');
        caseAmina = await openCase(cast.centreA.id, { personId: amina.id });
        caseFamily = await openCase(cast.centreA.id, { householdName: 'Famiglia Benali', memberIds: [parent.id, child.id] });
        caseClosed = await openCase(cast.centreA.id, { personId: omar.id }, 'closed');
        caseB = await openCase(cast.centreB.id, { personId: bruno.id });
      });

      it('records a consultation with the cases of its centre, named; opening it is logged', async () => {
        const options = expectStatus<CaseOption[]>(await operator.get('/legal-consultations/case-options'), 200);
        expect(options.map((row) => [row.id, row.kind, row.name])).toEqual([
          [caseFamily, 'household', 'Famiglia Benali'],
          [caseAmina, 'person', 'El Idrissi Amina'],
        ]);
        expect(options.map((row) => row.id)).not.toContain(caseClosed);
        // The people shown are logged: a household's case by the members it names.
        const optionsLog = (await auditOf('legal_case_option')).at(-1);
        expect(JSON.parse(optionsLog?.details ?? '{}')).toEqual({ personIds: [amina.id, parent.id, child.id] });

        const created = expectStatus<LegalConsultation>(
          await operator.post('/legal-consultations', {
            date: '2024-03-15',
            minutes: 120,
            lawyerName: 'Avv. Maria Bianchi',
            caseIds: [caseAmina, caseFamily, caseAmina, caseClosed],
            questions: 'Rinnovo del permesso con contratto scaduto; ricongiungimento.',
            guidance: 'Presentare istanza entro 60 giorni.',
          }),
          201,
        );
        expect(created).toMatchObject({
          centreId: cast.centreA.id,
          date: '2024-03-15',
          minutes: 120,
          lawyerName: 'Avv. Maria Bianchi',
          createdBy: { id: cast.operatorA.id },
          version: 1,
        });
        expect(created.cases.map((row) => [row.id, row.name])).toEqual([
          [caseAmina, 'El Idrissi Amina'],
          [caseFamily, 'Famiglia Benali'],
          [caseClosed, 'Benali Omar'],
        ]);

        const read = expectStatus<LegalConsultation>(await coordinator.get(`/legal-consultations/${created.id}`), 200);
        expect(read.cases).toHaveLength(3);
        const audit = await auditOf('legal_consultation', created.id);
        expect(audit.map((row) => [row.action, row.userId])).toEqual([
          ['create', cast.operatorA.id],
          ['read', cast.coordinator.id],
        ]);
        expect(JSON.parse(audit[1]?.details ?? '{}')).toEqual({ personIds: [amina.id, omar.id, parent.id, child.id] });

        // The list shows the start of the questions only; the whole text and the guidance are read (and logged) in the consultation.
        const list = expectStatus<Page<LegalConsultationListItem>>(await operator.get('/legal-consultations'), 200);
        expect(list.items.find((row) => row.id === created.id)).toEqual({
          id: created.id,
          centreId: cast.centreA.id,
          date: '2024-03-15',
          minutes: 120,
          lawyerName: 'Avv. Maria Bianchi',
          createdBy: { id: cast.operatorA.id, displayName: expect.any(String) },
          version: 1,
          questionsExcerpt: 'Rinnovo del permesso con contratto scaduto; ricongiungimento.',
          caseCount: 3,
        });
        expectStatus(await operator.delete(`/legal-consultations/${created.id}?version=1`), 204);
      });

      it('a list cuts long questions to an excerpt (characters, not UTF-16 units), alike on both databases', async () => {
        const long = `${'è'.repeat(150)}${'😀'.repeat(60)} segreto`;
        const created = expectStatus<LegalConsultation>(
          await operator.post('/legal-consultations', { date: '2019-01-07', minutes: 30, questions: long, guidance: 'Riservato' }),
          201,
        );
        const exact = expectStatus<LegalConsultation>(
          await operator.post('/legal-consultations', { date: '2019-01-08', minutes: 30, questions: 'x'.repeat(200) }),
          201,
        );
        const list = expectStatus<Page<LegalConsultationListItem>>(
          await operator.get('/legal-consultations', { from: '2019-01-01', to: '2019-01-31' }),
          200,
        );
        const [second, first] = list.items;
        expect(first?.questionsExcerpt).toBe(`${'è'.repeat(150)}${'😀'.repeat(50)}…`);
        expect(second?.questionsExcerpt).toBe('x'.repeat(200));
        expect(JSON.stringify(list)).not.toMatch(/segreto|Riservato/);
        for (const { id } of [created, exact]) expectStatus(await operator.delete(`/legal-consultations/${id}?version=1`), 204);
      });

      it('another centre’s case is 404 and nothing is written; another centre’s consultation is 404', async () => {
        const before = (await t.db.selectFrom('legalConsultations').select('id').execute()).length;
        expectProblem(
          await operator.post('/legal-consultations', { minutes: 60, caseIds: [caseAmina, caseB], questions: 'Domande' }),
          404,
          'resource.not_found',
        );
        expectProblem(
          await operator.post('/legal-consultations', { minutes: 60, caseIds: [987654], questions: 'Domande' }),
          404,
          'resource.not_found',
        );
        expect((await t.db.selectFrom('legalConsultations').select('id').execute()).length).toBe(before);
        expect(await t.db.selectFrom('legalConsultationCases').select('caseId').execute()).toEqual([]);
        for (const body of [
          { minutes: 0, questions: 'Domande' },
          { minutes: 60, questions: '' },
          { minutes: 60, questions: 'Domande', date: tomorrow },
          { minutes: 60, questions: 'Domande', lawyer: 'X' },
        ]) {
          expectProblem(await operator.post('/legal-consultations', body), 400, 'validation.failed');
        }

        const theirs = expectStatus<LegalConsultation>(
          await operatorB.post('/legal-consultations', { minutes: 30, caseIds: [caseB], questions: 'Domande di B' }),
          201,
        );
        expectProblem(await operator.get(`/legal-consultations/${theirs.id}`), 404, 'resource.not_found');
        expectProblem(await operator.patch(`/legal-consultations/${theirs.id}`, { version: 1, minutes: 10 }), 404, 'resource.not_found');
        expectProblem(await operator.delete(`/legal-consultations/${theirs.id}?version=1`), 404, 'resource.not_found');
        const options = expectStatus<CaseOption[]>(await operator.get('/legal-consultations/case-options'), 200);
        expect(options.map((row) => row.id)).not.toContain(caseB);
        expectProblem(await operator.get('/legal-consultations/case-options', { centreId: cast.centreB.id }), 404, 'resource.not_found');
        expectStatus(await operatorB.delete(`/legal-consultations/${theirs.id}?version=1`), 204);
      });

      it('updates name the version: stale is 409; sent cases replace the old ones; the log names the fields', async () => {
        const created = expectStatus<LegalConsultation>(
          await operator.post('/legal-consultations', { date: '2024-04-10', minutes: 90, caseIds: [caseAmina], questions: 'Prima' }),
          201,
        );
        expect(created.lawyerName).toBeNull();
        const updated = expectStatus<LegalConsultation>(
          await operator.patch(`/legal-consultations/${created.id}`, { version: 1, caseIds: [caseFamily], guidance: 'Risposta' }),
          200,
        );
        expect(updated).toMatchObject({ version: 2, guidance: 'Risposta', questions: 'Prima' });
        expect(updated.cases.map((row) => row.id)).toEqual([caseFamily]);
        const stale = expectProblem(
          await coordinator.patch(`/legal-consultations/${created.id}`, { version: 1, minutes: 30 }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        expectProblem(
          await operator.patch(`/legal-consultations/${created.id}`, { version: 2, caseIds: [caseB] }),
          404,
          'resource.not_found',
        );
        const unchanged = expectStatus<LegalConsultation>(await operator.get(`/legal-consultations/${created.id}`), 200);
        expect(unchanged).toMatchObject({ version: 2, cases: [{ id: caseFamily }] });
        const audit = await auditOf('legal_consultation', created.id);
        expect(audit.filter((row) => row.action === 'update').map((row) => JSON.parse(row.details ?? '{}'))).toEqual([
          { fields: ['guidance', 'caseIds'] },
        ]);
        expectProblem(await operator.delete(`/legal-consultations/${created.id}?version=1`), 409, 'resource.stale_version');
        expectStatus(await operator.delete(`/legal-consultations/${created.id}?version=2`), 204);
        expect(await t.db.selectFrom('legalConsultationCases').select('caseId').where('consultationId', '=', created.id).execute()).toEqual(
          [],
        );
      });

      it('a viewer gets 403 on the consultations but the figures, without case ids; distinct cases count once', async () => {
        const made = [
          expectStatus<LegalConsultation>(
            await operator.post('/legal-consultations', {
              date: '2024-05-02',
              minutes: 60,
              caseIds: [caseAmina, caseFamily],
              questions: 'A',
            }),
            201,
          ),
          expectStatus<LegalConsultation>(
            await operator.post('/legal-consultations', { date: '2024-06-02', minutes: 45, caseIds: [caseAmina], questions: 'B' }),
            201,
          ),
          expectStatus<LegalConsultation>(
            await operator.post('/legal-consultations', { date: '2024-06-20', minutes: 30, questions: 'Senza casi' }),
            201,
          ),
          expectStatus<LegalConsultation>(
            await operator.post('/legal-consultations', {
              date: '2023-06-20',
              minutes: 30,
              caseIds: [caseClosed],
              questions: 'Anno prima',
            }),
            201,
          ),
        ];
        expectProblem(await viewer.get(`/legal-consultations/${made[0]?.id}`), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/legal-consultations'), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/legal-consultations/case-options'), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/legal-consultations', { minutes: 5, questions: 'X' }), 403, 'auth.forbidden');
        const summary = expectStatus<LegalSummary>(
          await viewer.get('/legal-consultations/summary', { from: '2024-01-01', to: '2024-12-31' }),
          200,
        );
        expect(summary).toEqual({ consultations: 3, minutes: 135, casesDiscussed: 2 });
        const inPeriod = expectStatus<Page<LegalConsultationListItem>>(
          await operator.get('/legal-consultations', { from: '2024-06-01', to: '2024-06-30' }),
          200,
        );
        expect(inPeriod.items.map((row) => row.date)).toEqual(['2024-06-20', '2024-06-02']);
        for (const consultation of made) expectStatus(await operator.delete(`/legal-consultations/${consultation.id}?version=1`), 204);
      });
    });
  });
}

describe('migration 0002 on a database with organisations already', () => {
  it('gives each existing organisation the default application types', async () => {
    const database = createDatabase('sqlite::memory:');
    try {
      const migrate = (steps: Record<string, ReturnType<typeof care>>) =>
        new Migrator({ db: database.db, provider: { getMigrations: async () => steps } }).migrateToLatest();
      expect((await migrate({ '0001-foundation': foundation('sqlite') })).error).toBeUndefined();
      const now = new Date().toISOString();
      for (const name of ['Comune di Jesi', 'Ambito 9'])
        await database.db.insertInto('organisations').values({ name, createdAt: now }).execute();
      expect((await migrate({ '0001-foundation': foundation('sqlite'), '0002-care': care('sqlite') })).error).toBeUndefined();
      const rows = await database.db
        .selectFrom('applicationTypes')
        .select(['organisationId', 'code', 'level', 'anagrafe', 'sortOrder'])
        .orderBy('organisationId')
        .orderBy('sortOrder')
        .execute();
      expect(rows).toHaveLength(DEFAULT_APPLICATION_TYPES.length * 2);
      // The migration's frozen copy matches today's defaults.
      expect(rows.slice(0, DEFAULT_APPLICATION_TYPES.length).map((row) => [row.code, row.level, row.anagrafe === 1])).toEqual(
        DEFAULT_APPLICATION_TYPES.map((row) => [row.code, row.level, row.anagrafe]),
      );
    } finally {
      await database.close();
    }
  });
});
