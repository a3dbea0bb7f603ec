/** Retention (issue 14): settings, preview, runs and their log, roles, one run at a time; on both databases. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
  api,
  auditRowsOf,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { whilePersonDeletesRefused } from '../../../test/support/erasure.js';
import type { Page } from '../../contracts/common.js';
import type { Household } from '../../contracts/households.js';
import type { Person } from '../../contracts/people.js';
import type { RetentionPreview, RetentionRun, RetentionSettings } from '../../contracts/retention.js';
import { todayInRome } from '../../domain/dates.js';
import { addYears } from '../../domain/retention.js';
import { runRetention, runScheduledRetention } from './retention.usecases.js';

const SETTINGS = { enabled: true, yearsAfterContact: 2, yearsAfterCase: 3 };
const put = (as: Api, payload: Record<string, unknown>) => as.request({ method: 'PUT', url: '/organisation/retention', payload });
const fieldCodes = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((e) => [e.path, e.code]);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: retention`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operatorB: Api;
    let coordinator: Api;
    let admin: Api;
    let viewer: Api;
    const today = todayInRome();
    const yearsAgo = (years: number) => addYears(today, -years);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operatorB, coordinator, admin, viewer] = (await Promise.all(
        [cast.operatorA, cast.operatorB, cast.coordinator, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    let counter = 0;
    /** A person registered years ago (their file's own date is a contact too). */
    const oldPerson = async (as: Api = operator) => {
      const person = expectStatus<Person>(
        await as.post('/people', {
          givenNames: 'Test',
          familyNames: `Conservato${++counter}`,
          gender: 'male',
          citizenship: 'MA',
          confirmNotDuplicate: true,
        }),
        201,
      );
      await t.db.updateTable('people').set({ createdAt: '2015-01-12T09:00:00.000Z' }).where('id', '=', person.id).execute();
      return person;
    };
    const visit = async (personId: number, date: string, as: Api = operator) => {
      const topic = await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'health').executeTakeFirstOrThrow();
      expectStatus(await as.post('/visits', { personId, date, time: '10:00', topicIds: [topic.id] }), 201);
    };
    const openCase = async (body: Record<string, unknown>) =>
      expectStatus<{ id: number; version: number }>(await coordinator.post('/cases', { areas: ['work'], ...body }), 201);
    const closeCase = async (opened: { id: number; version: number }, closedOn: string) =>
      expectStatus(
        await coordinator.post(`/cases/${opened.id}/close`, { version: opened.version, closedOn, reason: 'goals_achieved' }),
        200,
      );

    it('is off until an administrator turns it on: the defaults, an empty preview, a run refused (409)', async () => {
      expect(expectStatus<RetentionSettings>(await admin.get('/organisation/retention'), 200)).toEqual({
        enabled: false,
        yearsAfterContact: 5,
        yearsAfterCase: 10,
        updatedBy: null,
        updatedAt: null,
      });
      const person = await oldPerson();
      await visit(person.id, '2016-02-01');
      const preview = expectStatus<RetentionPreview>(await admin.get('/retention/preview'), 200);
      expect(preview).toMatchObject({ items: [], total: 0, enabled: false, dueInOrganisation: 0, today });
      expectProblem(await admin.post('/retention/runs'), 409, 'retention.off');
      // The schedule does nothing either, and logs nothing.
      expect(await runScheduledRetention(t.db)).toEqual([]);
      expect(await t.db.selectFrom('retentionRuns').select('id').execute()).toEqual([]);
      await t.db.deleteFrom('visits').where('personId', '=', person.id).execute();
      await t.db.deleteFrom('people').where('id', '=', person.id).execute();
    });

    it('refuses settings out of bounds, a case kept less than a file without, unknown fields (problem+json 400); only administrators set them (403)', async () => {
      expect(fieldCodes(expectProblem(await put(admin, { ...SETTINGS, yearsAfterContact: 0 }), 400, 'validation.failed'))).toEqual([
        ['body.yearsAfterContact', 'too_small'],
      ]);
      expect(fieldCodes(expectProblem(await put(admin, { ...SETTINGS, yearsAfterCase: 51 }), 400, 'validation.failed'))).toEqual([
        ['body.yearsAfterCase', 'too_big'],
      ]);
      expect(
        fieldCodes(expectProblem(await put(admin, { ...SETTINGS, yearsAfterContact: 4, yearsAfterCase: 3 }), 400, 'validation.failed')),
      ).toEqual([['body.yearsAfterCase', 'retention.case_years_below_contact_years']]);
      expectProblem(await put(admin, { ...SETTINGS, yearsAfterContact: 2.5 }), 400, 'validation.failed');
      expectProblem(await put(admin, { ...SETTINGS, purge: true }), 400, 'validation.failed');
      expectProblem(await put(admin, { yearsAfterContact: 2, yearsAfterCase: 3 }), 400, 'validation.failed');
      expectProblem(await put(coordinator, SETTINGS), 403, 'auth.forbidden');
      expectProblem(await put(operator, SETTINGS), 403, 'auth.forbidden');
      expect(await t.db.selectFrom('retentionSettings').selectAll().execute()).toEqual([]);
    });

    it('reads: administrators and coordinators; operators and viewers not (403); runs: administrators only', async () => {
      for (const path of ['/organisation/retention', '/retention/preview', '/retention/runs']) {
        expectStatus(await coordinator.get(path), 200);
        expectProblem(await operator.get(path), 403, 'auth.forbidden');
        expectProblem(await viewer.get(path), 403, 'auth.forbidden');
      }
      expectProblem(await coordinator.post('/retention/runs'), 403, 'auth.forbidden');
      expectProblem(await operator.post('/retention/runs'), 403, 'auth.forbidden');
      expectProblem(await coordinator.get('/retention/preview', { centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await admin.get('/retention/preview', { pageSize: 500 }), 400, 'validation.failed');
    });

    it('previews exactly the files due, with the last contact and why; an open case of theirs or of their household keeps them; a run removes them, audited and logged', async () => {
      // Due: no case, last seen 2018; a case closed in 2019; another centre's visitor (not in the coordinator's preview).
      const gone = await oldPerson();
      await visit(gone.id, '2017-04-03');
      await visit(gone.id, '2018-03-01');
      const closed = await oldPerson();
      await visit(closed.id, '2016-05-02');
      await closeCase(await openCase({ personId: closed.id, openedOn: '2016-05-02' }), '2019-06-28');
      const elsewhere = await oldPerson(operatorB);
      await visit(elsewhere.id, '2018-09-10', operatorB);
      // Kept: seen a year ago; an open case; a household's open case; a case closed two years ago (3 years for cases).
      const recent = await oldPerson();
      await visit(recent.id, yearsAgo(1));
      const inCare = await oldPerson();
      await visit(inCare.id, '2016-01-10');
      await openCase({ personId: inCare.id, openedOn: '2016-01-10' });
      const [parent, child] = [await oldPerson(), await oldPerson()];
      await visit(child.id, '2016-01-11');
      const household = expectStatus<Household>(
        await operator.post('/households', {
          name: 'Famiglia Conservata',
          members: [
            { personId: parent.id, relation: 'reference_person', joinedOn: '2016-01-11' },
            { personId: child.id, relation: 'child', joinedOn: '2016-01-11' },
          ],
        }),
        201,
      );
      await openCase({ householdId: household.id, openedOn: '2016-01-11' });
      const recentlyClosed = await oldPerson();
      await closeCase(await openCase({ personId: recentlyClosed.id, openedOn: '2016-03-01' }), yearsAgo(2));

      const settings = expectStatus<RetentionSettings>(await put(admin, SETTINGS), 200);
      expect(settings).toMatchObject({ ...SETTINGS, updatedBy: { id: cast.admin.id, displayName: 'Anna Admin' } });
      const setRows = await auditRowsOf(t.db, 'retention_settings', cast.organisationId);
      expect(setRows.map((row) => [row.action, row.userId])).toEqual([['update', cast.admin.id]]);
      expect(JSON.parse(setRows[0]?.details ?? '{}')).toEqual({ fields: ['enabled', 'yearsAfterContact', 'yearsAfterCase'], ...SETTINGS });

      const forCoordinator = expectStatus<RetentionPreview>(await coordinator.get('/retention/preview'), 200);
      expect(forCoordinator.items).toEqual([
        {
          personId: gone.id,
          givenNames: 'Test',
          familyNames: gone.familyNames,
          centreId: cast.centreA.id,
          lastContact: '2018-03-01',
          reason: 'no_case',
          dueOn: '2020-03-01',
        },
        {
          personId: closed.id,
          givenNames: 'Test',
          familyNames: closed.familyNames,
          centreId: cast.centreA.id,
          lastContact: '2019-06-28',
          reason: 'case_closed',
          dueOn: '2022-06-28',
        },
      ]);
      expect(forCoordinator).toMatchObject({ total: 2, enabled: true, dueInOrganisation: 3 });
      const listed = await t.db
        .selectFrom('auditLog')
        .select(['userId', 'details'])
        .where('action', '=', 'list')
        .where('entity', '=', 'retention_preview')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(listed.userId).toBe(cast.coordinator.id);
      expect(JSON.parse(listed.details ?? '{}')).toEqual({ personIds: [gone.id, closed.id] });
      const forAdmin = expectStatus<RetentionPreview>(await admin.get('/retention/preview', { pageSize: 2, page: 2 }), 200);
      expect(forAdmin).toMatchObject({
        total: 3,
        page: 2,
        items: [{ personId: elsewhere.id, centreId: cast.centreB.id, reason: 'no_case' }],
      });

      const run = expectStatus<RetentionRun>(await admin.post('/retention/runs'), 201);
      expect(run).toMatchObject({
        trigger: 'manual',
        startedBy: { id: cast.admin.id, displayName: 'Anna Admin' },
        outcome: 'completed',
        peopleRemoved: 3,
        yearsAfterContact: 2,
        yearsAfterCase: 3,
        detail: null,
      });
      expect(run.finishedAt).not.toBeNull();
      for (const person of [gone, closed, elsewhere]) {
        const rows = await auditRowsOf(t.db, 'person', person.id);
        expect(rows.at(-1)).toMatchObject({ action: 'delete', userId: cast.admin.id, centreId: person.centreId });
        expect(JSON.parse(rows.at(-1)?.details ?? '{}')).toEqual({ retentionRunId: run.id });
      }
      expectProblem(await operator.get(`/people/${gone.id}`), 404, 'resource.not_found');
      expectProblem(await operatorB.get(`/people/${elsewhere.id}`), 404, 'resource.not_found');
      for (const kept of [recent, inCare, parent, child, recentlyClosed]) expectStatus(await operator.get(`/people/${kept.id}`), 200);
      // Removed as an erasure removes: the visits stay, anonymous.
      const visits = await t.db
        .selectFrom('visits')
        .select(['personId', 'notes'])
        .where('visitDate', 'in', ['2017-04-03', '2018-03-01'])
        .execute();
      expect(visits).toEqual([
        { personId: null, notes: null },
        { personId: null, notes: null },
      ]);
      expect(expectStatus<RetentionPreview>(await admin.get('/retention/preview'), 200)).toMatchObject({ total: 0, dueInOrganisation: 0 });

      const log = expectStatus<Page<RetentionRun>>(await coordinator.get('/retention/runs'), 200);
      expect(log).toMatchObject({ total: 1, items: [run] });
    });

    it('the daily run: once a day (Europe/Rome), by nobody; a second call the same day does nothing', async () => {
      const person = await oldPerson();
      await visit(person.id, '2017-01-05');
      const now = new Date();
      const [scheduled] = await runScheduledRetention(t.db, now);
      expect(scheduled).toMatchObject({ trigger: 'scheduled', startedBy: null, outcome: 'completed', peopleRemoved: 1 });
      expect((await auditRowsOf(t.db, 'person', person.id)).at(-1)).toMatchObject({ action: 'delete', userId: null });
      expect(await runScheduledRetention(t.db, now)).toEqual([]);
    });

    it('one run at a time: a run while another is marked running is skipped and logged; a manual one answers 409', async () => {
      const person = await oldPerson();
      await visit(person.id, '2017-01-06');
      const now = new Date();
      // Another run started a minute ago and is going (on SQLite: the runs table is the guard).
      const running = await t.db
        .insertInto('retentionRuns')
        .values({
          organisationId: cast.organisationId,
          trigger: 'scheduled',
          startedBy: null,
          startedAt: new Date(now.getTime() - 60_000).toISOString(),
          outcome: 'running',
          yearsAfterContact: 2,
          yearsAfterCase: 3,
          finishedAt: null,
          detail: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (t.dialect === 'sqlite') {
        const skipped = await runRetention(t.db, { organisationId: cast.organisationId, trigger: 'scheduled', userId: null, now });
        expect(skipped).toMatchObject({ outcome: 'skipped', detail: 'another run was going', peopleRemoved: 0 });
        expectProblem(await admin.post('/retention/runs'), 409, 'retention.run_in_progress');
        expectStatus(await operator.get(`/people/${person.id}`), 200);
        // Six hours on, a run still marked running died with its server: the next run goes ahead.
        await t.db.updateTable('retentionRuns').set({ startedAt: '2020-01-01T00:00:00.000Z' }).where('id', '=', running.id).execute();
      }
      // On PostgreSQL a run holding the advisory lock knows no other is alive: the row is stale at once.
      const next = await runRetention(t.db, { organisationId: cast.organisationId, trigger: 'manual', userId: cast.admin.id, now });
      expect(next).toMatchObject({ outcome: 'completed', peopleRemoved: 1 });
      const stale = await t.db.selectFrom('retentionRuns').selectAll().where('id', '=', running.id).executeTakeFirstOrThrow();
      expect(stale).toMatchObject({ outcome: 'interrupted' });
    });

    if (dialect === 'postgres') {
      it('two runs at once on one PostgreSQL database (two instances): one runs, the other skips and is logged', async () => {
        const person = await oldPerson();
        await visit(person.id, '2017-01-07');
        const organisationId = cast.organisationId;
        const lockHeld = async () => {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and granted and classid = ${0x5245544e} and objid = ${organisationId}`.execute(t.db);
          return (rows[0]?.n ?? 0) > 0;
        };
        // A desk holds the person's row (an open edit): the first run stops there, holding its lock, until the desk is done.
        const [first, second] = await t.db.transaction().execute(async (desk) => {
          await desk.selectFrom('people').select('id').where('id', '=', person.id).forUpdate().execute();
          const running = runRetention(t.db, { organisationId, trigger: 'scheduled', userId: null });
          // Wait for the first run to hold the organisation's lock (a condition, not a time).
          while (!(await lockHeld())) await new Promise((resolve) => setImmediate(resolve));
          const other = await runRetention(t.db, { organisationId, trigger: 'manual', userId: cast.admin.id });
          return [running, other] as const;
        });
        expect(second).toMatchObject({ trigger: 'manual', outcome: 'skipped', detail: 'another run was going', peopleRemoved: 0 });
        expect(await first).toMatchObject({ trigger: 'scheduled', outcome: 'completed', peopleRemoved: 1 });
        expectProblem(await operator.get(`/people/${person.id}`), 404, 'resource.not_found');
        const log = expectStatus<Page<RetentionRun>>(await admin.get('/retention/runs', { pageSize: 2 }), 200);
        expect(log.items.map((r) => r.outcome).sort()).toEqual(['completed', 'skipped']);
      });
    }

    it('a run that fails is logged failed with what it removed before; the batch that failed is rolled back', async () => {
      const person = await oldPerson();
      await visit(person.id, '2017-01-08');
      const actor = await actorOf(t.db, cast.admin.id);
      await whilePersonDeletesRefused(t.db, t.dialect, () =>
        expect(runRetention(t.db, { organisationId: actor.organisationId, trigger: 'manual', userId: actor.userId })).rejects.toThrow(
          /refused by the test/,
        ),
      );
      const [failed] = expectStatus<Page<RetentionRun>>(await admin.get('/retention/runs'), 200).items;
      expect(failed).toMatchObject({ outcome: 'failed', peopleRemoved: 0, detail: 'stopped by an error' });
      expectStatus(await operator.get(`/people/${person.id}`), 200);
      expect((await auditRowsOf(t.db, 'person', person.id)).map((row) => row.action)).not.toContain('delete');
    });
  });
}
