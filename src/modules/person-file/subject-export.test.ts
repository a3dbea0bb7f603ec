/**
 * A person's data given back (GDPR arts. 15 and 20), on both databases: the JSON and the PDF
 * hold what the person has and nothing of anyone else, restricted notes follow the diary's rule,
 * the export is logged as a read and an export, and it is bounded by centre and role.
 */
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
import { pdfText } from '../../../test/support/pdf.js';
import type { Case } from '../../contracts/cases.js';
import type { CourseKind } from '../../contracts/courses.js';
import type { Person } from '../../contracts/people.js';
import { SUBJECT_EXPORT_SCHEMA, type SubjectExport } from '../../contracts/subject-export.js';
import type { Topic } from '../../contracts/visits.js';
import { maskOthers } from './subject-export.usecases.js';

describe('maskOthers', () => {
  it("masks another person's names as whole words, keeping the names the person shares", () => {
    const mask = maskOthers([{ givenNames: 'Karim', familyNames: 'Benali Haddad' }], { givenNames: 'Aisha', familyNames: 'Benali' });
    expect(mask('Colloquio con karim Haddad e Aisha Benali; Karimov no')).toBe(
      'Colloquio con [omissis] [omissis] e Aisha Benali; Karimov no',
    );
    expect(mask(null)).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: a person's data given back`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api; // creates the case: its responsible operator
    let operator2: Api;
    let coordinator: Api;
    let operatorB: Api;
    let viewer: Api;
    let person: Person;

    const newPerson = async (givenNames: string, familyNames: string) =>
      expectStatus<Person>(await operator.post('/people', { givenNames, familyNames, gender: 'female', citizenship: 'MA' }), 201);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, coordinator, operatorB, viewer] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.coordinator, cast.operatorB, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];

      person = await newPerson('Aisha', 'Benali');
      const partner = await newPerson('Karim', 'Haddad');
      const stranger = await newPerson('Lina', 'Rossolini');
      const topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
      const visit = (personId: number, date: string, notes?: string) =>
        operator.post('/visits', {
          personId,
          date,
          time: '10:00',
          channel: 'in_person',
          referralSource: 'spontaneous',
          topicIds: [topics[0]?.id],
          ...(notes && { notes }),
        });
      expectStatus(await visit(person.id, '2024-03-08', 'Accompagnata da Karim'), 201);
      expectStatus(await visit(stranger.id, '2024-03-09', 'Visita di Lina'), 201);
      expectStatus(
        await operator.post('/households', {
          name: 'Benali',
          members: [
            { personId: person.id, relation: 'reference_person' },
            { personId: partner.id, relation: 'spouse_partner' },
          ],
        }),
        201,
      );

      const openCase = async (personId: number) =>
        expectStatus<Case>(
          await operator.post('/cases', { personId, openedOn: '2024-03-08', areas: ['documents'], referralSource: 'spontaneous' }),
          201,
        );
      const own = await openCase(person.id);
      const strangers = await openCase(stranger.id);
      expectStatus(await operator.post(`/cases/${own.id}/notes`, { noteDate: '2024-03-08', body: 'Primo colloquio, presente Karim' }), 201);
      expectStatus(
        await operator.post(`/cases/${own.id}/notes`, { noteDate: '2024-03-09', body: 'Referto medico consegnato', restriction: 'health' }),
        201,
      );
      expectStatus(await operator.post(`/cases/${strangers.id}/notes`, { noteDate: '2024-03-09', body: 'Nota sul caso di Lina' }), 201);
      expectStatus(
        await operator.post(`/people/${person.id}/permits`, {
          permitType: 'family',
          number: 'PS0042',
          issuedOn: '2023-05-01',
          expiresOn: '2025-05-01',
          renewalStatus: 'none',
        }),
        201,
      );
      const kinds = expectStatus<CourseKind[]>(await operator.get('/course-kinds'), 200);
      const course = expectStatus<{ id: number }>(
        await coordinator.post('/courses', {
          kindId: kinds[0]?.id,
          title: 'Italiano A1 serale',
          level: 'A1',
          startDate: '2024-03-04',
          endDate: '2024-04-29',
          weekdays: [1],
          startTime: '18:00',
          lessonMinutes: 120,
        }),
        201,
      );
      expectStatus(
        await operator.post(`/courses/${course.id}/enrolments`, {
          personId: person.id,
          programme: 'centre_user',
          enrolledOn: '2024-03-01',
        }),
        201,
      );
      expectStatus(await operator.post(`/people/${person.id}/privacy-notices`, { givenOn: '2024-03-08', language: 'ar' }), 201);
      expectStatus(
        await coordinator.post(`/people/${person.id}/erasure-requests`, {
          requestedOn: '2024-04-01',
          reason: 'Non vuole essere registrata',
          outcome: 'refused',
          refusalReason: 'Pratica di rinnovo in corso',
        }),
        201,
      );
      expectStatus(await operator.post('/events', { title: 'Visita al museo', date: '2024-05-10', participantIds: [person.id] }), 201);
      expectStatus(
        await operator.post('/legal-consultations', {
          date: '2024-03-20',
          minutes: 30,
          caseIds: [own.id],
          questions: 'Ricongiungimento possibile?',
        }),
        201,
      );
      expectStatus(
        await operator.post('/legal-consultations', {
          date: '2024-03-21',
          minutes: 45,
          caseIds: [own.id, strangers.id],
          questions: 'Due casi a confronto',
        }),
        201,
      );
    });
    afterAll(() => t?.close());

    const exportJson = async (as: Api) => {
      const res = await as.get(`/people/${person.id}/export.json`);
      return { res, data: expectStatus<SubjectExport>(res, 200) };
    };

    it('gives everything the person has, as JSON, and nothing of anyone else', async () => {
      const { res, data } = await exportJson(operator);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dati-benali-aisha-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(data.schema).toBe(SUBJECT_EXPORT_SCHEMA);
      expect(data.person).toMatchObject({ givenNames: 'Aisha', familyNames: 'Benali', citizenship: 'MA' });
      expect(data.visits).toHaveLength(1);
      expect(data.visits[0]).toMatchObject({ date: '2024-03-08', time: '10:00', notes: 'Accompagnata da [omissis]' });
      expect(data.visits[0]?.topics).toHaveLength(1);
      expect(data.cases).toHaveLength(1);
      expect(data.cases[0]?.notes.map((n) => n.body)).toEqual(['Primo colloquio, presente [omissis]', 'Referto medico consegnato']);
      expect(data.cases[0]?.withheldNotes).toBe(0);
      expect(data.household.current).toMatchObject({
        name: 'Benali',
        relation: 'reference_person',
        otherMembers: [{ relation: 'spouse_partner' }],
      });
      expect(data.documents.residencePermits).toEqual([
        expect.objectContaining({ permitType: 'family', number: 'PS0042', expiresOn: '2025-05-01' }),
      ]);
      expect(data.courses.enrolments).toEqual([expect.objectContaining({ course: 'Italiano A1 serale', enrolledOn: '2024-03-01' })]);
      expect(data.events).toEqual([{ title: 'Visita al museo', date: '2024-05-10', place: null }]);
      // The consultation about the person alone is given whole; the one shared with another case, without its text.
      expect(data.activities.legalConsultations).toEqual([
        expect.objectContaining({ date: '2024-03-20', questions: 'Ricongiungimento possibile?', textWithheld: false }),
        expect.objectContaining({ date: '2024-03-21', questions: null, guidance: null, textWithheld: true }),
      ]);
      expect(data.privacyNotices).toEqual([expect.objectContaining({ givenOn: '2024-03-08', language: 'ar' })]);
      expect(data.erasureRequests).toEqual([
        {
          requestedOn: '2024-04-01',
          reason: 'Non vuole essere registrata',
          outcome: 'refused',
          refusalReason: 'Pratica di rinnovo in corso',
        },
      ]);
      expect(data.restrictedNotesRule).toMatch(/note riservate/i);
      const text = JSON.stringify(data);
      for (const other of ['Karim', 'Haddad', 'Lina', 'Rossolini', '2024-03-09T', 'Due casi']) expect(text).not.toContain(other);
    });

    it("a household case: the person's relation, the other members by relation only, their names masked, its restricted notes withheld", async () => {
      const fatima = await newPerson('Fatima', 'Zahra');
      const youssef = await newPerson('Youssef', 'Amrani');
      const household = expectStatus<{ id: number }>(
        await operator.post('/households', {
          name: 'Zahra Amrani',
          members: [
            { personId: fatima.id, relation: 'reference_person' },
            { personId: youssef.id, relation: 'spouse_partner' },
          ],
        }),
        201,
      );
      const c = expectStatus<Case>(
        await operator.post('/cases', {
          householdId: household.id,
          areas: ['work'],
          referralSource: 'spontaneous',
        }),
        201,
      );
      expectStatus(await operator.post(`/cases/${c.id}/notes`, { body: 'Youssef Amrani cerca lavoro' }), 201);
      // A restricted note of a household's case may be about another member: never given, though its author may read it.
      expectStatus(await operator.post(`/cases/${c.id}/notes`, { body: 'Il marito: referto', restriction: 'health' }), 201);
      const data = expectStatus<SubjectExport>(await operator.get(`/people/${fatima.id}/export.json`), 200);
      expect(data.cases).toEqual([
        expect.objectContaining({ of: 'household', relation: 'reference_person', otherMembers: [{ relation: 'spouse_partner' }] }),
      ]);
      expect(data.cases[0]?.notes.map((n) => n.body)).toEqual(['[omissis] [omissis] cerca lavoro']);
      expect(data.cases[0]?.withheldNotes).toBe(1);
      expect(JSON.stringify(data)).not.toContain('referto');
      expect(data.household.current?.name).toBe('Zahra [omissis]');
      expect(JSON.stringify(data)).not.toMatch(/Youssef|Amrani/);
    });

    it('gives restricted notes only to who may read them, and counts the others', async () => {
      const other = (await exportJson(operator2)).data;
      expect(other.cases[0]?.notes.map((n) => n.body)).toEqual(['Primo colloquio, presente [omissis]']);
      expect(other.cases[0]?.withheldNotes).toBe(1);
      expect(JSON.stringify(other)).not.toContain('Referto');
      expect((await exportJson(coordinator)).data.cases[0]?.notes).toHaveLength(2);
    });

    it('prints the PDF in Italian: name, dates as 08/03/2024, every section, the rule on the last page', async () => {
      const res = await operator2.get(`/people/${person.id}/export.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dati-benali-aisha-.*\.pdf"$/);
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('Dati personali di Aisha Benali');
      expect(text).toContain('08/03/2024');
      for (const title of [
        'Identità e contatti',
        'Residenza',
        'Visite',
        'Percorsi di presa in carico',
        'Nucleo familiare',
        'Documenti',
        'Corsi',
        'Attività',
        'Eventi',
        'Informative sulla privacy',
        'Destinatari dei dati',
        'Che cosa contiene questa copia',
      ]) {
        expect(text).toContain(title);
      }
      expect(text).toContain('08/03/2024 · versione');
      expect(text).toContain('Richieste di cancellazione');
      expect(text).toContain('Note riservate non incluse: 1');
      expect(text).not.toContain('Referto');
      expect(text).not.toContain('Karim');
    });

    it('logs the export as a read of the file and as an export with its format', async () => {
      const before = await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      expect((await operator.get(`/people/${person.id}/export.pdf`)).statusCode).toBe(200);
      const rows = await t.db.selectFrom('auditLog').selectAll().where('id', '>', Number(before.m)).orderBy('id').execute();
      expect(rows.map((r) => [r.action, r.entity, r.entityId, r.userId, r.centreId, JSON.parse(r.details ?? '{}')])).toEqual([
        ['read', 'person', String(person.id), cast.operatorA.id, cast.centreA.id, { part: 'export' }],
        ['export', 'person', String(person.id), cast.operatorA.id, cast.centreA.id, { format: 'pdf' }],
      ]);
      // The reads show in the next export's recipients, by role.
      const { data } = await exportJson(operator);
      expect(data.recipients.readers.map((r) => r.role).sort()).toEqual(['coordinator', 'operator']);
    });

    it('answers 404 to another centre, 403 to a viewer, 401 without a login, and logs nothing then', async () => {
      const before = await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      for (const format of ['json', 'pdf']) {
        const path = `/people/${person.id}/export.${format}`;
        expectProblem(await operatorB.get(path), 404, 'resource.not_found');
        expectProblem(await viewer.get(path), 403, 'auth.forbidden');
        expectProblem(await api(t.app, null).get(path), 401, 'auth.unauthenticated');
        expectProblem(await operator.get(`/people/999999/export.${format}`), 404, 'resource.not_found');
      }
      expectProblem(await operator.get('/people/abc/export.json'), 400, 'validation.failed');
      const after = await t.db.selectFrom('auditLog').selectAll().where('id', '>', Number(before.m)).execute();
      expect(after.filter((r) => r.action === 'export' || (r.action === 'read' && r.entity === 'person'))).toEqual([]);
    });
  });
}
