/**
 * Every list page's exports (issue 15), on both databases: the CSV and the XLSX hold exactly the
 * rows the list shows for the same filters, in its order, under Italian headers; a value starting
 * with '=' is never a formula; an operator of centre A never gets B's rows, a viewer nothing;
 * each export is logged. (The visits' export, on the same helper, is tested in visits.test.ts.)
 */
import ExcelJS from 'exceljs';
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
import { asCsvText, readCsv, readXlsx } from '../../../test/support/exports.js';
import type { ApplicationType } from '../../contracts/activities.js';
import type { Page } from '../../contracts/common.js';
import type { Enrolment } from '../../contracts/course-enrolments.js';
import type { LessonAttendance } from '../../contracts/course-lessons.js';
import type { Deadlines } from '../../contracts/documents.js';
import type { Person } from '../../contracts/people.js';
import { addDays, todayInRome } from '../../domain/dates.js';

type Row = Record<string, unknown>;
type Name = { givenNames: string; familyNames: string } | null;
const nameOf = (p: Name) => (p ? `${p.familyNames} ${p.givenNames}` : '');
/** As the CSV writes a text that a spreadsheet would take for a formula. */
const safe = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
const day = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('/') : '');

interface ListCase {
  list: string;
  entity: string;
  /** The filters of the page, and what they leave out. */
  filters: Record<string, string | number>;
  headers: string[];
  /** Some of an exported row's cells, by header, as the list's item says they must read. */
  cells(item: Row): Record<string, string>;
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: list exports`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operatorB: Api;
    let viewer: Api;
    let coordinator: Api;
    let people: Person[];
    const lists: ListCase[] = [
      {
        list: '/people',
        entity: 'person',
        filters: { q: 'rossi' },
        headers: ['Cognome', 'Nome', 'Data di nascita', 'Genere', 'Cittadinanza', 'Codice fiscale'],
        cells: (p) => ({ Cognome: safe(String(p.familyNames)), Nome: String(p.givenNames), 'Data di nascita': day(p.birthDate as string) }),
      },
      {
        list: '/cases',
        entity: 'case',
        filters: { status: 'open' },
        headers: ['Persona o nucleo', 'Componenti', 'Stato', 'Aperta il', 'Chiusa il', 'Responsabile', 'Aree', 'Inviato da'],
        cells: (c) => ({ 'Persona o nucleo': safe(nameOf(c.person as Name)), Stato: 'Aperta', 'Aperta il': day(c.openedOn as string) }),
      },
      {
        list: '/applications',
        entity: 'application',
        filters: { from: '2024-01-01', to: '2024-06-30' },
        headers: ['Data', 'Persona', 'Tipo di domanda', 'Livello', 'Con l’Anagrafe', 'Esito', 'Operatore', 'Note'],
        cells: (a) => ({ Data: day(a.date as string), Persona: safe(nameOf(a.person as Name)), Note: safe(String(a.notes ?? '')) }),
      },
      {
        list: '/waiting-list',
        entity: 'waiting_list_entry',
        filters: { kind: 'adult_l2' },
        headers: ['Persona', 'Tipo', 'Richiesta il', 'Giorni di attesa', 'Priorità', 'Stato', 'Chiusa il', 'Corso', 'Note'],
        cells: (e) => ({
          Persona: safe(nameOf(e.person as Name)),
          'Richiesta il': day(e.requestedOn as string),
          'Giorni di attesa': String(e.daysWaited),
        }),
      },
    ];

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operatorB, viewer, coordinator] = (await Promise.all(
        [cast.operatorA, cast.operatorB, cast.viewer, cast.coordinator].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      const person = async (as: Api, givenNames: string, familyNames: string, birthDate?: string) =>
        expectStatus<Person>(await as.post('/people', { givenNames, familyNames, gender: 'female', citizenship: 'MA', birthDate }), 201);
      // Centre A: a name a spreadsheet would run, two more Rossi and one who is not; centre B: another Rossi.
      const a = [
        await person(operator, 'Anna', '=Rossi', '1990-04-02'),
        await person(operator, 'Bruna', 'Rossi'),
        await person(operator, 'Carla', 'Rossi Neri', '1985-12-31'),
        await person(operator, 'Dario', 'Bianchi'),
      ];
      const b = await person(operatorB, 'Ettore', 'Rossi');
      people = a;
      for (const [as, who] of [...a.map((p) => [operator, p] as const), [operatorB, b] as const]) {
        expectStatus(await as.post('/cases', { personId: who.id, areas: ['work'] }), 201);
      }
      // One case closed: the "open" filter leaves it out.
      const [first] = expectStatus<Page<{ id: number; version: number }>>(await operator.get('/cases', { personId: a[3]?.id }), 200).items;
      expectStatus(
        await operator.post(`/cases/${first?.id}/close`, { version: first?.version, closedOn: todayInRome(), reason: 'goals_achieved' }),
        200,
      );

      const types = expectStatus<ApplicationType[]>(await operator.get('/application-types'), 200);
      const typeId = types[0]?.id;
      for (const [as, who, date, notes] of [
        [operator, a[0], '2024-02-01', '=1+1'],
        [operator, a[1], '2024-05-31', 'Rinnovo'],
        [operator, a[2], '2024-07-01', null],
        [operatorB, b, '2024-03-01', null],
      ] as const) {
        expectStatus(await as.post('/applications', { typeId, personId: who?.id, date, notes }), 201);
      }
      for (const [as, who, kind, priority] of [
        [operator, a[0], 'adult_l2', 0],
        [operator, a[1], 'adult_l2', 2],
        [operator, a[2], 'minor_l2', 0],
        [operatorB, b, 'adult_l2', 0],
      ] as const) {
        expectStatus(await as.post('/waiting-list', { kind, personId: who?.id, requestedOn: '2024-01-10', priority }), 201);
      }
      // Scadenze: in 10 days, expired 5 days ago, beyond the window; and one of centre B.
      for (const [as, who, days, number] of [
        [operator, a[0], 10, '=A1'],
        [operator, a[1], -5, 'P2'],
        [operator, a[2], 200, 'P3'],
        [operatorB, b, 10, 'P4'],
      ] as const) {
        const expiresOn = addDays(todayInRome(), days);
        expectStatus(await as.post(`/people/${who?.id}/permits`, { permitType: 'employment', number, expiresOn }), 201);
      }
    });
    afterAll(() => t?.close());

    /** The export in both formats, read back; the CSV and the XLSX must say the same. */
    const exported = async (as: Api, list: string, filters: Record<string, string | number>) => {
      const csv = await as.get(`${list}/export.csv`, filters);
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const xlsx = await as.get(`${list}/export.xlsx`, filters);
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const rows = readCsv(csv.body);
      const sheet = await readXlsx(xlsx.rawPayload);
      expect(sheet.rows.map((row) => row.map(asCsvText))).toEqual(rows.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@])/, ''))));
      return { rows, sheet: sheet.sheet };
    };

    describe.each(lists.map((c) => [c.list, c] as const))('%s', (_name, c) => {
      it('exports exactly the rows the list shows with the same filters, in its order, under Italian headers', async () => {
        const page = expectStatus<Page<Row>>(await operator.get(c.list, { ...c.filters, pageSize: 200 }), 200);
        const all = expectStatus<Page<Row>>(await operator.get(c.list, { pageSize: 200 }), 200);
        expect(page.total).toBeGreaterThan(0);
        expect(page.total).toBeLessThan(all.total);
        const { rows } = await exported(operator, c.list, c.filters);
        expect(rows[0]).toEqual(c.headers);
        const picked = rows
          .slice(1)
          .map((row) => Object.fromEntries(Object.keys(c.cells(page.items[0] as Row)).map((h) => [h, row[c.headers.indexOf(h)]])));
        expect(picked).toEqual(page.items.map(c.cells));
      });

      it("keeps to the caller's centres, refuses a viewer, and logs each export", async () => {
        const before = await t.db.selectFrom('auditLog').select('id').where('action', '=', 'export').execute();
        const ofB = expectStatus<Page<Row>>(await operatorB.get(c.list, { pageSize: 200 }), 200);
        const { rows } = await exported(operatorB, c.list, {});
        expect(rows).toHaveLength(1 + ofB.total);
        expect(rows.flat().join(' ')).toContain('Ettore');
        expect(rows.flat().join(' ')).not.toMatch(/Anna|Bruna|Carla|Dario/);
        expectProblem(await operator.get(`${c.list}/export.csv`, { centreId: cast.centreB.id }), 404, 'resource.not_found');
        for (const format of ['csv', 'xlsx']) expectProblem(await viewer.get(`${c.list}/export.${format}`), 403, 'auth.forbidden');

        const logged = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').orderBy('id').execute();
        const mine = logged.slice(before.length);
        expect(mine.map((row) => ({ userId: row.userId, entity: row.entity, centreId: row.centreId }))).toEqual([
          { userId: cast.operatorB.id, entity: c.entity, centreId: cast.centreB.id },
          { userId: cast.operatorB.id, entity: c.entity, centreId: cast.centreB.id },
        ]);
        expect(mine.map((row) => JSON.parse(row.details ?? '{}'))).toMatchObject([
          { rows: ofB.total, format: 'csv' },
          { rows: ofB.total, format: 'xlsx' },
        ]);
      });
    });

    it("writes a value starting with '=' as text: quoted in the CSV, a string cell (no formula) in the XLSX", async () => {
      const { rows, sheet } = await exported(operator, '/people', { q: 'rossi' });
      const at = rows.findIndex((row) => row[0] === "'=Rossi");
      expect(at).toBeGreaterThan(0);
      const cell = sheet.getRow(at + 1).getCell(1);
      expect(cell.value).toBe('=Rossi');
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(sheet.getRow(at + 1).getCell(3).value).toEqual(new Date(Date.UTC(1990, 3, 2)));
    });

    it('takes the list filters without paging, and checks them as the list does', async () => {
      expectProblem(await operator.get('/applications/export.csv', { page: 2 }), 400, 'validation.failed');
      expectProblem(await operator.get('/applications/export.xlsx', { from: '2024-02-01', to: '2024-01-01' }), 400, 'validation.failed');
      expectProblem(await operator.get('/cases/export.csv', { status: 'nonsense' }), 400, 'validation.failed');
    });
    it("exports a course's enrolments and a lesson's attendance as their pages show them, in the course's centre only", async () => {
      const kinds = expectStatus<Array<{ id: number; code: string }>>(await operator.get('/course-kinds'), 200);
      const course = expectStatus<{ id: number }>(
        await coordinator.post('/courses', {
          kindId: kinds[0]?.id,
          title: 'Italiano A1',
          startDate: '2024-03-04',
          endDate: '2024-04-29',
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 120,
        }),
        201,
      );
      const [anna, bruna] = people as [Person, Person];
      for (const [who, programme] of [
        [anna, 'sai'],
        [bruna, 'other'],
      ] as const) {
        expectStatus(
          await operator.post(`/courses/${course.id}/enrolments`, { personId: who.id, programme, enrolledOn: '2024-03-01' }),
          201,
        );
      }
      const lesson = expectStatus<{ id: number }>(await coordinator.post(`/courses/${course.id}/lessons`, { date: '2024-03-04' }), 201);
      const screen = expectStatus<LessonAttendance>(await operator.get(`/lessons/${lesson.id}/attendance`), 200);
      const marked = screen.learners.map((l) => ({ enrolmentId: l.enrolmentId, present: l.person?.id === anna.id }));
      expectStatus(
        await operator.request({
          method: 'PUT',
          url: `/lessons/${lesson.id}/attendance`,
          payload: { version: screen.lesson.version, entries: marked },
        }),
        200,
      );

      const enrolments = expectStatus<Enrolment[]>(await operator.get(`/courses/${course.id}/enrolments`), 200);
      const listed = await exported(operator, `/courses/${course.id}/enrolments`, {});
      expect(listed.rows[0]).toEqual([
        'Persona',
        'Genere',
        'Cittadinanza',
        'Programma',
        'Iscritta/o il',
        'Ritirata/o il',
        'Lezioni tenute',
        'Presenze',
        'Completato',
      ]);
      expect(listed.rows.slice(1).map((row) => [row[0], row[3], row[4], row[7]])).toEqual(
        enrolments.map((e) => [
          safe(nameOf(e.person)),
          e.programme === 'sai' ? 'Beneficiario SAI' : 'Altro',
          '01/03/2024',
          String(e.attended),
        ]),
      );

      const attendance = await exported(operator, `/lessons/${lesson.id}/attendance`, {});
      expect(attendance.rows).toEqual([
        ['Corso', 'Lezione del', 'Persona', 'Programma', 'Presenza'],
        ...screen.learners.map((l) => [
          'Italiano A1',
          '04/03/2024',
          safe(nameOf(l.person)),
          l.programme === 'sai' ? 'Beneficiario SAI' : 'Altro',
          l.person?.id === anna.id ? 'Presente' : 'Assente',
        ]),
      ]);

      for (const path of [`/courses/${course.id}/enrolments`, `/lessons/${lesson.id}/attendance`]) {
        for (const format of ['csv', 'xlsx']) {
          expectProblem(await operatorB.get(`${path}/export.${format}`), 404, 'resource.not_found');
          expectProblem(await viewer.get(`${path}/export.${format}`), 403, 'auth.forbidden');
        }
      }
      const logged = await t.db
        .selectFrom('auditLog')
        .select(['entity', 'centreId', 'details'])
        .where('action', '=', 'export')
        .where('entity', 'in', ['enrolment', 'attendance'])
        .orderBy('id')
        .execute();
      expect(logged.map((row) => ({ ...row, details: JSON.parse(row.details ?? '{}') }))).toEqual([
        { entity: 'enrolment', centreId: cast.centreA.id, details: { filters: { id: course.id }, rows: 2, format: 'csv' } },
        { entity: 'enrolment', centreId: cast.centreA.id, details: { filters: { id: course.id }, rows: 2, format: 'xlsx' } },
        { entity: 'attendance', centreId: cast.centreA.id, details: { filters: { id: lesson.id }, rows: 2, format: 'csv' } },
        { entity: 'attendance', centreId: cast.centreA.id, details: { filters: { id: lesson.id }, rows: 2, format: 'xlsx' } },
      ]);
    });
    it('exports the Scadenze: both lists of the page whole, expiring then expired, in the centres read', async () => {
      const page = expectStatus<Deadlines>(await operator.get('/deadlines', { withinDays: 60 }), 200);
      expect([page.expiring.length, page.expired.length]).toEqual([1, 1]);
      const { rows } = await exported(operator, '/deadlines', { withinDays: 60 });
      expect(rows[0]).toEqual([
        'Elenco',
        'Persona',
        'Telefono',
        'Tipo di permesso',
        'Numero',
        'Scade il',
        'Giorni alla scadenza',
        'Rinnovo',
        'Contattato il',
        'Contattato da',
      ]);
      const cells = (list: string, d: Deadlines['expiring'][number]) => [
        list,
        safe(nameOf(d.person)),
        safe(d.number ?? ''),
        day(d.expiresOn),
        String(d.daysLeft),
      ];
      expect(rows.slice(1).map((row) => [row[0], row[1], row[4], row[5], row[6]])).toEqual([
        ...page.expiring.map((d) => cells('In scadenza', d)),
        ...page.expired.map((d) => cells('Scaduto', d)),
      ]);
      expect(rows[2]?.[6]).toBe('-5');

      const ofB = await exported(operatorB, '/deadlines', {});
      expect(ofB.rows.slice(1).map((row) => row[1])).toEqual(['Rossi Ettore']);
      for (const format of ['csv', 'xlsx']) expectProblem(await viewer.get(`/deadlines/export.${format}`), 403, 'auth.forbidden');
      const logged = await t.db
        .selectFrom('auditLog')
        .select(['centreId', 'details'])
        .where('entity', '=', 'residence_permit')
        .where('action', '=', 'export')
        .orderBy('id')
        .execute();
      expect(logged.map((row) => [row.centreId, JSON.parse(row.details ?? '{}').rows])).toEqual([
        [cast.centreA.id, 2],
        [cast.centreA.id, 2],
        [cast.centreB.id, 1],
        [cast.centreB.id, 1],
      ]);
    });
  });
}
