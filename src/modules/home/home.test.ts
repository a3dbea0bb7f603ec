import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { ERASURE_REQUEST, erasurePath, whilePersonDeletesRefused } from '../../../test/support/erasure.js';
import type { Case, CaseGoal } from '../../contracts/cases.js';
import type { CoordinatorHome, Home, OperatorHome, PeriodFigures, ViewerHome } from '../../contracts/home.js';
import type { Person } from '../../contracts/people.js';
import type { Report, ReportData } from '../../contracts/reports.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import { samePeriodLastYear } from '../../domain/home.js';
import { ORIGIN_GROUPS } from '../../domain/origin-group.js';
import { homeFor } from './home.usecases.js';

/** A block of the report's data by id. */
function blockOf(data: ReportData, id: string) {
  for (const section of data.sections) for (const block of section.blocks) if (block.id === id) return block;
  throw new Error(`no block ${id}`);
}

/** The report's figures the home compares: visits, people in care and new ones, by origin group. */
function reportFigures(data: ReportData) {
  const count = (tableId: string, key: string) => {
    const block = blockOf(data, tableId);
    if (block.kind !== 'table') throw new Error(`${tableId} is not a table`);
    return Number(block.rows.find((row) => row.key === key)?.cells.count ?? 0);
  };
  const total = (blockId: string, key: string) => {
    const block = blockOf(data, blockId);
    if (block.kind !== 'figures') throw new Error(`${blockId} is not figures`);
    return Number(block.items.find((item) => item.key === key)?.value);
  };
  return {
    visits: total('visits.total', 'total'),
    inCare: total('care.totals', 'total'),
    newInCare: total('care.totals', 'new'),
    visitsByGroup: ORIGIN_GROUPS.map((group) => count('visits.byOriginGroup', group)),
    inCareByGroup: ORIGIN_GROUPS.map((group) => count('care.byOriginGroup', group)),
  };
}

