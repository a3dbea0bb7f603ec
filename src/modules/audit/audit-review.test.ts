import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
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
import type { AuditEntry, UnusualReading } from '../../contracts/audit.js';
import type { Page } from '../../contracts/common.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import { type AuditEvent, recordAudit } from './audit.repository.js';

const PERSON = 7001;
const APRIL = { from: '2019-04-01', to: '2019-04-30' };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the audit log for a reviewer`, () => {
    let t: TestApp;
    let cast: Cast;
    let admin: Api;
    const log = (event: AuditEvent, at: string) => recordAudit(t.db, event, new Date(at));
    const entries = async (query: Record<string, string | number>) =>
      expectStatus<Page<AuditEntry>>(await admin.get('/audit', { ...query, pageSize: 200 }), 200);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      admin = api(t.app, await loginAs(t.app, cast.admin.email));
    });
    afterAll(() => t?.close());

    describe('filter by person and export', () => {
      let formulaUser: number;
      beforeAll(async () => {
        formulaUser = (
          await createTestUser(t.db, {
            organisationId: cast.organisationId,
            role: 'operator',
            centreIds: [cast.centreA.id],
            email: 'formula@example.test',
            displayName: '=HYPERLINK("http://x")',
          })
        ).id;
        const a = cast.centreA.id;
        const op = cast.operatorA.id;
        // The person's file, and rows whose details name the person (March 2019, Rome is UTC+1).
        await log({ userId: op, centreId: a, action: 'create', entity: 'person', entityId: PERSON }, '2019-03-04T08:00:00Z');
        await log(
          { userId: op, centreId: a, action: 'read', entity: 'person', entityId: PERSON, details: { part: 'visits' } },
          '2019-03-04T08:01:02Z',
        );
        await log(
          { userId: op, centreId: null, action: 'list', entity: 'visit', details: { personIds: [12, PERSON, 7002] } },
          '2019-03-04T09:00:00Z',
        );
        await log(
          {
            userId: formulaUser,
            centreId: a,
            action: 'update',
            entity: 'permit',
            entityId: 5,
            details: { personId: PERSON, fields: ['expiresOn'] },
          },
          '2019-03-05T10:00:00Z',
        );
        // Rows that merely hold the same digits, or name the person under another key: not the person's.
        await log({ userId: op, centreId: a, action: 'read', entity: 'person', entityId: 70011 }, '2019-03-05T11:00:00Z');
        await log({ userId: op, centreId: a, action: 'create', entity: 'visit', entityId: PERSON }, '2019-03-05T11:01:00Z');
        await log(
          { userId: op, centreId: null, action: 'list', entity: 'person', details: { personIds: [17001, 70010] } },
          '2019-03-05T11:02:00Z',
        );
        await log(
          { userId: op, centreId: a, action: 'update', entity: 'permit', entityId: 6, details: { personId: 70012 } },
          '2019-03-05T11:03:00Z',
        );
        await log(
          { userId: op, centreId: a, action: 'create', entity: 'course', entityId: 9, details: { courseId: PERSON } },
          '2019-03-05T11:04:00Z',
        );
        // Another centre's person, another person of the same centre.
        await log(
          { userId: cast.operatorB.id, centreId: cast.centreB.id, action: 'read', entity: 'person', entityId: 9001 },
          '2019-03-06T08:00:00Z',
        );
      });

      it("finds the person's file and the rows whose details name the person, with other filters", async () => {
        const found = await entries({ personId: PERSON });
        expect(found.total).toBe(4);
        expect(found.items.map((e) => [e.action, e.entity, e.entityId])).toEqual([
          ['update', 'permit', '5'],
          ['list', 'visit', null],
          ['read', 'person', String(PERSON)],
          ['create', 'person', String(PERSON)],
        ]);
        expect(found.items[0]).toMatchObject({ userName: '=HYPERLINK("http://x")', centreName: cast.centreA.name });
        expect((await entries({ personId: PERSON, action: 'read' })).items.map((e) => e.entityId)).toEqual([String(PERSON)]);
        expect((await entries({ personId: PERSON, userId: formulaUser })).total).toBe(1);
        expect((await entries({ personId: PERSON, from: '2019-03-05', to: '2019-03-31' })).total).toBe(1);
        expect((await entries({ personId: 7002 })).items.map((e) => e.action)).toEqual(['list']);
        expect((await entries({ personId: 424242 })).total).toBe(0);
      });

      it('an administrator of one centre does not find what happened in another', async () => {
        const adminA = await createTestUser(t.db, {
          organisationId: cast.organisationId,
          role: 'admin',
          centreIds: [cast.centreA.id],
          email: 'admin.a@example.test',
        });
        const own = api(t.app, await loginAs(t.app, adminA.email));
        expect(expectStatus<Page<AuditEntry>>(await own.get('/audit', { personId: 9001 }), 200).total).toBe(0);
        expect(expectStatus<Page<AuditEntry>>(await own.get('/audit', { personId: PERSON }), 200).total).toBe(4);
      });

      it('exports the filtered log as formula-safe CSV with Italian headers and Rome time, and logs the export', async () => {
        const query = { personId: PERSON, from: '2019-03-01', to: '2019-03-31' };
        const res = await admin.get('/audit/export.csv', query);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="registro-attivita-\d{4}-\d{2}-\d{2}\.csv"$/);
        expect(res.body.startsWith('\uFEFF')).toBe(true);
        const rows = parse(res.body, { bom: true, delimiter: ';' }) as string[][];
        expect(rows[0]).toEqual(['Data e ora', 'Utente', 'E-mail utente', 'Centro', 'Azione', 'Oggetto', 'Identificativo', 'Dettagli']);
        expect(rows.slice(1)).toEqual([
          [
            '2019-03-05 11:00:00',
            `'=HYPERLINK("http://x")`,
            'formula@example.test',
            cast.centreA.name,
            'Modifica',
            'permit',
            '5',
            '{"personId":7001,"fields":["expiresOn"]}',
          ],
          ['2019-03-04 10:00:00', 'Omar Operatore', cast.operatorA.email, '', 'Elenco', 'visit', '', '{"personIds":[12,7001,7002]}'],
          [
            '2019-03-04 09:01:02',
            'Omar Operatore',
            cast.operatorA.email,
            cast.centreA.name,
            'Lettura',
            'person',
            '7001',
            '{"part":"visits"}',
          ],
          ['2019-03-04 09:00:00', 'Omar Operatore', cast.operatorA.email, cast.centreA.name, 'Creazione', 'person', '7001', ''],
        ]);

        const exports = await t.db.selectFrom('auditLog').selectAll().where('entity', '=', 'audit_log').orderBy('id').execute();
        expect(exports).toHaveLength(1);
        expect(exports[0]).toMatchObject({ userId: cast.admin.id, action: 'export', centreId: null });
        expect(JSON.parse(exports[0]?.details ?? '{}')).toEqual({ filters: query, rows: 4 });
        // The export's own row names the filter, not the person: it is not one of the person's rows.
        expect((await entries({ personId: PERSON })).total).toBe(4);

        const other = parse((await admin.get('/audit/export.csv', { action: 'read', entity: 'person', to: '2019-03-31' })).body, {
          bom: true,
          delimiter: ';',
        }) as string[][];
        expect(other.slice(1).map((row) => [row[4], row[6]])).toEqual([
          ['Lettura', '9001'],
          ['Lettura', '70011'],
          ['Lettura', '7001'],
        ]);
        expectProblem(await admin.get('/audit/export.csv', { action: 'drop' }), 400, 'validation.failed');
        expectProblem(await admin.get('/audit/export.csv', { from: '2019-03-31', to: '2019-03-01' }), 400, 'validation.failed');
      });
    });

    describe('unusual reading', () => {
      const read = (userId: number, centreId: number, personId: number, at: string) =>
        log({ userId, centreId, action: 'read', entity: 'person', entityId: personId, details: { part: 'file' } }, at);

      beforeAll(async () => {
        const a = cast.centreA.id;
        const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '13:00' }));
        expectStatus(await admin.post('/calendar/hours', { centreId: a, validFrom: '2019-01-01', slots: weekdays }), 201);
        expectStatus(
          await admin.post('/calendar/closures', { centreId: a, from: '2019-04-03', to: '2019-04-03', reason: 'Inventario' }),
          201,
        );
        // April 2019: Rome is UTC+2. Monday 1 April, 09:00–09:50: six different files, one of them twice.
        for (let i = 0; i < 6; i++) await read(cast.operatorA2.id, a, 8100 + i, `2019-04-01T07:0${i}:00Z`);
        await read(cast.operatorA2.id, a, 8100, '2019-04-01T07:50:00Z');
        // Five files in an hour is not more than five; the same five split over two hours neither.
        for (let i = 0; i < 5; i++) await read(cast.operatorA.id, a, 8200 + i, `2019-04-02T08:1${i}:00Z`);
        // Outside the hours: Monday evening (twice, one opening), a Saturday, the closure, Easter Monday.
        await read(cast.operatorA.id, a, 8001, '2019-04-01T17:30:00Z');
        await read(cast.operatorA.id, a, 8001, '2019-04-01T17:45:00Z');
        await read(cast.operatorA.id, a, 8002, '2019-04-06T08:00:00Z');
        await read(cast.operatorA2.id, a, 8003, '2019-04-03T08:00:00Z');
        await read(cast.operatorA.id, a, 8004, '2019-04-22T08:00:00Z');
        // Within the hours; and centre B, whose hours are not recorded, flags nothing.
        await read(cast.operatorA.id, a, 8005, '2019-04-02T10:59:00Z');
        await read(cast.operatorB.id, cast.centreB.id, 9002, '2019-04-07T20:00:00Z');
        // Outside the period.
        await read(cast.operatorA.id, a, 8006, '2019-05-04T08:00:00Z');
      });

      it('lists the busy hours and the files opened while the centre was closed, with who and when', async () => {
        const unusual = expectStatus<UnusualReading>(await admin.get('/audit/unusual', { ...APRIL, perHour: 5 }), 200);
        expect(unusual).toMatchObject({ ...APRIL, perHour: 5 });
        expect(unusual.busyHours).toEqual([
          {
            userId: cast.operatorA2.id,
            userEmail: cast.operatorA2.email,
            userName: 'Olga Operatrice',
            hour: '2019-04-01T07:00:00.000Z',
            files: 6,
          },
        ]);
        expect(unusual.outsideHours.total).toBe(4);
        expect(unusual.outsideHours.items.map((o) => [o.personId, o.userName, o.at, o.reads])).toEqual([
          [8004, 'Omar Operatore', '2019-04-22T08:00:00.000Z', 1],
          [8002, 'Omar Operatore', '2019-04-06T08:00:00.000Z', 1],
          [8003, 'Olga Operatrice', '2019-04-03T08:00:00.000Z', 1],
          [8001, 'Omar Operatore', '2019-04-01T17:30:00.000Z', 2],
        ]);
        expect(unusual.outsideHours.items[0]).toMatchObject({
          centreId: cast.centreA.id,
          centreName: cast.centreA.name,
          userEmail: cast.operatorA.email,
        });

        const usual = expectStatus<UnusualReading>(await admin.get('/audit/unusual', APRIL), 200);
        expect([usual.perHour, usual.busyHours]).toEqual([30, []]);
      });

      it('reviews the last 30 days by default, a year at most, and refuses a threshold out of bounds', async () => {
        const today = todayInRome();
        const recent = expectStatus<UnusualReading>(await admin.get('/audit/unusual'), 200);
        expect([recent.from, recent.to, recent.busyHours, recent.outsideHours.total]).toEqual([addDays(today, -29), today, [], 0]);
        expect(expectStatus<UnusualReading>(await admin.get('/audit/unusual', { to: '2019-04-30' }), 200)).toMatchObject(APRIL);
        expect(expectStatus<UnusualReading>(await admin.get('/audit/unusual', { from: '2019-01-01' }), 200).to).toBe('2020-01-01');

        for (const perHour of [4, 501, 'many']) expectProblem(await admin.get('/audit/unusual', { perHour }), 400, 'validation.failed');
        const long = expectProblem(await admin.get('/audit/unusual', { from: '2019-01-01', to: '2020-01-02' }), 400, 'validation.failed');
        expect(long.errors?.[0]).toMatchObject({ path: 'querystring.to', code: 'audit.period_too_long', params: { days: 366 } });
      });

      it("an administrator of one centre reviews only that centre's reading", async () => {
        const adminB = await createTestUser(t.db, {
          organisationId: cast.organisationId,
          role: 'admin',
          centreIds: [cast.centreB.id],
          email: 'admin.b@example.test',
        });
        const own = api(t.app, await loginAs(t.app, adminB.email));
        const unusual = expectStatus<UnusualReading>(await own.get('/audit/unusual', { ...APRIL, perHour: 5 }), 200);
        expect([unusual.busyHours, unusual.outsideHours.total]).toEqual([[], 0]);
      });
    });

    it('only administrators review the log', async () => {
      for (const user of [cast.coordinator, cast.operatorA, cast.viewer]) {
        const other = api(t.app, await loginAs(t.app, user.email));
        expectProblem(await other.get('/audit', { personId: PERSON }), 403, 'auth.forbidden');
        expectProblem(await other.get('/audit/export.csv'), 403, 'auth.forbidden');
        expectProblem(await other.get('/audit/unusual'), 403, 'auth.forbidden');
      }
      expectProblem(await api(t.app, null).get('/audit/unusual'), 401, 'auth.unauthenticated');
      expectProblem(await api(t.app, null).get('/audit/export.csv'), 401, 'auth.unauthenticated');
    });
  });
}
