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
import type {
  CalendarDay,
  CalendarFigures,
  ClosureRecord,
  HoursSet,
  Project,
  PublicHours,
  StaffList,
  StaffMember,
} from '../../contracts/calendar.js';
import type { CentreSettings } from '../../contracts/centres.js';
import type { Page } from '../../contracts/common.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { addDays } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { loadCentreCalendar } from './calendar.repository.js';
import { calendarOfYear, projectsOfYear, staffOfYear } from './report.js';
import { withOpeningFlags } from './visit-flags.js';

const morning = (weekday: number) => ({ weekday, from: '09:00', to: '12:00' });
const afternoon = (weekday: number) => ({ weekday, from: '15:00', to: '18:00' });
/** Jesi's hours before 15 October 2024 (see src/domain/calendar.test.ts). */
const JESI_HOURS = [morning(1), morning(2), afternoon(2), morning(3), afternoon(4), morning(5)];
const JESI_CLOSURES = [
  { from: '2024-01-02', to: '2024-01-05', reason: 'Chiusura invernale' },
  { from: '2024-08-05', to: '2024-08-23', reason: 'Chiusura estiva' },
  { from: '2024-12-24', to: '2024-12-27', reason: 'Chiusura natalizia' },
  { from: '2024-12-31', to: '2024-12-31', reason: 'Chiusura natalizia' },
];

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: calendar, staff, projects`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api; // centre A
    let coordinatorB: Api; // centre B
    let operator: Api; // centre A
    let admin: Api; // both centres
    let viewer: Api;
    let anonymous: Api;
    let topics: Topic[];
    let firstSet: HoursSet;
    let octoberSet: HoursSet;
    const today = todayInRome();

    const auditOf = (entity: string, entityId?: number) => {
      let query = t.db.selectFrom('auditLog').select(['action', 'userId', 'centreId', 'details']).where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entityId', '=', String(entityId));
      return query.orderBy('id').execute();
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      const coordinatorOfB = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'coordinator',
        centreIds: [cast.centreB.id],
        email: 'coordinator.b@example.test',
      });
      [coordinator, coordinatorB, operator, admin, viewer] = (await Promise.all(
        [cast.coordinator, coordinatorOfB, cast.operatorA, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
      anonymous = api(t.app, null);
      topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
    });
    afterAll(() => t?.close());

    describe('opening hours', () => {
      it('a set from a date, then a change from 15 October copied from it: the past stays as it was', async () => {
        firstSet = expectStatus<HoursSet>(await coordinator.post('/calendar/hours', { validFrom: '2020-01-01', slots: JESI_HOURS }), 201);
        expect(firstSet).toMatchObject({ centreId: cast.centreA.id, validFrom: '2020-01-01', version: 1 });
        expect(firstSet.slots).toHaveLength(6);

        // Without slots, the new set copies the one in force on its date.
        octoberSet = expectStatus<HoursSet>(
          await coordinator.post('/calendar/hours', { validFrom: '2024-10-15', notes: 'Martedì pomeriggio chiuso' }),
          201,
        );
        expect(octoberSet.slots).toEqual(firstSet.slots);
        const before = expectStatus<CalendarFigures>(await coordinator.get('/calendar/figures', { year: 2024, month: 11 }), 200);

        // Tuesday afternoon closed from 15 October.
        octoberSet = expectStatus<HoursSet>(
          await coordinator.patch(`/calendar/hours/${octoberSet.id}`, {
            version: 1,
            slots: JESI_HOURS.filter((s) => !(s.weekday === 2 && s.from === '15:00')),
          }),
          200,
        );
        expect(octoberSet).toMatchObject({ version: 2, notes: 'Martedì pomeriggio chiuso' });
        expect(octoberSet.slots).toHaveLength(5);

        // November 2024 loses the four Tuesday afternoons (5, 12, 19, 26): 12 hours.
        const after = expectStatus<CalendarFigures>(await coordinator.get('/calendar/figures', { year: 2024, month: 11 }), 200);
        expect(after.openDays).toBe(before.openDays);
        expect(before.openMinutes - after.openMinutes).toBe(4 * 3 * 60);
        // October before the change keeps both Tuesday slots.
        const days = expectStatus<CalendarDay[]>(await operator.get('/calendar/days', { from: '2024-10-08', to: '2024-10-15' }), 200);
        expect(days).toHaveLength(8);
        expect(days[0]).toMatchObject({ date: '2024-10-08', weekday: 2, closedBecause: null, hoursKnown: true });
        expect(days[0]?.slots).toHaveLength(2);
        expect(days[7]).toMatchObject({ date: '2024-10-15', slots: [{ weekday: 2, from: '09:00', to: '12:00' }] });
        expect(days[4]).toMatchObject({ date: '2024-10-12', slots: [], closedBecause: { kind: 'no_hours' } });

        const sets = expectStatus<HoursSet[]>(await viewer.get('/calendar/hours'), 200);
        expect(sets.map((s) => s.validFrom)).toEqual(['2020-01-01', '2024-10-15']);
        expect((await auditOf('opening_hours', octoberSet.id)).map((row) => [row.action, row.details && JSON.parse(row.details)])).toEqual([
          ['create', { validFrom: '2024-10-15', slots: 6, copiedFrom: '2020-01-01' }],
          ['update', { fields: ['slots'] }],
        ]);
      });

      it('refuses overlapping or inverted slots, a taken date and a stale version', async () => {
        const overlapping = expectProblem(
          await coordinator.patch(`/calendar/hours/${firstSet.id}`, {
            version: 1,
            slots: [morning(1), { weekday: 1, from: '11:00', to: '13:00' }],
          }),
          400,
          'validation.failed',
        );
        expect(overlapping.errors?.[0]?.path).toBe('body.slots');
        expectProblem(
          await coordinator.post('/calendar/hours', { validFrom: '2030-01-01', slots: [{ weekday: 3, from: '12:00', to: '09:00' }] }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.post('/calendar/hours', { validFrom: '2030-01-01', slots: [{ weekday: 8, from: '09:00', to: '12:00' }] }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.post('/calendar/hours', { validFrom: '2030-01-01', slots: [{ weekday: 1, from: '9:00', to: '12:00' }] }),
          400,
          'validation.failed',
        );
        expectProblem(await coordinator.post('/calendar/hours', { validFrom: '2024-10-15' }), 409, 'calendar.hours_date_taken');
        expectProblem(
          await coordinator.patch(`/calendar/hours/${firstSet.id}`, { version: 1, validFrom: '2024-10-15' }),
          409,
          'calendar.hours_date_taken',
        );
        const stale = expectProblem(
          await coordinator.patch(`/calendar/hours/${octoberSet.id}`, { version: 1, notes: 'x' }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        // Nothing was half-written.
        expect(
          expectStatus<HoursSet[]>(await coordinator.get('/calendar/hours'), 200).map((s) => [s.validFrom, s.slots.length, s.version]),
        ).toEqual([
          ['2020-01-01', 6, 1],
          ['2024-10-15', 5, 2],
        ]);
      });

      it('deletes only a set that starts in the future, at the version read', async () => {
        const future = expectStatus<HoursSet>(
          await coordinator.post('/calendar/hours', { validFrom: addDays(today, 30), slots: [morning(1)] }),
          201,
        );
        expectProblem(await coordinator.delete(`/calendar/hours/${octoberSet.id}?version=2`), 409, 'calendar.hours_not_future');
        expectProblem(await coordinator.delete(`/calendar/hours/${future.id}?version=7`), 409, 'resource.stale_version');
        expectProblem(await coordinator.delete(`/calendar/hours/${future.id}`), 400, 'validation.failed');
        expectStatus(await coordinator.delete(`/calendar/hours/${future.id}?version=1`), 204);
        expectProblem(await coordinator.delete(`/calendar/hours/${future.id}?version=1`), 404, 'resource.not_found');
        expect((await auditOf('opening_hours', future.id)).map((row) => row.action)).toEqual(['create', 'delete']);
      });

      it('only the coordinator and the administrator change the hours; another centre’s answer 404', async () => {
        expectProblem(await operator.post('/calendar/hours', { validFrom: '2031-01-01', slots: [] }), 403, 'auth.forbidden');
        expectProblem(await operator.patch(`/calendar/hours/${firstSet.id}`, { version: 1, notes: 'x' }), 403, 'auth.forbidden');
        expectProblem(await viewer.delete(`/calendar/hours/${firstSet.id}?version=1`), 403, 'auth.forbidden');
        expectProblem(await anonymous.get('/calendar/hours'), 401, 'auth.unauthenticated');
        expectProblem(await coordinatorB.patch(`/calendar/hours/${firstSet.id}`, { version: 1, notes: 'x' }), 404, 'resource.not_found');
        expectProblem(await coordinatorB.get('/calendar/hours', { centreId: cast.centreA.id }), 404, 'resource.not_found');
        expectProblem(await coordinatorB.get('/calendar/figures', { year: 2024, centreId: cast.centreA.id }), 404, 'resource.not_found');
        expect(expectStatus<HoursSet[]>(await coordinatorB.get('/calendar/hours'), 200)).toEqual([]);
        // Someone working in two centres says which.
        expectProblem(await admin.get('/calendar/hours'), 400, 'validation.failed');
        expect(expectStatus<HoursSet[]>(await admin.get('/calendar/hours', { centreId: cast.centreA.id }), 200)).toHaveLength(2);
      });
    });

    describe('closures and settings', () => {
      it('closures: the end not before the start, corrected at the version read, deleted', async () => {
        expectProblem(
          await coordinator.post('/calendar/closures', { from: '2024-08-23', to: '2024-08-05', reason: 'Chiusura estiva' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.post('/calendar/closures', { from: '2024-08-05', to: '2024-08-23', reason: '' }),
          400,
          'validation.failed',
        );
        expectProblem(await operator.post('/calendar/closures', JESI_CLOSURES[0]), 403, 'auth.forbidden');
        const created: ClosureRecord[] = [];
        for (const closure of JESI_CLOSURES)
          created.push(expectStatus<ClosureRecord>(await coordinator.post('/calendar/closures', closure), 201));
        const mistake = expectStatus<ClosureRecord>(
          await coordinator.post('/calendar/closures', { from: '2024-03-01', to: '2024-03-02', reason: 'Per errore' }),
          201,
        );
        const moved = expectStatus<ClosureRecord>(
          await coordinator.patch(`/calendar/closures/${mistake.id}`, { version: 1, to: '2024-03-04' }),
          200,
        );
        expect(moved).toMatchObject({ from: '2024-03-01', to: '2024-03-04', version: 2 });
        expectProblem(
          await coordinator.patch(`/calendar/closures/${mistake.id}`, { version: 2, to: '2024-02-01' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.patch(`/calendar/closures/${mistake.id}`, { version: 1, reason: 'x' }),
          409,
          'resource.stale_version',
        );
        expectProblem(await coordinatorB.patch(`/calendar/closures/${mistake.id}`, { version: 2, reason: 'x' }), 404, 'resource.not_found');
        expectProblem(await coordinator.delete(`/calendar/closures/${mistake.id}?version=1`), 409, 'resource.stale_version');
        expectStatus(await coordinator.delete(`/calendar/closures/${mistake.id}?version=2`), 204);
        expect((await auditOf('closure', mistake.id)).map((row) => [row.action, row.details && JSON.parse(row.details)])).toEqual([
          ['create', null],
          ['update', { fields: ['to'] }],
          ['delete', null],
        ]);

        const listed = expectStatus<ClosureRecord[]>(
          await operator.get('/calendar/closures', { from: '2024-08-01', to: '2024-12-24' }),
          200,
        );
        expect(listed.map((c) => c.from)).toEqual(['2024-08-05', '2024-12-24']);
      });

      it('the patron day and contacts come from the centre’s settings (accounts/centres.test.ts checks them)', async () => {
        const settings = expectStatus<CentreSettings>(await coordinator.get(`/centres/${cast.centreA.id}/settings`), 200);
        expect(settings).toMatchObject({ id: cast.centreA.id, patronDay: null, completionThreshold: 70, version: 1 });
        expectStatus(
          await coordinator.patch(`/centres/${cast.centreA.id}/settings`, {
            version: 1,
            patronDay: '09-22',
            comuneIstat: '042021',
            address: 'Piazza Indipendenza 1',
            phone: '0731 000000',
            email: 'Sportello@Example.test',
          }),
          200,
        );
        // A day that exists only in leap years is a real day.
        expectStatus(await admin.patch(`/centres/${cast.centreB.id}/settings`, { version: 1, patronDay: '02-29' }), 200);
      });

      it('the patron day closes a day that has hours', async () => {
        // 22 September 2025 is a Monday.
        const [day] = expectStatus<CalendarDay[]>(await operator.get('/calendar/days', { from: '2025-09-22', to: '2025-09-22' }), 200);
        expect(day).toMatchObject({ weekday: 1, slots: [], closedBecause: { kind: 'patron_day' } });
        expectProblem(await operator.get('/calendar/days', { from: '2025-09-22', to: '2025-09-21' }), 400, 'validation.failed');
        expectProblem(await operator.get('/calendar/days', { from: '2024-01-01', to: '2025-06-01' }), 400, 'validation.failed');
      });
    });

    describe('figures', () => {
      it('Jesi 2024 through the API: 233 open days and 810 open hours, with each closed day and why', async () => {
        const year = expectStatus<CalendarFigures>(await viewer.get('/calendar/figures', { year: 2024 }), 200);
        expect(year).toMatchObject({
          year: 2024,
          month: null,
          from: '2024-01-01',
          to: '2024-12-31',
          openDays: 233,
          openMinutes: 810 * 60,
          closedDays: 29,
        });
        expect(year.months).toHaveLength(12);
        expect(year.months.reduce((sum, m) => sum + m.openDays, 0)).toBe(233);
        expect(year.months.reduce((sum, m) => sum + m.openMinutes, 0)).toBe(810 * 60);
        expect(year.closed).toHaveLength(29);
        expect(year.closed.find((d) => d.date === '2024-04-01')?.closedBecause).toEqual({ kind: 'holiday', name: 'Lunedì dell’Angelo' });
        expect(year.closed.find((d) => d.date === '2024-08-12')?.closedBecause).toEqual({ kind: 'closure', reason: 'Chiusura estiva' });

        const august = expectStatus<CalendarFigures>(await viewer.get('/calendar/figures', { year: 2024, month: 8 }), 200);
        expect(august).toMatchObject({ month: 8, from: '2024-08-01', to: '2024-08-31', openDays: 7, openMinutes: 24 * 60 });
        expect(august.months).toEqual([{ month: 8, openDays: 7, openMinutes: 24 * 60, closedDays: 15 }]);
        expectProblem(await viewer.get('/calendar/figures', { year: 2024, month: 13 }), 400, 'validation.failed');
        expectProblem(await viewer.get('/calendar/figures'), 400, 'validation.failed');
      });

      it('the data layer: the calendar loaded for a centre, and the year for the annual report', async () => {
        const calendar = await loadCentreCalendar(t.db, cast.centreA.id);
        expect(calendar.hours.map((h) => h.validFrom)).toEqual(['2020-01-01', '2024-10-15']);
        expect(calendar.patronDay).toBe('09-22');
        const report = await calendarOfYear(t.db, cast.centreA.id, 2024);
        expect(report.figures).toMatchObject({ openDays: 233, openMinutes: 810 * 60 });
        expect(report.hours.map((h) => [h.validFrom, h.validTo, h.slots.length])).toEqual([
          ['2020-01-01', '2024-10-14', 6],
          ['2024-10-15', null, 5],
        ]);
        expect(report.closures.map((c) => c.from)).toEqual(JESI_CLOSURES.map((c) => c.from));
        expect((await calendarOfYear(t.db, cast.centreA.id, 2019)).hours).toEqual([]);
      });
    });

    describe('the public page and feed', () => {
      let futureSet: HoursSet;
      let comingClosure: ClosureRecord;

      beforeAll(async () => {
        futureSet = expectStatus<HoursSet>(
          await coordinator.post('/calendar/hours', { validFrom: addDays(today, 20), slots: [morning(1), morning(3)] }),
          201,
        );
        comingClosure = expectStatus<ClosureRecord>(
          await coordinator.post('/calendar/closures', { from: addDays(today, 5), to: addDays(today, 6), reason: 'Inventario' }),
          201,
        );
        // Personal data that must never show: a staff member and the users.
        expectStatus(await coordinator.post('/staff', { name: 'Mariangela Pubblicata', role: 'other' }), 201);
      });
      afterAll(async () => {
        expectStatus(await coordinator.delete(`/calendar/hours/${futureSet.id}?version=1`), 204);
        expectStatus(await coordinator.delete(`/calendar/closures/${comingClosure.id}?version=1`), 204);
      });

      const noPersonalData = (body: string) => {
        for (const user of [cast.coordinator, cast.operatorA, cast.admin]) {
          expect(body).not.toContain(user.email);
          expect(body).not.toContain(user.displayName);
        }
        expect(body).not.toContain('Mariangela');
      };

      it('shows the current hours, the next change and the coming closures and holidays, without login', async () => {
        const res = await anonymous.get(`/public/centres/${cast.centreA.code}/hours`);
        const hours = expectStatus<PublicHours>(res, 200);
        expect(res.headers['cache-control']).toContain('public');
        expect(hours).toMatchObject({
          centre: {
            code: cast.centreA.code,
            name: cast.centreA.name,
            comune: 'Comune di Jesi',
            address: 'Piazza Indipendenza 1',
            phone: '0731 000000',
            email: 'sportello@example.test',
          },
          today,
          until: addDays(today, 90),
          current: { validFrom: '2024-10-15' },
          next: { validFrom: addDays(today, 20), slots: [morning(1), morning(3)] },
        });
        expect(hours.current?.slots).toHaveLength(5);
        expect(hours.closures).toContainEqual({ from: addDays(today, 5), to: addDays(today, 6), reason: 'Inventario' });
        for (const holiday of hours.holidays) {
          expect(holiday.date >= today && holiday.date <= hours.until).toBe(true);
          expect(holiday.kind === 'patron_day' || holiday.name).toBeTruthy();
        }
        noPersonalData(res.body);
        // A logged-in user reads the same.
        expect(expectStatus<PublicHours>(await operator.get(`/public/centres/${cast.centreA.code}/hours`), 200).centre.code).toBe(
          cast.centreA.code,
        );
      });

      it('an unknown centre code answers 404', async () => {
        expectProblem(await anonymous.get('/public/centres/NOPE/hours'), 404, 'resource.not_found');
        expectProblem(await anonymous.get('/public/centres/NOPE/calendar.ics'), 404, 'resource.not_found');
      });

      it('an iCalendar feed of closures and holidays (all-day) and the coming opening slots', async () => {
        const res = await anonymous.get(`/public/centres/${cast.centreA.code}/calendar.ics`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/calendar/);
        expect(res.body).toMatch(/^BEGIN:VCALENDAR/);
        const events = res.body.split('BEGIN:VEVENT').slice(1);
        const closure = events.find((e) => e.includes('SUMMARY:Chiuso: Inventario'));
        expect(closure).toContain(`DTSTART;VALUE=DATE:${addDays(today, 5).replaceAll('-', '')}`);
        expect(closure).toContain(`DTEND;VALUE=DATE:${addDays(today, 7).replaceAll('-', '')}`);
        const open = events.filter((e) => e.includes('SUMMARY:Aperto'));
        expect(open.length).toBeGreaterThan(0);
        for (const event of open) expect(event).toMatch(/DTSTART:\d{8}T\d{6}Z/);
        // Where and how to reach the centre: its address and comune, its telephone and e-mail.
        expect(open[0]?.replace(/\r\n /g, '')).toContain('LOCATION:Piazza Indipendenza 1\\, Jesi (AN)');
        expect(open[0]?.replace(/\r\n /g, '')).toContain('Tel. 0731 000000');
        noPersonalData(res.body);
      });

      it('a centre without hours has an empty feed and page, not an error', async () => {
        const hours = expectStatus<PublicHours>(await anonymous.get(`/public/centres/${cast.centreB.code}/hours`), 200);
        expect(hours).toMatchObject({ current: null, next: null, closures: [], holidays: [] });
        const res = await anonymous.get(`/public/centres/${cast.centreB.code}/calendar.ics`);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain('BEGIN:VEVENT');
      });
    });

    describe('visits outside the opening hours', () => {
      it('are recorded (catch-up) and flagged on read, never on the hot path', async () => {
        const topicIds = [(topics[0] as Topic).id];
        const visit = async (date: string, time: string) =>
          expectStatus<Visit>(
            await operator.post('/visits', { date, time, anonymous: { gender: 'female', citizenship: 'MA', ageBand: '30-44' }, topicIds }),
            201,
          );
        const closed = await visit('2024-03-04', '13:00'); // a Monday, after the morning slot
        const open = await visit('2024-03-04', '10:00');
        const easter = await visit('2024-04-01', '10:00'); // Easter Monday
        const tuesdayAfternoon = await visit('2024-10-22', '16:00'); // after the change of 15 October
        expect(closed.outsideOpeningHours).toBeUndefined();

        const list = expectStatus<Page<Visit>>(await operator.get('/visits', { from: '2024-01-01', to: '2024-12-31' }), 200);
        const flag = (id: number) => list.items.find((v) => v.id === id)?.outsideOpeningHours;
        expect([flag(closed.id), flag(open.id), flag(easter.id), flag(tuesdayAfternoon.id)]).toEqual([true, false, true, true]);
        expect(expectStatus<Visit>(await operator.get(`/visits/${closed.id}`), 200).outsideOpeningHours).toBe(true);
        expect(expectStatus<Visit>(await operator.get(`/visits/${open.id}`), 200).outsideOpeningHours).toBe(false);
        // Corrected to an open time, the flag goes.
        expect(
          expectStatus<Visit>(await operator.patch(`/visits/${closed.id}`, { version: 1, time: '11:30' }), 200).outsideOpeningHours,
        ).toBe(false);

        // Before the first hours set, or in a centre without hours, nothing is flagged.
        const early = await visit('2019-06-03', '20:00');
        expect(expectStatus<Visit>(await operator.get(`/visits/${early.id}`), 200).outsideOpeningHours).toBe(false);
        const flagged = await withOpeningFlags(t.db, [
          { centreId: cast.centreB.id, date: '2024-03-04', time: '23:00' },
          { centreId: cast.centreA.id, date: '2024-03-04', time: '23:00' },
        ]);
        expect(flagged.map((v) => v.outsideOpeningHours)).toEqual([false, true]);
      });
    });

    describe('staff', () => {
      let member: StaffMember;
      let project: Project;

      it('staff members with a role and an optional account of their centre', async () => {
        expectProblem(await coordinator.post('/staff', { name: 'Giulia Bianchi', role: 'cook' }), 400, 'validation.failed');
        expectProblem(await coordinator.post('/staff', { name: '', role: 'coordinator' }), 400, 'validation.failed');
        expectProblem(
          await coordinator.post('/staff', { name: 'Bruno', role: 'integration_operator', userId: cast.operatorB.id }),
          404,
          'resource.not_found',
        );
        member = expectStatus<StaffMember>(
          await coordinator.post('/staff', { name: 'Omar Operatore', role: 'mediation_operator', userId: cast.operatorA.id }),
          201,
        );
        expect(member).toMatchObject({
          centreId: cast.centreA.id,
          role: 'mediation_operator',
          user: { id: cast.operatorA.id, displayName: cast.operatorA.displayName },
          contracts: [],
          weeklyMinutes: 0,
          version: 1,
        });
        member = expectStatus<StaffMember>(
          await coordinator.patch(`/staff/${member.id}`, { version: 1, role: 'integration_operator', userId: null }),
          200,
        );
        expect(member).toMatchObject({ role: 'integration_operator', user: null, version: 2 });
        expectProblem(await coordinator.patch(`/staff/${member.id}`, { version: 1, notes: 'x' }), 409, 'resource.stale_version');
        expectProblem(await operator.get('/staff'), 403, 'auth.forbidden');
        expectProblem(await operator.post('/staff', { name: 'X', role: 'other' }), 403, 'auth.forbidden');
        expectProblem(await coordinatorB.get(`/staff/${member.id}`), 404, 'resource.not_found');
        expectProblem(await coordinatorB.patch(`/staff/${member.id}`, { version: 2, name: 'X' }), 404, 'resource.not_found');
      });

      it('projects: a funder, a period in order, extra hours a week', async () => {
        expectProblem(
          await coordinator.post('/projects', { name: 'FAMI', from: '2024-12-31', to: '2024-01-01' }),
          400,
          'validation.failed',
        );
        expectProblem(await operator.post('/projects', { name: 'FAMI', from: '2024-01-01' }), 403, 'auth.forbidden');
        project = expectStatus<Project>(
          await coordinator.post('/projects', {
            name: 'Progetto Integrazione',
            funder: 'Regione Marche',
            from: '2024-10-15',
            to: '2025-06-30',
            extraWeeklyMinutes: 360,
            description: 'Sei ore in più di sportello',
          }),
          201,
        );
        expect(project).toMatchObject({
          centreId: cast.centreA.id,
          from: '2024-10-15',
          to: '2025-06-30',
          extraWeeklyMinutes: 360,
          version: 1,
        });
        project = expectStatus<Project>(await coordinator.patch(`/projects/${project.id}`, { version: 1, funder: 'ATS 9' }), 200);
        expect(project).toMatchObject({ funder: 'ATS 9', version: 2 });
        expectProblem(await coordinator.patch(`/projects/${project.id}`, { version: 2, to: '2024-01-01' }), 400, 'validation.failed');
        expectProblem(await coordinator.patch(`/projects/${project.id}`, { version: 1, name: 'x' }), 409, 'resource.stale_version');
        expectProblem(await coordinatorB.patch(`/projects/${project.id}`, { version: 2, name: 'x' }), 404, 'resource.not_found');
        expect(expectStatus<Project[]>(await operator.get('/projects', { year: 2024 }), 200).map((p) => p.id)).toEqual([project.id]);
        expect(expectStatus<Project[]>(await operator.get('/projects', { year: 2023 }), 200)).toEqual([]);
        expect((await projectsOfYear(t.db, cast.centreA.id, 2025)).map((p) => p.name)).toEqual(['Progetto Integrazione']);
      });

      it('contracts: the weekly hours in force on a date and the hours of a year', async () => {
        expectProblem(
          await coordinator.post(`/staff/${member.id}/contracts`, { from: '2024-09-01', to: '2024-08-31', weeklyMinutes: 600 }),
          400,
          'validation.failed',
        );
        expectProblem(
          await coordinator.post(`/staff/${member.id}/contracts`, { from: '2024-09-01', weeklyMinutes: 0 }),
          400,
          'validation.failed',
        );
        const otherProject = expectStatus<Project>(await coordinatorB.post('/projects', { name: 'Altro', from: '2024-01-01' }), 201);
        expectProblem(
          await coordinator.post(`/staff/${member.id}/contracts`, { from: '2024-10-15', weeklyMinutes: 360, projectId: otherProject.id }),
          404,
          'resource.not_found',
        );
        expectStatus(
          await coordinator.post(`/staff/${member.id}/contracts`, { from: '2023-01-01', to: '2024-08-31', weeklyMinutes: 30 * 60 }),
          201,
        );
        expectStatus(
          await coordinator.post(`/staff/${member.id}/contracts`, {
            from: '2024-09-01',
            weeklyMinutes: 36 * 60,
            description: 'nuovo contratto dal 1 settembre',
          }),
          201,
        );
        member = expectStatus<StaffMember>(
          await coordinator.post(`/staff/${member.id}/contracts`, {
            from: '2024-10-15',
            to: '2025-06-30',
            weeklyMinutes: 6 * 60,
            description: '+6 ore dal 15 ottobre',
            projectId: project.id,
          }),
          201,
        );
        expect(member.contracts.map((c) => [c.from, c.to, c.weeklyMinutes, c.project?.name ?? null])).toEqual([
          ['2023-01-01', '2024-08-31', 1800, null],
          ['2024-09-01', null, 2160, null],
          ['2024-10-15', '2025-06-30', 360, 'Progetto Integrazione'],
        ]);

        const on = async (date: string) =>
          expectStatus<StaffList>(await coordinator.get('/staff', { date, year: 2024 }), 200).items.find((m) => m.id === member.id);
        expect((await on('2024-08-31'))?.weeklyMinutes).toBe(30 * 60);
        expect((await on('2024-09-01'))?.weeklyMinutes).toBe(36 * 60);
        expect((await on('2024-10-15'))?.weeklyMinutes).toBe(42 * 60);
        // (244 days × 30 h + 122 × 36 + 78 × 6) / 7 = 1740 h (see src/domain/calendar.test.ts).
        expect((await on('2024-10-15'))?.yearMinutes).toBe(1740 * 60);

        const extra = member.contracts[2] as StaffMember['contracts'][number];
        expectProblem(
          await coordinator.patch(`/staff/${member.id}/contracts/${extra.id}`, { version: 1, to: '2024-10-01' }),
          400,
          'validation.failed',
        );
        member = expectStatus<StaffMember>(
          await coordinator.patch(`/staff/${member.id}/contracts/${extra.id}`, { version: 1, to: '2024-12-31' }),
          200,
        );
        expectProblem(
          await coordinator.patch(`/staff/${member.id}/contracts/${extra.id}`, { version: 1, weeklyMinutes: 60 }),
          409,
          'resource.stale_version',
        );
        expectProblem(
          await coordinatorB.patch(`/staff/${member.id}/contracts/${extra.id}`, { version: 2, weeklyMinutes: 60 }),
          404,
          'resource.not_found',
        );

        const report = await staffOfYear(t.db, cast.centreA.id, 2024);
        const inReport = report.items.find((m) => m.id === member.id);
        // On 31 December (the end of the extra hours, included) 42 h a week.
        expect(inReport).toMatchObject({ weeklyMinutes: 42 * 60, yearMinutes: 1740 * 60 });
        // The member added for the public page has no contract in 2024.
        expect(report.items.map((m) => m.name)).toEqual(['Omar Operatore']);
        expect((await staffOfYear(t.db, cast.centreA.id, 2022)).items).toEqual([]);

        expect((await auditOf('staff_contract', extra.id)).map((row) => [row.action, JSON.parse(row.details ?? '{}')])).toEqual([
          ['create', { staffId: member.id }],
          ['update', { staffId: member.id, fields: ['to'] }],
        ]);
      });

      it('deleting a project keeps the hours it paid for; deleting a member removes their contracts', async () => {
        expectStatus(await coordinator.delete(`/projects/${project.id}?version=2`), 204);
        member = expectStatus<StaffMember>(await coordinator.get(`/staff/${member.id}`), 200);
        expect(member.contracts[2]).toMatchObject({ weeklyMinutes: 360, project: null });
        const contract = member.contracts[0] as StaffMember['contracts'][number];
        expectStatus(await coordinator.delete(`/staff/${member.id}/contracts/${contract.id}?version=1`), 204);
        expectProblem(await coordinator.delete(`/staff/${member.id}?version=1`), 409, 'resource.stale_version');
        expectStatus(await coordinator.delete(`/staff/${member.id}?version=2`), 204);
        expect(await t.db.selectFrom('staffContracts').select('id').where('staffId', '=', member.id).execute()).toEqual([]);
        expect((await auditOf('staff_member', member.id)).map((row) => row.action)).toEqual(['create', 'update', 'delete']);
        expect((await auditOf('project', project.id)).map((row) => row.action)).toEqual(['create', 'update', 'delete']);
      });
    });
  });
}