/** The same figures from the home's period. */
const homeFigures = (period: PeriodFigures) => ({
  visits: period.visits,
  inCare: period.inCare,
  newInCare: period.newInCare,
  visitsByGroup: ORIGIN_GROUPS.map((group) => period.byOriginGroup.find((g) => g.group === group)?.visits ?? 0),
  inCareByGroup: ORIGIN_GROUPS.map((group) => period.byOriginGroup.find((g) => g.group === group)?.inCare ?? 0),
});

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the home page of each role`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operator2: Api;
    let operatorB: Api;
    let viewer: Api;
    let admin: Api;
    const today = todayInRome();
    const year = Number(today.slice(0, 4));
    const lastYearSameDay = samePeriodLastYear(today).to;
    let seq = 0;
    let silentCase: Case;
    let topicId: number;

    const newPerson = async (citizenship: string, as: Api = operator) => {
      seq += 1;
      return expectStatus<Person>(
        await as.post('/people', {
          givenNames: `Casa${String.fromCharCode(97 + seq)}`,
          familyNames: `Persona${seq}`,
          gender: seq % 2 ? 'female' : 'male',
          citizenship,
          birthDate: `1985-02-${String(seq + 1).padStart(2, '0')}`,
          residence: { kind: 'comune', comuneIstat: '042021' },
        }),
        201,
      );
    };
    const visit = (as: Api, date: string, citizenship = 'MA') =>
      as.post('/visits', { date, time: '00:05', anonymous: { gender: 'female', citizenship, ageBand: '30-44' }, topicIds: [topicId] });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operator2, operatorB, viewer, admin] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorA2, cast.operatorB, cast.viewer, cast.admin].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api, Api];

      topicId = (expectStatus<Topic[]>(await operator.get('/topics'), 200)[0] as Topic).id;
      // Visits of this year, of last year before and after today's day, and of centre B.
      for (const [date, citizenship] of [
        [today, 'MA'],
        [today, 'IT'],
        [`${year}-01-01`, 'RO'],
        [`${year - 1}-01-02`, 'MA'],
        [`${year - 1}-03-03`, 'IT'],
        [`${year - 1}-12-31`, 'MA'],
        [`${year - 2}-06-01`, 'MA'],
      ] as const) {
        expectStatus(await visit(operator, date, citizenship), 201);
      }
      expectStatus(await visit(operatorB, today), 201);

      // People in care: one since last February (silent: no note), one since this 1 January (a note today),
      // one in care last year only (closed on 31 December, after today's day), one of operator A2.
      const first = await newPerson('MA');
      silentCase = expectStatus<Case>(
        await operator.post('/cases', { personId: first.id, areas: ['work'], openedOn: `${year - 1}-02-01` }),
        201,
      );
      const second = await newPerson('RO');
      const current = expectStatus<Case>(
        await operator.post('/cases', { personId: second.id, areas: ['legal'], openedOn: `${year}-01-01` }),
        201,
      );
      expectStatus(await operator.post(`/cases/${current.id}/notes`, { noteDate: today, body: 'Colloquio' }), 201);
      const third = await newPerson('IT');
      const closed = expectStatus<Case>(
        await operator.post('/cases', { personId: third.id, areas: ['work'], openedOn: `${year - 1}-05-01` }),
        201,
      );
      expectStatus(
        await operator.post(`/cases/${closed.id}/close`, { version: 1, closedOn: `${year - 1}-12-31`, reason: 'goals_achieved' }),
        200,
      );
      const fourth = await newPerson('SN', operator2);
      expectStatus(await operator2.post('/cases', { personId: fourth.id, areas: ['health'], openedOn: `${year}-01-01` }), 201);
      // In care three years ago and again this year: in care, not new (their first case is old).
      const fifth = await newPerson('AL', operator2);
      const old = expectStatus<Case>(
        await operator2.post('/cases', { personId: fifth.id, areas: ['work'], openedOn: `${year - 3}-03-01` }),
        201,
      );
      expectStatus(
        await operator2.post(`/cases/${old.id}/close`, { version: 1, closedOn: `${year - 2}-02-01`, reason: 'goals_achieved' }),
        200,
      );
      expectStatus(await operator2.post('/cases', { personId: fifth.id, areas: ['work'], openedOn: `${year}-01-01` }), 201);

      // An overdue action on the silent case, a permit of its person expiring today.
      const goal = expectStatus<CaseGoal>(await operator.post(`/cases/${silentCase.id}/goals`, { title: 'Lavoro' }), 201);
      expectStatus(await operator.post(`/goals/${goal.id}/actions`, { description: 'Iscrizione al CPI', dueOn: addDays(today, -1) }), 201);
      expectStatus(await operator.post(`/people/${first.id}/permits`, { permitType: 'employment', expiresOn: today }), 201);
    });
    afterAll(() => t?.close());

    it("the coordinator's year so far equals this year's report, figure by figure", async () => {
      const home = expectStatus<Home>(await coordinator.get('/home'), 200);
      expect(home.view).toBe('coordinator');
      const { yearSoFar } = home as CoordinatorHome;
      expect(yearSoFar.current).toMatchObject({ from: `${year}-01-01`, to: today });
      const report = expectStatus<Report>(await coordinator.post('/reports', { year }), 201);
      const data = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
      expect(homeFigures(yearSoFar.current)).toEqual(reportFigures(data));
      // By hand: 3 visits this year (centre B's is not counted), 4 in care (2 new: not the one whose first case is old).
      expect(yearSoFar.current).toMatchObject({ visits: 3, inCare: 4, newInCare: 2 });
    });

    it("last year's same days: its visits up to today's day, its cases as they stood then; to 31 December, last year's report", async () => {
      const home = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200);
      const { previous } = home.yearSoFar;
      expect(previous).toMatchObject({ from: `${year - 1}-01-01`, to: lastYearSameDay });
      const visitsBefore = [`${year - 1}-01-02`, `${year - 1}-03-03`, `${year - 1}-12-31`].filter((d) => d <= lastYearSameDay).length;
      expect(previous.visits).toBe(visitsBefore);
      // The case closed on 31 December was open on today's day of last year: in care, and new then.
      const opened = [`${year - 1}-02-01`, `${year - 1}-05-01`].filter((d) => d <= lastYearSameDay).length;
      expect(previous).toMatchObject({ inCare: opened, newInCare: opened });

      // Seen on 31 December of this year, last year's same days are the whole year: its report.
      const actor = await actorOf(t.db, cast.coordinator.id);
      const onLastDay = (await homeFor(t.db, actor, {}, `${year}-12-31`)) as CoordinatorHome;
      const report = expectStatus<Report>(await coordinator.post('/reports', { year: year - 1 }), 201);
      const data = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
      expect(homeFigures(onLastDay.yearSoFar.previous)).toEqual(reportFigures(data));
      expect(onLastDay.yearSoFar.previous).toMatchObject({ visits: 3, inCare: 2 });
    });

    it('this month by week adds up to the visits of the month so far', async () => {
      const home = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200);
      const { weeks } = home.monthByWeek;
      expect(weeks[0]?.from).toBe(`${today.slice(0, 7)}-01`);
      expect(weeks.at(-1)?.to).toBe(today);
      const ofMonth = [today, today, `${year}-01-01`].filter((d) => d.slice(0, 7) === today.slice(0, 7)).length;
      expect(weeks.reduce((sum, w) => sum + w.visits, 0)).toBe(ofMonth);
    });

    it('what needs attention: the counts of the lists it links to', async () => {
      const { attention } = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200);
      // Silent: the case since last February, and operator A2's two since 1 January once 60 days have passed.
      const silentCases = 1 + (`${year}-01-01` <= addDays(today, -60) ? 2 : 0);
      expect(attention).toEqual({ silentCases, silentDays: 60, expiringPermits: 1, permitWithinDays: 60, overdueActions: 1 });
      const permits = expectStatus<{ expiring: number }>(await coordinator.get('/deadlines/count'), 200);
      expect(attention.expiringPermits).toBe(permits.expiring);
      const overdue = expectStatus<{ total: number }>(await coordinator.get('/actions/overdue'), 200);
      expect(attention.overdueActions).toBe(overdue.total);
    });

    it("the operator's day: today's visits of their centre, their own cases, what is due this week", async () => {
      const before = await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const home = expectStatus<OperatorHome>(await operator.get('/home'), 200);
      // The names shown are logged as the lists they come from log them (today's visits are anonymous: none).
      const listings = await t.db
        .selectFrom('auditLog')
        .select(['entity', 'details'])
        .where('id', '>', Number(before.id))
        .where('action', '=', 'list')
        .orderBy('entity')
        .execute();
      expect(listings.map((row) => row.entity)).toEqual(['case', 'person']);
      expect(JSON.parse(listings[0]?.details ?? '{}').personIds).toHaveLength(2);
      expect(home.view).toBe('operator');
      expect(home.todayVisits.total).toBe(2);
      expect(home.todayVisits.items.every((v) => v.centreId === cast.centreA.id && v.date === today)).toBe(true);
      // Their two open cases (the third was closed); not operator A2's.
      expect(home.cases).toHaveLength(2);
      const silent = home.cases.find((c) => c.caseId === silentCase.id);
      expect(silent).toMatchObject({ silent: true, overdueActions: 1, lastNoteOn: null });
      expect(home.cases.find((c) => c.caseId !== silentCase.id)).toMatchObject({ silent: false, lastNoteOn: today });
      expect(home.due.map((d) => [d.kind, d.overdue])).toEqual([
        ['action', true],
        ['permit', false],
      ]);
      expect(home.due[1]?.person?.givenNames).toMatch(/^Casa/);
      // Operator A2 sees their own case and nothing of operator A's.
      const other = expectStatus<OperatorHome>(await operator2.get('/home'), 200);
      expect(other.cases).toHaveLength(2);
      expect(other.due).toEqual([]);
      // Operator B: today's visit of centre B only.
      const ofB = expectStatus<OperatorHome>(await operatorB.get('/home'), 200);
      expect(ofB.todayVisits.total).toBe(1);
      expect(ofB.cases).toEqual([]);
    });

    it('the viewer gets the aggregate figures only: no names, no lists of people', async () => {
      const res = await viewer.get('/home');
      const home = expectStatus<ViewerHome>(res, 200);
      expect(home.view).toBe('viewer');
      expect(Object.keys(home).sort()).toEqual(['centreIds', 'courses', 'monthByWeek', 'today', 'view', 'waitingList', 'yearSoFar']);
      expect(res.body).not.toMatch(/Casa|Persona/);
      const coordinatorHome = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200);
      expect(home.yearSoFar).toEqual(coordinatorHome.yearSoFar);
    });

    it('a role opens only the views that show less; another centre is not found', async () => {
      expectProblem(await viewer.get('/home', { view: 'operator' }), 403, 'auth.forbidden');
      expectProblem(await viewer.get('/home', { view: 'coordinator' }), 403, 'auth.forbidden');
      expectProblem(await operator.get('/home', { view: 'coordinator' }), 403, 'auth.forbidden');
      expect(expectStatus<Home>(await operator.get('/home', { view: 'viewer' }), 200).view).toBe('viewer');
      expect(expectStatus<Home>(await coordinator.get('/home', { view: 'operator' }), 200).view).toBe('operator');
      expect(expectStatus<Home>(await admin.get('/home'), 200).view).toBe('coordinator');
      expectProblem(await operator.get('/home', { centreId: String(cast.centreB.id) }), 404, 'resource.not_found');
      expectProblem(await coordinator.get('/home', { view: 'everything' }), 400, 'validation.failed');
      const anonymous = api(t.app, null);
      expectProblem(await anonymous.get('/home'), 401, 'auth.unauthenticated');
    });

    it('the courses running today with their attendance as the course counts it, and the waiting lists by kind', async () => {
      const kinds = expectStatus<Array<{ id: number; code: string }>>(await coordinator.get('/course-kinds'), 200);
      const kindId = kinds.find((k) => k.code === 'language_club')?.id;
      const course = expectStatus<{ id: number }>(
        await coordinator.post('/courses', {
          kindId,
          title: 'Club di oggi',
          startDate: addDays(today, -7),
          endDate: addDays(today, 30),
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 120,
        }),
        201,
      );
      const lesson = expectStatus<{ id: number }>(await coordinator.post(`/courses/${course.id}/lessons`, { date: today }), 201);
      const learners = [await newPerson('NG'), await newPerson('PK')];
      for (const learner of learners) {
        expectStatus(
          await operator.post(`/courses/${course.id}/enrolments`, {
            personId: learner.id,
            programme: 'sai',
            enrolledOn: addDays(today, -7),
          }),
          201,
        );
      }
      const screen = expectStatus<{ lesson: { version: number }; learners: Array<{ enrolmentId: number }> }>(
        await operator.get(`/lessons/${lesson.id}/attendance`),
        200,
      );
      expectStatus(
        await operator.request({
          method: 'PUT',
          url: `/lessons/${lesson.id}/attendance`,
          payload: {
            version: screen.lesson.version,
            entries: screen.learners.map((l, i) => ({ enrolmentId: l.enrolmentId, present: i === 0 })),
          },
        }),
        200,
      );
      expectStatus(await operator.post('/waiting-list', { personId: learners[1]?.id, kind: 'adult_l2' }), 201);

      const home = expectStatus<ViewerHome>(await viewer.get('/home'), 200);
      const figures = expectStatus<{ attendanceRate: number | null; enrolments: number }>(
        await coordinator.get(`/courses/${course.id}/figures`),
        200,
      );
      expect(home.courses).toEqual([
        expect.objectContaining({ courseId: course.id, title: 'Club di oggi', enrolments: 2, attendanceRate: figures.attendanceRate }),
      ]);
      expect(figures.attendanceRate).toBe(50);
      expect(home.waitingList).toEqual([
        { kind: 'adult_l2', waiting: 1 },
        { kind: 'minor_l2', waiting: 0 },
        { kind: 'driving', waiting: 0 },
        { kind: 'other', waiting: 0 },
      ]);
    });

    it('the counts the database keeps follow every write of a visit: a correction of its date and visitor, a deletion', async () => {
      const visits = expectStatus<{ items: Visit[] }>(await coordinator.get('/visits', { from: `${year}-01-01`, to: today }), 200).items;
      const [moved, deleted] = visits as [Visit, Visit];
      expectStatus(
        await operator.patch(`/visits/${moved.id}`, {
          version: moved.version,
          date: `${year - 1}-06-01`,
          personId: null,
          anonymous: { gender: 'male', citizenship: 'DE', ageBand: '45-64' },
        }),
        200,
      );
      expectStatus(await operator.delete(`/visits/${deleted.id}?version=${deleted.version}`), 204);
      expectStatus(await visit(operator, today, 'UA'), 201);

      const actor = await actorOf(t.db, cast.coordinator.id);
      const onLastDay = (await homeFor(t.db, actor, {}, `${year}-12-31`)) as CoordinatorHome;
      for (const [y, period] of [
        [year, onLastDay.yearSoFar.current],
        [year - 1, onLastDay.yearSoFar.previous],
      ] as const) {
        const report = expectStatus<Report>(await coordinator.post('/reports', { year: y }), 200);
        const data = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
        expect(homeFigures(period)).toEqual(reportFigures(data));
      }
      // Every count equals the visits it counts (none negative, none missing).
      const kept = await t.db
        .selectFrom('visitDayCounts')
        .select(['centreId', 'visitDate', 'originGroup', 'visits'])
        .where('visits', '>', 0)
        .execute();
      const counted = await t.db
        .selectFrom('visits')
        .select(['centreId', 'visitDate', 'originGroup', (eb) => eb.fn.countAll<number>().as('visits')])
        .groupBy(['centreId', 'visitDate', 'originGroup'])
        .execute();
      const key = (r: { centreId: number; visitDate: string; originGroup: string; visits: number | string }) =>
        `${r.centreId} ${r.visitDate} ${r.originGroup} ${Number(r.visits)}`;
      expect(kept.map(key).sort()).toEqual(counted.map(key).sort());
    });

    it('the people in care follow every write the count reads, seen by the very next home: cases, periods, members, erasure', async () => {
      const versionOfA = async () =>
        (await t.db.selectFrom('careVersions').select('version').where('centreId', '=', cast.centreA.id).executeTakeFirst())?.version;
      const reportOfYear = async () => {
        const res = await coordinator.post('/reports', { year });
        const report = expectStatus<Report>(res, res.statusCode === 201 ? 201 : 200);
        return reportFigures(expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200));
      };
      /** Counts the home once (kept), makes the change, and expects the next home to be the report's, with the version moved. */
      const afterChange = async (change: () => Promise<unknown>) => {
        const before = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200).yearSoFar.current;
        const version = await versionOfA();
        await change();
        expect(await versionOfA()).not.toBe(version);
        const after = expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200).yearSoFar.current;
        expect(homeFigures(after)).toEqual(await reportOfYear());
        return { before, after };
      };

      // A case opened: one more in care, and new.
      const person = await newPerson('MA');
      let opened = {} as Case;
      let step = await afterChange(async () => {
        opened = expectStatus<Case>(await operator.post('/cases', { personId: person.id, areas: ['work'], openedOn: today }), 201);
      });
      expect(step.after).toMatchObject({ inCare: step.before.inCare + 1, newInCare: step.before.newInCare + 1 });

      // The person's citizenship changed in the file, then the case closed: the closing snapshot moves them to another group.
      const file = expectStatus<Person>(await operator.get(`/people/${person.id}`), 200);
      expectStatus(await operator.patch(`/people/${person.id}`, { version: file.version, citizenship: 'IT' }), 200);
      step = await afterChange(async () => {
        opened = expectStatus<Case>(
          await operator.post(`/cases/${opened.id}/close`, { version: opened.version, closedOn: today, reason: 'goals_achieved' }),
          200,
        );
      });
      const italians = (figures: PeriodFigures) => figures.byOriginGroup.find((g) => g.group === 'italian')?.inCare ?? 0;
      expect(italians(step.after)).toBe(italians(step.before) + 1);

      // A new period (as reopening adds one; reopened through the API it could not start on the closing day).
      await afterChange(() =>
        t.db.insertInto('casePeriods').values({ caseId: opened.id, openedOn: today, closedOn: null, createdAt: today }).execute(),
      );

      // The periods' opening moved to two years ago (as an import or a correction would): no longer new.
      step = await afterChange(() =>
        t.db
          .updateTable('casePeriods')
          .set({ openedOn: `${year - 2}-01-10` })
          .where('caseId', '=', opened.id)
          .execute(),
      );
      expect(step.after.newInCare).toBe(step.before.newInCare - 1);

      // A member added to the case, then removed (an import and its undo).
      const extra = await newPerson('SN');
      step = await afterChange(() =>
        t.db
          .insertInto('caseMembers')
          .values({
            caseId: opened.id,
            personId: extra.id,
            relation: null,
            gender: 'female',
            citizenship: 'SN',
            birthDate: null,
            residenceKind: 'comune',
            residenceComune: '042021',
            snapshotOn: today,
          })
          .execute(),
      );
      expect(step.after.inCare).toBe(step.before.inCare + 1);
      step = await afterChange(() => t.db.deleteFrom('caseMembers').where('personId', '=', extra.id).execute());
      expect(step.after.inCare).toBe(step.before.inCare - 1);

      // The person erased: they count the same, under their anonymous key.
      step = await afterChange(async () => expectStatus(await coordinator.post(erasurePath(person.id), ERASURE_REQUEST), 201));
      expect(step.after).toEqual(step.before);

      // The case moved to centre B: no longer the coordinator's (of centre A only).
      step = await afterChange(() => t.db.updateTable('cases').set({ centreId: cast.centreB.id }).where('id', '=', opened.id).execute());
      expect(step.after.inCare).toBe(step.before.inCare - 1);

      // A write rolled back (an erasure refused by the database) leaves the version as it was.
      const version = await versionOfA();
      const other = await newPerson('PK');
      expectStatus(await operator.post('/cases', { personId: other.id, areas: ['work'], openedOn: today }), 201);
      const afterOpening = await versionOfA();
      expect(afterOpening).not.toBe(version);
      await whilePersonDeletesRefused(t.db, dialect, async () => {
        expect((await coordinator.post(erasurePath(other.id), ERASURE_REQUEST)).statusCode).toBeGreaterThanOrEqual(400);
      });
      expect(await versionOfA()).toBe(afterOpening);
      expect(homeFigures(expectStatus<CoordinatorHome>(await coordinator.get('/home'), 200).yearSoFar.current)).toEqual(
        await reportOfYear(),
      );
    });

    it("the administrator's home over both centres counts centre B's visit too", async () => {
      const both = expectStatus<CoordinatorHome>(await admin.get('/home'), 200);
      const ofA = expectStatus<CoordinatorHome>(await admin.get('/home', { centreId: String(cast.centreA.id) }), 200);
      expect(both.yearSoFar.current.visits).toBe(ofA.yearSoFar.current.visits + 1);
    });
  });
}
