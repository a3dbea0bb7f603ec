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
import { readXlsx } from '../../../test/support/exports.js';
import type { Page } from '../../contracts/common.js';
import type { Person } from '../../contracts/people.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { todayInRome } from '../../domain/dates.js';
import { streamVisits } from './visits.repository.js';
import { createVisit } from './visits.usecases.js';

interface Summary {
  total: number;
  byOriginGroup: Record<string, number>;
  byGender: Record<string, number>;
  byCitizenship: Record<string, number>;
  byTopic: Record<string, number>;
}

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: visits`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operator2: Api;
    let operatorB: Api;
    let admin: Api;
    let topics: Topic[];
    /** The id of a default topic, by code. */
    const tid = (code: string): number => {
      const found = topics.find((row) => row.code === code);
      if (!found) throw new Error(`no topic ${code}`);
      return found.id;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, operatorB, admin] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.operatorB, cast.admin].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
    });
    afterAll(() => t?.close());

    const anonymousVisit = async (
      as: Api,
      date: string,
      time: string | undefined,
      anonymous: Record<string, string>,
      topicIds: number[],
      extra = {},
    ) => expectStatus<Visit>(await as.post('/visits', { date, time, anonymous, topicIds, ...extra }), 201);

    it("a visit of a person snapshots the person's gender, citizenship and age band on the visit's day", async () => {
      const person = expectStatus<Person>(
        await operator.post('/people', {
          givenNames: 'Fatou',
          familyNames: 'Sow',
          gender: 'female',
          citizenship: 'SN',
          birthDate: '1994-06-15',
        }),
        201,
      );
      const before30 = expectStatus<Visit>(
        await operator.post('/visits', {
          personId: person.id,
          date: '2024-06-14',
          time: '10:00',
          topicIds: [tid('work'), tid('residence_permit')],
        }),
        201,
      );
      expect(before30).toMatchObject({
        centreId: cast.centreA.id,
        date: '2024-06-14',
        time: '10:00',
        occurredAt: '2024-06-14T08:00:00.000Z',
        channel: 'in_person',
        referralSource: 'spontaneous',
        person: { id: person.id, givenNames: 'Fatou', familyNames: 'Sow' },
        gender: 'female',
        citizenship: 'SN',
        ageBand: '18-29',
        originGroup: 'non_eu',
        topicIds: [tid('residence_permit'), tid('work')].sort((a, b) => a - b),
        notes: null,
        operator: { id: cast.operatorA.id, displayName: 'Omar Operatore' },
        version: 1,
      });
      const on30th = expectStatus<Visit>(
        await operator.post('/visits', { personId: person.id, date: '2024-06-15', topicIds: [tid('work')] }),
        201,
      );
      expect(on30th.ageBand).toBe('30-44');

      // She becomes an Italian citizen: earlier visits keep the facts of their day.
      expectStatus(await operator.patch(`/people/${person.id}`, { version: person.version, citizenship: 'IT' }), 200);
      const after = expectStatus<Visit>(
        await operator.post('/visits', { personId: person.id, date: '2024-07-01', time: '09:00', topicIds: [tid('work')] }),
        201,
      );
      expect(after).toMatchObject({ citizenship: 'IT', originGroup: 'italian', ageBand: '30-44' });
      expect(expectStatus<Visit>(await operator.get(`/visits/${before30.id}`), 200)).toMatchObject({
        citizenship: 'SN',
        originGroup: 'non_eu',
        ageBand: '18-29',
      });
      const row = await t.db.selectFrom('visits').selectAll().where('id', '=', before30.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        personId: person.id,
        citizenship: 'SN',
        originGroup: 'non_eu',
        visitDate: '2024-06-14',
        visitYear: 2024,
      });
    });

    it('an anonymous visit keeps gender, citizenship and age band', async () => {
      const visit = await anonymousVisit(
        operator,
        '2024-02-05',
        '15:45',
        { gender: 'male', citizenship: 'ua', ageBand: '45-64' },
        [tid('housing')],
        {
          channel: 'phone',
          referralSource: 'asp',
          notes: '  chiede casa  ',
        },
      );
      expect(visit).toMatchObject({
        person: null,
        gender: 'male',
        citizenship: 'UA',
        ageBand: '45-64',
        originGroup: 'non_eu',
        channel: 'phone',
        referralSource: 'asp',
        notes: 'chiede casa',
        topicIds: [tid('housing')],
      });
      // An anonymous visit is no personal file: opening it logs no read.
      expectStatus(await operator.get(`/visits/${visit.id}`), 200);
      expect(
        await t.db.selectFrom('auditLog').select('id').where('action', '=', 'read').where('entityId', '=', String(visit.id)).execute(),
      ).toEqual([]);
    });

    it('derives the origin group from citizenship at the visit date (Brexit, Croatia)', async () => {
      const groupOn = async (citizenship: string, date: string) =>
        (await anonymousVisit(operator, date, '12:00', { gender: 'not_stated', citizenship, ageBand: 'unknown' }, [tid('other')]))
          .originGroup;
      expect(await groupOn('GB', '2020-01-31')).toBe('eu');
      expect(await groupOn('GB', '2020-02-01')).toBe('non_eu');
      expect(await groupOn('HR', '2013-06-30')).toBe('non_eu');
      expect(await groupOn('HR', '2013-07-01')).toBe('eu');
      expect(await groupOn('IT', '2013-07-01')).toBe('italian');
      expect(await groupOn('XU', '2013-07-01')).toBe('unspecified');
      expect(await groupOn('XS', '2013-07-01')).toBe('non_eu');

      // Moving a visit to another date derives the group again.
      const visit = await anonymousVisit(operator, '2020-01-31', '18:00', { gender: 'male', citizenship: 'GB', ageBand: '65+' }, [
        tid('other'),
      ]);
      const moved = expectStatus<Visit>(await operator.patch(`/visits/${visit.id}`, { version: 1, date: '2020-02-01' }), 200);
      expect(moved).toMatchObject({ date: '2020-02-01', time: '18:00', originGroup: 'non_eu', version: 2 });
    });

    it('dates and times are in Europe/Rome: 2024-12-31 23:30 stays in 2024', async () => {
      const visit = await anonymousVisit(operator, '2024-12-31', '23:30', { gender: 'female', citizenship: 'AL', ageBand: '18-29' }, [
        tid('school'),
      ]);
      expect(visit).toMatchObject({ date: '2024-12-31', time: '23:30', occurredAt: '2024-12-31T22:30:00.000Z' });
      const row = await t.db.selectFrom('visits').select(['visitDate', 'visitYear']).where('id', '=', visit.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ visitDate: '2024-12-31', visitYear: 2024 });
      const lastDay = expectStatus<Summary>(await operator.get('/visits/summary', { from: '2024-12-31', to: '2024-12-31' }), 200);
      expect(lastDay).toMatchObject({ total: 1, byCitizenship: { AL: 1 } });
      expect(expectStatus<Summary>(await operator.get('/visits/summary', { from: '2025-01-01', to: '2025-01-01' }), 200).total).toBe(0);

      // Summer time: 00:30 in Rome is 22:30 UTC of the day before, and keeps its Rome date.
      const summer = await anonymousVisit(operator, '2024-07-02', '00:30', { gender: 'female', citizenship: 'AL', ageBand: '18-29' }, [
        tid('school'),
      ]);
      expect(summer).toMatchObject({ date: '2024-07-02', time: '00:30', occurredAt: '2024-07-01T22:30:00.000Z' });
      const list = expectStatus<Page<Visit>>(await operator.get('/visits', { from: '2024-07-02', to: '2024-07-02' }), 200);
      expect(list.items.map((v) => v.id)).toEqual([summer.id]);
    });

    it('refuses dates in the future, on create and on update; today without a time is now', async () => {
      const today = todayInRome();
      const tomorrow = dayAfter(today);
      const before = await t.db.selectFrom('visits').select('id').execute();
      const future = await operator.post('/visits', {
        date: tomorrow,
        anonymous: { gender: 'male', citizenship: 'MA', ageBand: '18-29' },
        topicIds: [tid('work')],
      });
      expect(expectProblem(future, 400, 'validation.failed').errors).toEqual([
        { path: 'body.date', code: 'visit.date_in_future', message: expect.any(String) },
      ]);
      expect(await t.db.selectFrom('visits').select('id').execute()).toHaveLength(before.length);

      const now = await anonymousVisit(operator, today, undefined, { gender: 'male', citizenship: 'MA', ageBand: '18-29' }, [tid('work')]);
      expect(now.date).toBe(today);
      expect(Math.abs(Date.parse(now.occurredAt) - Date.now())).toBeLessThan(2 * 60_000);
      const noDate = expectStatus<Visit>(
        await operator.post('/visits', { anonymous: { gender: 'male', citizenship: 'MA', ageBand: '18-29' }, topicIds: [tid('work')] }),
        201,
      );
      expect(noDate.date).toBe(today);

      expectProblem(await operator.patch(`/visits/${now.id}`, { version: now.version, date: tomorrow }), 400, 'validation.failed');
      expect(expectStatus<Visit>(await operator.get(`/visits/${now.id}`), 200)).toMatchObject({ date: today, version: 1 });
    });

    describe('lists, filters, summary and CSV', () => {
      const YEAR = { from: '2021-01-01', to: '2021-12-31' };
      const v: Visit[] = [];
      const ids = (page: Page<Visit>) => page.items.map((visit) => visit.id);
      const list = async (as: Api, query: Record<string, string | number>) =>
        expectStatus<Page<Visit>>(await as.get('/visits', { ...YEAR, ...query }), 200);

      beforeAll(async () => {
        const fixture: Array<[Api, string, Record<string, string>, string[], Record<string, unknown>?]> = [
          [operator, '2021-01-10', { gender: 'female', citizenship: 'MA', ageBand: '18-29' }, ['residence_permit']],
          [
            operator,
            '2021-02-10',
            { gender: 'male', citizenship: 'MA', ageBand: '30-44' },
            ['work', 'housing'],
            { notes: 'Disse "ok"; tornerà' },
          ],
          [operator2, '2021-03-10', { gender: 'female', citizenship: 'RO', ageBand: '45-64' }, ['work'], { channel: 'email' }],
          [operator2, '2021-04-10', { gender: 'male', citizenship: 'IT', ageBand: '65+' }, ['health']],
          [operator, '2021-05-10', { gender: 'female', citizenship: 'XU', ageBand: 'unknown' }, ['residence_permit', 'work']],
          [operatorB, '2021-06-10', { gender: 'male', citizenship: 'MA', ageBand: '18-29' }, ['work']],
          [
            operator,
            '2021-07-10',
            { gender: 'male', citizenship: 'UA', ageBand: '18-29' },
            ['other'],
            { notes: '=SUM(A1:A9)', referralSource: 'sai' },
          ],
        ];
        for (const [as, date, anonymous, codes, extra] of fixture) {
          v.push(await anonymousVisit(as, date, '09:00', anonymous, codes.map(tid), extra));
        }
      });

      it('lists newest first, and filters by date range (inclusive)', async () => {
        expect(ids(await list(admin, {}))).toEqual([...v].reverse().map((visit) => visit.id));
        expect(ids(await list(admin, { from: '2021-02-01', to: '2021-04-30' }))).toEqual([v[3]?.id, v[2]?.id, v[1]?.id]);
        expect(ids(await list(admin, { from: '2021-03-10', to: '2021-03-10' }))).toEqual([v[2]?.id]);
        expectProblem(await admin.get('/visits', { from: '2021-05-01', to: '2021-04-01' }), 400, 'validation.failed');
      });

      it('filters by topic, origin group, citizenship, operator and centre, alone and together', async () => {
        const sorted = (page: Page<Visit>) => ids(page).sort((a, b) => a - b);
        const of = (...indexes: number[]) => indexes.map((i) => v[i]?.id);
        expect(sorted(await list(admin, { topicId: tid('work') }))).toEqual(of(1, 2, 4, 5));
        expect(sorted(await list(admin, { originGroup: 'non_eu' }))).toEqual(of(0, 1, 5, 6));
        expect(sorted(await list(admin, { originGroup: 'eu' }))).toEqual(of(2));
        expect(sorted(await list(admin, { originGroup: 'italian' }))).toEqual(of(3));
        expect(sorted(await list(admin, { originGroup: 'unspecified' }))).toEqual(of(4));
        expect(sorted(await list(admin, { citizenship: 'ma' }))).toEqual(of(0, 1, 5));
        expect(sorted(await list(admin, { operatorId: cast.operatorA2.id }))).toEqual(of(2, 3));
        expect(sorted(await list(admin, { centreId: cast.centreB.id }))).toEqual(of(5));
        expect(sorted(await list(admin, { centreId: cast.centreA.id }))).toEqual(of(0, 1, 2, 3, 4, 6));
        expect(sorted(await list(admin, { centreId: cast.centreA.id, topicId: tid('work'), originGroup: 'non_eu' }))).toEqual(of(1));
        // An operator of centre A sees centre A only, whatever the filter.
        expect(sorted(await list(operator, { citizenship: 'MA' }))).toEqual(of(0, 1));
        expectProblem(await admin.get('/visits', { originGroup: 'martian' }), 400, 'validation.failed');
      });

      it('pages with the total of the whole filtered list', async () => {
        const pages = await Promise.all([1, 2, 3, 4].map((page) => list(admin, { pageSize: 3, page })));
        expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
        expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1, 0]);
        expect(pages.flatMap(ids)).toEqual([...v].reverse().map((visit) => visit.id));
        expect(pages[1]).toMatchObject({ page: 2, pageSize: 3 });
        const filtered = await list(admin, { topicId: tid('work'), pageSize: 2 });
        expect(filtered).toMatchObject({ total: 4, page: 1, pageSize: 2 });
        expect(filtered.items).toHaveLength(2);
      });

      it('summarises by origin group, gender, citizenship and topic; every breakdown adds up', async () => {
        const summary = expectStatus<Summary>(await admin.get('/visits/summary', YEAR), 200);
        expect(summary).toEqual({
          total: 7,
          byOriginGroup: { non_eu: 4, eu: 1, italian: 1, unspecified: 1 },
          byGender: { female: 3, male: 4 },
          byCitizenship: { MA: 3, RO: 1, IT: 1, XU: 1, UA: 1 },
          byTopic: {
            [String(tid('residence_permit'))]: 2,
            [String(tid('work'))]: 4,
            [String(tid('housing'))]: 1,
            [String(tid('health'))]: 1,
            [String(tid('other'))]: 1,
          },
        });
        expect(sum(summary.byOriginGroup)).toBe(summary.total);
        expect(sum(summary.byGender)).toBe(summary.total);
        expect(sum(summary.byCitizenship)).toBe(summary.total);
        // A visit with two topics counts once under each.
        expect(sum(summary.byTopic)).toBe(9);

        const centreA = expectStatus<Summary>(await operator.get('/visits/summary', YEAR), 200);
        expect(centreA).toMatchObject({ total: 6, byCitizenship: { MA: 2 } });
        const work = expectStatus<Summary>(await admin.get('/visits/summary', { ...YEAR, topicId: tid('work') }), 200);
        expect(work).toMatchObject({ total: 4, byGender: { female: 2, male: 2 } });
      });

      it('exports CSV for Italian spreadsheets: semicolons, Italian headers, formulas neutralised, and logs the export', async () => {
        const res = await admin.get('/visits/export.csv', YEAR);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="accessi-\d{4}-\d{2}-\d{2}\.csv"$/);
        expect(res.body.startsWith('\uFEFF')).toBe(true);
        const lines = res.body.slice(1).split('\r\n');
        expect(lines.at(-1)).toBe('');
        expect(lines[0]).toBe(
          "Data;Ora;Canale;Persona;Genere;Cittadinanza;Provenienza;Fascia d'età;Inviato da;Tipologie di richiesta;Operatore;Note",
        );
        expect(lines).toHaveLength(1 + 7 + 1);
        expect(lines[1]).toBe(
          '10/01/2021;09:00;Di persona;Anonimo;Donna;Marocco;Extracomunitari;18-29 anni;Spontaneo;Permesso di soggiorno;Omar Operatore;',
        );
        expect(lines[2]).toBe(
          '10/02/2021;09:00;Di persona;Anonimo;Uomo;Marocco;Extracomunitari;30-44 anni;Spontaneo;Lavoro, Casa;Omar Operatore;"Disse ""ok""; tornerà"',
        );
        expect(lines[3]).toBe('10/03/2021;09:00;E-mail;Anonimo;Donna;Romania;Comunitari;45-64 anni;Spontaneo;Lavoro;Olga Operatrice;');
        expect(lines[5]).toBe(
          '10/05/2021;09:00;Di persona;Anonimo;Donna;Non specificata;Non specificato;Non nota;Spontaneo;Permesso di soggiorno, Lavoro;Omar Operatore;',
        );
        expect(lines[7]).toBe(
          "10/07/2021;09:00;Di persona;Anonimo;Uomo;Ucraina;Extracomunitari;18-29 anni;Progetto SAI;Altro;Omar Operatore;'=SUM(A1:A9)",
        );

        const centreB = await admin.get('/visits/export.xlsx', { ...YEAR, centreId: cast.centreB.id });
        expect(centreB.statusCode, centreB.body).toBe(200);
        expect(centreB.headers['content-disposition']).toMatch(/^attachment; filename="accessi-\d{4}-\d{2}-\d{2}\.xlsx"$/);
        const { rows } = await readXlsx(centreB.rawPayload);
        expect(rows.slice(1)).toEqual([
          [
            new Date(Date.UTC(2021, 5, 10)),
            '09:00',
            'Di persona',
            'Anonimo',
            'Uomo',
            'Marocco',
            'Extracomunitari',
            '18-29 anni',
            'Spontaneo',
            'Lavoro',
            'Bruno Operatore',
            null,
          ],
        ]);

        const exports = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').orderBy('id').execute();
        expect(exports).toHaveLength(2);
        expect(exports[0]).toMatchObject({ userId: cast.admin.id, entity: 'visit', centreId: null });
        expect(JSON.parse(exports[0]?.details ?? '{}')).toMatchObject({ rows: 7, filters: YEAR });
        expect(exports[1]).toMatchObject({ centreId: cast.centreB.id });
        expect(JSON.parse(exports[1]?.details ?? '{}')).toMatchObject({ rows: 1, format: 'xlsx' });
      });

      it('neutralises formulas in person names too', async () => {
        const person = expectStatus<Person>(
          await operator.post('/people', { givenNames: 'Zed', familyNames: '+39 Plus', gender: 'male', citizenship: 'MA' }),
          201,
        );
        expectStatus(
          await operator.post('/visits', { personId: person.id, date: '2022-03-03', time: '08:15', topicIds: [tid('work')] }),
          201,
        );
        const res = await operator.get('/visits/export.csv', { from: '2022-03-03', to: '2022-03-03' });
        expect(res.body.slice(1).split('\r\n')[1]).toBe(
          "03/03/2022;08:15;Di persona;'+39 Plus Zed;Uomo;Marocco;Extracomunitari;Non nota;Spontaneo;Lavoro;Omar Operatore;",
        );
      });
      it('streams an export in batches, oldest first, without losing or repeating visits that share an instant', async () => {
        // Two more visits at the very instant of the first fixture visit: the cursor must break the tie by id.
        const twins = [
          await anonymousVisit(operator, '2021-01-10', '09:00', { gender: 'male', citizenship: 'MA', ageBand: '18-29' }, [tid('work')]),
          await anonymousVisit(operator, '2021-01-10', '09:00', { gender: 'female', citizenship: 'MA', ageBand: '18-29' }, [tid('work')]),
        ];
        const batches: number[][] = [];
        for await (const batch of streamVisits(t.db, { centreIds: [cast.centreA.id, cast.centreB.id], ...YEAR }, 2)) {
          batches.push(batch.map((visit) => visit.id));
        }
        expect(batches.map((batch) => batch.length)).toEqual([2, 2, 2, 2, 1]);
        const expected = [v[0]?.id, twins[0]?.id, twins[1]?.id, ...v.slice(1).map((visit) => visit.id)];
        expect(batches.flat()).toEqual(expected);
        for (const twin of twins) expectStatus(await operator.delete(`/visits/${twin.id}`), 204);
      });
    });

    it('refuses a time later today that has not come yet (the clock fixed at 10:00 in Rome)', async () => {
      const actor = await actorOf(t.db, cast.operatorA.id);
      const tenInRome = new Date('2024-05-10T08:00:00Z');
      const anonymous = { gender: 'male' as const, citizenship: 'MA', ageBand: '18-29' as const };
      const visit = (time: string) =>
        createVisit(
          t.db,
          actor,
          { date: '2024-05-10', time, anonymous, topicIds: [tid('work')], channel: 'in_person', referralSource: 'spontaneous' },
          tenInRome,
        );
      await expect(visit('12:00')).rejects.toMatchObject({
        code: 'validation.failed',
        fields: [{ field: 'time', code: 'visit.time_in_future' }],
      });
      // A minute of tolerance for clocks that disagree; earlier today is fine.
      await expect(visit('10:01')).resolves.toMatchObject({ date: '2024-05-10', time: '10:01' });
      await expect(visit('09:15')).resolves.toMatchObject({ date: '2024-05-10', time: '09:15' });
    });

    it('an edit that does not touch date or time keeps the instant, even in the repeated hour of October', async () => {
      // 27 October 2024, 02:30 happened twice in Rome; the second one is 01:30 UTC.
      const visit = await anonymousVisit(operator, '2024-10-27', '02:30', { gender: 'female', citizenship: 'UA', ageBand: '30-44' }, [
        tid('work'),
      ]);
      await t.db.updateTable('visits').set({ occurredAt: '2024-10-27T01:30:00.000Z' }).where('id', '=', visit.id).execute();
      const edited = expectStatus<Visit>(
        await operator.patch(`/visits/${visit.id}`, { version: visit.version, notes: 'Solo una nota' }),
        200,
      );
      expect(edited).toMatchObject({ occurredAt: '2024-10-27T01:30:00.000Z', date: '2024-10-27', time: '02:30', notes: 'Solo una nota' });
    });

    it("listing one person's visits is logged as a read of their file", async () => {
      const person = expectStatus<Person>(
        await operator.post('/people', {
          givenNames: 'Amadou',
          familyNames: 'Diop',
          gender: 'male',
          citizenship: 'SN',
          birthDate: '1994-02-03',
        }),
        201,
      );
      expectStatus(await operator.get('/visits', { personId: person.id }), 200);
      const reads = await t.db
        .selectFrom('auditLog')
        .select(['userId', 'details'])
        .where('entity', '=', 'person')
        .where('entityId', '=', String(person.id))
        .where('action', '=', 'read')
        .execute();
      expect(reads).toEqual([{ userId: cast.operatorA.id, details: JSON.stringify({ part: 'visits' }) }]);
      // Another centre's person: nothing listed, nothing logged.
      const rowsBefore = await t.db.selectFrom('auditLog').select('id').where('userId', '=', cast.operatorB.id).execute();
      const other = expectStatus<Page<Visit>>(await operatorB.get('/visits', { personId: person.id }), 200);
      expect(other.total).toBe(0);
      expect(await t.db.selectFrom('auditLog').select('id').where('userId', '=', cast.operatorB.id).execute()).toEqual(rowsBefore);
    });

    it('a stale version answers 409 with the current visit and changes nothing', async () => {
      const visit = await anonymousVisit(operator, '2023-09-01', '10:00', { gender: 'female', citizenship: 'NG', ageBand: '30-44' }, [
        tid('work'),
      ]);
      const updated = expectStatus<Visit>(
        await operator2.patch(`/visits/${visit.id}`, {
          version: 1,
          notes: 'Prima correzione',
          topicIds: [tid('work'), tid('legal')],
          time: '10:30',
        }),
        200,
      );
      expect(updated).toMatchObject({ version: 2, notes: 'Prima correzione', time: '10:30', topicIds: [tid('work'), tid('legal')] });
      // The operator of a visit stays the one who recorded it.
      expect(updated.operator?.id).toBe(cast.operatorA.id);

      const stale = await operator.patch(`/visits/${visit.id}`, { version: 1, notes: 'Seconda correzione', topicIds: [tid('health')] });
      const problem = expectProblem(stale, 409, 'resource.stale_version');
      expect(problem.currentVersion).toBe(2);
      expect(JSON.stringify(problem)).not.toContain('Prima correzione');
      expect(expectStatus<Visit>(await operator.get(`/visits/${visit.id}`), 200)).toMatchObject({
        version: 2,
        notes: 'Prima correzione',
        topicIds: [tid('work'), tid('legal')],
      });

      // Two corrections sent at once from the same version: one wins, the other is told.
      const racing = await Promise.all([
        operator.patch(`/visits/${visit.id}`, { version: 2, notes: 'Dal primo', topicIds: [tid('health')] }),
        operator2.patch(`/visits/${visit.id}`, { version: 2, notes: 'Dal secondo', topicIds: [tid('school')] }),
      ]);
      expect(racing.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      const winner = racing.find((res) => res.statusCode === 200)?.json<Visit>();
      const stored = expectStatus<Visit>(await operator.get(`/visits/${visit.id}`), 200);
      expect(stored).toMatchObject({ version: 3, notes: winner?.notes, topicIds: winner?.topicIds });
    });

    it('a visit of a person cannot be given anonymous facts: the person is edited instead', async () => {
      const person = expectStatus<Person>(
        await operator.post('/people', { givenNames: 'Lin', familyNames: 'Wei', gender: 'female', citizenship: 'CN' }),
        201,
      );
      const visit = expectStatus<Visit>(
        await operator.post('/visits', { personId: person.id, date: '2023-03-03', topicIds: [tid('work')] }),
        201,
      );
      const res = await operator.patch(`/visits/${visit.id}`, {
        version: 1,
        anonymous: { gender: 'male', citizenship: 'IT', ageBand: '65+' },
      });
      expectProblem(res, 400, 'validation.failed');
      expect(expectStatus<Visit>(await operator.get(`/visits/${visit.id}`), 200)).toMatchObject({
        gender: 'female',
        citizenship: 'CN',
        version: 1,
      });
      const both = await operator.post('/visits', {
        personId: person.id,
        anonymous: { gender: 'male', citizenship: 'IT', ageBand: '65+' },
        topicIds: [tid('work')],
      });
      expectProblem(both, 400, 'validation.failed');
      const neither = await operator.post('/visits', { topicIds: [tid('work')] });
      expectProblem(neither, 400, 'validation.failed');
    });

    it('create, read (of a person’s visit), update and delete each leave an audit row', async () => {
      const person = expectStatus<Person>(
        await operator.post('/people', { givenNames: 'Ana', familyNames: 'Popescu', gender: 'female', citizenship: 'MD' }),
        201,
      );
      const visit = expectStatus<Visit>(
        await operator.post('/visits', { personId: person.id, date: '2023-10-10', topicIds: [tid('work')] }),
        201,
      );
      expectStatus(await operator.get(`/visits/${visit.id}`), 200);
      expectStatus(await operator.patch(`/visits/${visit.id}`, { version: 1, channel: 'phone', notes: 'x' }), 200);
      expect((await operator.delete(`/visits/${visit.id}`)).statusCode).toBe(204);
      expectProblem(await operator.get(`/visits/${visit.id}`), 404, 'resource.not_found');
      expect(await t.db.selectFrom('visits').select('id').where('id', '=', visit.id).execute()).toEqual([]);
      expect(await t.db.selectFrom('visitTopics').select('topicId').where('visitId', '=', visit.id).execute()).toEqual([]);

      const audit = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entity', '=', 'visit')
        .where('entityId', '=', String(visit.id))
        .orderBy('id')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'read', 'update', 'delete']);
      for (const row of audit) expect(row).toMatchObject({ userId: cast.operatorA.id, centreId: cast.centreA.id });
      expect(JSON.parse(audit[2]?.details ?? '{}')).toEqual({ fields: ['channel', 'notes'] });
      expect(JSON.stringify(audit)).not.toContain('Popescu');
      // The person stays.
      expectStatus(await operator.get(`/people/${person.id}`), 200);
    });

    it('a visit recorded on the wrong person is moved to the right one, or made anonymous; each correction is audited', async () => {
      const newPerson = async (as: Api, givenNames: string, citizenship: string, birthDate: string) =>
        expectStatus<Person>(await as.post('/people', { givenNames, familyNames: 'Rossi', gender: 'male', citizenship, birthDate }), 201);
      const wrong = await newPerson(operator, 'Karim', 'MA', '1990-01-01');
      const right = await newPerson(operator, 'Ion', 'RO', '2000-05-05');
      const elsewhere = await newPerson(operatorB, 'Ivan', 'UA', '1980-01-01');
      const visit = expectStatus<Visit>(
        await operator.post('/visits', { personId: wrong.id, date: '2023-05-10', time: '10:00', topicIds: [tid('work')] }),
        201,
      );

      // To the right person: the facts of the visit's day are the right person's.
      const moved = expectStatus<Visit>(await operator.patch(`/visits/${visit.id}`, { version: 1, personId: right.id }), 200);
      expect(moved).toMatchObject({
        person: { id: right.id, givenNames: 'Ion' },
        gender: 'male',
        citizenship: 'RO',
        originGroup: 'eu',
        ageBand: '18-29',
        date: '2023-05-10',
        time: '10:00',
        version: 2,
      });
      // Not to a person of a centre the operator does not work in; not to a person and an anonymous visitor at once.
      expectProblem(await operator.patch(`/visits/${visit.id}`, { version: 2, personId: elsewhere.id }), 404, 'resource.not_found');
      const anonymous = { gender: 'female', citizenship: 'NG', ageBand: '30-44' };
      expectProblem(await operator.patch(`/visits/${visit.id}`, { version: 2, personId: right.id, anonymous }), 400, 'validation.failed');
      // Without a visitor at all: refused.
      expectProblem(await operator.patch(`/visits/${visit.id}`, { version: 2, personId: null }), 400, 'validation.failed');

      // Recorded on a person by mistake: the person is taken off and the visitor is anonymous.
      const made = expectStatus<Visit>(await operator.patch(`/visits/${visit.id}`, { version: 2, personId: null, anonymous }), 200);
      expect(made).toMatchObject({ person: null, ...anonymous, originGroup: 'non_eu', version: 3 });
      // And back to a person, from the anonymous visitor.
      expect(expectStatus<Visit>(await operator.patch(`/visits/${visit.id}`, { version: 3, personId: wrong.id }), 200)).toMatchObject({
        person: { id: wrong.id },
        citizenship: 'MA',
        ageBand: '30-44',
      });
      expect((await operator.get('/visits', { personId: right.id })).json<Page<Visit>>().total).toBe(0);

      // Deleted with the version read: a stale one changes nothing.
      expectProblem(await operator.delete(`/visits/${visit.id}?version=3`), 409, 'resource.stale_version');
      expect((await operator.delete(`/visits/${visit.id}?version=4`)).statusCode).toBe(204);

      const audit = await t.db
        .selectFrom('auditLog')
        .select(['action', 'details', 'userId', 'centreId'])
        .where('entity', '=', 'visit')
        .where('entityId', '=', String(visit.id))
        .orderBy('id')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'update', 'update', 'delete']);
      expect(audit.map((row) => (row.details ? JSON.parse(row.details).fields : undefined))).toEqual([
        undefined,
        ['personId'],
        ['personId', 'anonymous'],
        ['personId'],
        undefined,
      ]);
      for (const row of audit) expect(row).toMatchObject({ userId: cast.operatorA.id, centreId: cast.centreA.id });
      expect(JSON.stringify(audit)).not.toContain('Rossi');
    });
  });
}
