/**
 * The years before the records, on both databases: the routes (create, change, delete; the
 * breakdown refused with its difference; stale versions; permissions; another centre's figures;
 * the audit) and the report's comparisons (published figures for the years without records,
 * with their note; records where they exist; several centres combined per centre; the sums
 * still reconcile).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
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
import type { HistoricalFigures } from '../../contracts/history.js';
import { DEFAULT_REPORT_SETTINGS, type ReportData, type ReportTable } from '../../contracts/reports.js';
import { todayInRome } from '../../domain/dates.js';
import { computeReportData } from '../reports/report-data.js';

type Row = { id: number; code: string };

const table = (report: ReportData, id: string): ReportTable => {
  const found = report.sections.flatMap((s) => s.blocks).find((b) => b.id === id);
  if (found?.kind !== 'table') throw new Error(`no table ${id}`);
  return found;
};
/** A comparison's column of a year: { rowKey: cell }. */
const columnOf = (t: ReportTable, column: string) => Object.fromEntries(t.rows.map((r) => [r.key, r.cells[column]]));
const cellsOf = (t: ReportTable, rowKey: string) => t.rows.find((r) => r.key === rowKey)?.cells;

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the years before the records`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api; // centre A
    let admin: Api; // centres A and B
    let operator: Api; // centre A
    let viewer: Api; // centre A
    const lastYear = Number(todayInRome().slice(0, 4)) - 1;

    const auditOf = (id: number) => auditRowsOf(t.db, 'historical_figures', id);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      coordinator = api(t.app, await loginAs(t.app, cast.coordinator.email));
      admin = api(t.app, await loginAs(t.app, cast.admin.email));
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
      viewer = api(t.app, await loginAs(t.app, cast.viewer.email));
    }, 120_000);
    afterAll(() => t?.close());

    describe('the routes', () => {
      let figures2019: HistoricalFigures;

      it('creates a year’s figures for the coordinator’s centre; a viewer reads them; the creation is audited', async () => {
        figures2019 = expectStatus<HistoricalFigures>(
          await coordinator.post('/history/figures', {
            year: 2019,
            visitsTotal: 160,
            visitsItalian: 40,
            visitsEu: 20,
            visitsNonEu: 98,
            visitsUnspecified: 2,
            inCareTotal: 57,
            inCareNew: 20,
            source: 'Relazione annuale 2019',
          }),
          201,
        );
        expect(figures2019).toMatchObject({
          centreId: cast.centreA.id,
          year: 2019,
          visitsTotal: 160,
          visitsUnspecified: 2,
          inCareTotal: 57,
          inCareItalian: null,
          enrolmentsTotal: null,
          source: 'Relazione annuale 2019',
          version: 1,
          records: { visits: false, inCare: false, enrolments: false },
        });
        const list = expectStatus<HistoricalFigures[]>(await viewer.get(`/history/figures?centreId=${cast.centreA.id}`), 200);
        expect(list.map((f) => f.year)).toEqual([2019]);
        expect((await auditOf(figures2019.id)).map((a) => [a.action, a.userId, a.centreId])).toEqual([
          ['create', cast.coordinator.id, cast.centreA.id],
        ]);
      });

      it('refuses a breakdown that does not add up, with the sum, the total and the difference, and writes nothing', async () => {
        const res = await coordinator.post('/history/figures', {
          year: 2018,
          visitsTotal: 160,
          visitsItalian: 40,
          visitsEu: 20,
          visitsNonEu: 98,
        });
        const problem = expectProblem(res, 400, 'validation.failed');
        expect(problem.errors).toEqual([
          expect.objectContaining({
            path: 'body.visitsTotal',
            code: 'history.breakdown_short',
            params: { sum: 158, total: 160, difference: 2 },
          }),
        ]);
        const over = expectProblem(
          await coordinator.post('/history/figures', { year: 2018, inCareTotal: 10, inCareItalian: 8, inCareNonEu: 4 }),
          400,
          'validation.failed',
        );
        expect(over.errors?.[0]).toMatchObject({ code: 'history.breakdown_over', params: { sum: 12, total: 10, difference: 2 } });
        expectProblem(await coordinator.post('/history/figures', { year: 2018, inCareTotal: 10, inCareNew: 11 }), 400, 'validation.failed');
        expectProblem(await coordinator.post('/history/figures', { year: 2018 }), 400, 'validation.failed');
        const list = expectStatus<HistoricalFigures[]>(await viewer.get('/history/figures'), 200);
        expect(list.map((f) => f.year)).toEqual([2019]);
      });

      it('refuses a year before 1990 or not yet over, and a second row for the same year', async () => {
        for (const year of [1989, lastYear + 1]) {
          const problem = expectProblem(await coordinator.post('/history/figures', { year, visitsTotal: 1 }), 400, 'validation.failed');
          expect(problem.errors?.[0]).toMatchObject({
            path: 'body.year',
            code: 'history.year_out_of_range',
            params: { first: 1990, last: lastYear },
          });
        }
        expectStatus(await coordinator.post('/history/figures', { year: lastYear, enrolmentsTotal: 3 }), 201);
        expectProblem(await coordinator.post('/history/figures', { year: 2019, visitsTotal: 1 }), 409, 'history.year_taken');
      });

      it('changes the figures at the version read (409 when stale), checking the breakdown against the stored figures', async () => {
        const short = expectProblem(
          await coordinator.patch(`/history/figures/${figures2019.id}`, { version: 1, visitsTotal: 170 }),
          400,
          'validation.failed',
        );
        expect(short.errors?.[0]).toMatchObject({ code: 'history.breakdown_short', params: { sum: 160, total: 170, difference: 10 } });
        const changed = expectStatus<HistoricalFigures>(
          await coordinator.patch(`/history/figures/${figures2019.id}`, { version: 1, visitsTotal: 170, visitsUnspecified: 12 }),
          200,
        );
        expect(changed).toMatchObject({ visitsTotal: 170, visitsUnspecified: 12, visitsItalian: 40, inCareTotal: 57, version: 2 });
        const stale = expectProblem(
          await coordinator.patch(`/history/figures/${figures2019.id}`, { version: 1, enrolmentsTotal: 5 }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        expectProblem(
          await coordinator.patch(`/history/figures/${figures2019.id}`, { version: 2, year: lastYear }),
          409,
          'history.year_taken',
        );
        const audit = await auditOf(figures2019.id);
        expect(audit.map((a) => [a.action, JSON.parse(a.details ?? '{}')])).toEqual([
          ['create', { year: 2019 }],
          ['update', { year: 2019, fields: ['visitsTotal', 'visitsUnspecified'] }],
        ]);
      });

      it('lets neither an operator nor a viewer write (403); another centre’s figures answer 404', async () => {
        expectProblem(await operator.post('/history/figures', { year: 2017, visitsTotal: 5 }), 403, 'auth.forbidden');
        expectProblem(await viewer.patch(`/history/figures/${figures2019.id}`, { version: 2, visitsTotal: 5 }), 403, 'auth.forbidden');
        expectProblem(await operator.delete(`/history/figures/${figures2019.id}?version=2`), 403, 'auth.forbidden');

        const ofB = expectStatus<HistoricalFigures>(
          await admin.post('/history/figures', { centreId: cast.centreB.id, year: 2019, visitsTotal: 30 }),
          201,
        );
        expectProblem(await coordinator.get(`/history/figures?centreId=${cast.centreB.id}`), 404, 'resource.not_found');
        expectProblem(await coordinator.patch(`/history/figures/${ofB.id}`, { version: 1, visitsTotal: 31 }), 404, 'resource.not_found');
        expectProblem(await coordinator.delete(`/history/figures/${ofB.id}?version=1`), 404, 'resource.not_found');
        expectProblem(
          await coordinator.post('/history/figures', { centreId: cast.centreB.id, year: 2016, visitsTotal: 1 }),
          404,
          'resource.not_found',
        );
        expect(expectStatus<HistoricalFigures[]>(await coordinator.get('/history/figures'), 200).map((f) => f.centreId)).not.toContain(
          cast.centreB.id,
        );
        expectStatus(await admin.delete(`/history/figures/${ofB.id}?version=1`), 204);
      });

      it('deletes at the version read, audited', async () => {
        expectProblem(await coordinator.delete(`/history/figures/${figures2019.id}?version=1`), 409, 'resource.stale_version');
        expectStatus(await coordinator.delete(`/history/figures/${figures2019.id}?version=2`), 204);
        expect((await auditOf(figures2019.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
        const list = expectStatus<HistoricalFigures[]>(await coordinator.get('/history/figures'), 200);
        expect(list.map((f) => f.year)).toEqual([lastYear]);
        expectStatus(await coordinator.delete(`/history/figures/${list[0]?.id}?version=1`), 204);
      });
    });

    describe('the report’s comparisons', () => {
      const report = (centreIds: number[], year: number, comparisonYears: number, disclosureThreshold = 0) =>
        computeReportData(t.db, {
          organisationId: cast.organisationId,
          centreIds,
          year,
          settings: { ...DEFAULT_REPORT_SETTINGS, comparisonYears, disclosureThreshold },
          narratives: {},
          freeBlocks: [],
          now: new Date('2026-01-15T10:00:00Z'),
        });
      const NOTE_22_23 = 'I dati 2022 e 2023 sono quelli pubblicati dal centro prima di Approdo (inseriti a mano).';

      beforeAll(async () => {
        const post = async (as: Api, body: Record<string, unknown>) => expectStatus(await as.post('/history/figures', body), 201);
        // Centre A: 2022 and 2023 before the records; 2024 typed too, but the records cover it.
        await post(coordinator, {
          year: 2022,
          visitsTotal: 160,
          visitsItalian: 40,
          visitsEu: 20,
          visitsNonEu: 98,
          visitsUnspecified: 2,
          inCareTotal: 40,
          inCareNew: 12,
          inCareItalian: 10,
          inCareEu: 5,
          inCareNonEu: 25,
          enrolmentsTotal: 16,
        });
        await post(coordinator, { year: 2023, visitsTotal: 200, inCareTotal: 50, enrolmentsTotal: 20 });
        await post(coordinator, { year: 2024, visitsTotal: 999, inCareTotal: 999, inCareNonEu: 999, enrolmentsTotal: 999 });
        // Centre B: only figures, for 2023 and 2024.
        await post(admin, { centreId: cast.centreB.id, year: 2023, visitsTotal: 30, inCareTotal: 6, inCareEu: 6, enrolmentsTotal: 4 });
        await post(admin, { centreId: cast.centreB.id, year: 2024, visitsTotal: 35, inCareTotal: 7, inCareItalian: 7, enrolmentsTotal: 5 });

        // Centre A's records of 2024: two visits, one case, one language club with one learner.
        const person = expectStatus<{ id: number }>(
          await operator.post('/people', { givenNames: 'Karim', familyNames: 'Prova', gender: 'male', citizenship: 'MA' }),
          201,
        );
        const topics = expectStatus<Row[]>(await operator.get('/topics'), 200);
        for (const date of ['2024-03-05', '2024-06-11']) {
          expectStatus(
            await operator.post('/visits', { personId: person.id, date, time: '10:00', topicIds: [(topics[0] as Row).id] }),
            201,
          );
        }
        expectStatus(await operator.post('/cases', { personId: person.id, areas: ['work'], openedOn: '2024-02-01' }), 201);
        const kinds = expectStatus<Row[]>(await coordinator.get('/course-kinds'), 200);
        const club = expectStatus<{ id: number }>(
          await coordinator.post('/courses', {
            kindId: (kinds.find((k) => k.code === 'language_club') as Row).id,
            title: 'Club linguistico base',
            startDate: '2024-03-04',
            endDate: '2024-03-25',
            weekdays: [1],
            startTime: '15:00',
            lessonMinutes: 120,
          }),
          201,
        );
        expectStatus(
          await operator.post(`/courses/${club.id}/enrolments`, {
            personId: person.id,
            programme: 'centre_user',
            enrolledOn: '2024-03-01',
          }),
          201,
        );
      }, 120_000);

      it('uses the published figures for 2022 and 2023 with the note, the records for 2024', async () => {
        const data = await report([cast.centreA.id], 2024, 3);
        const visits = table(data, 'visits.byYear');
        expect(visits.rows.map((r) => [r.key, r.cells.count])).toEqual([
          ['2022', 160],
          ['2023', 200],
          ['2024', 2],
        ]);
        expect(visits.notes).toEqual([NOTE_22_23]);

        const care = table(data, 'care.comparison');
        expect(columnOf(care, 'y2022')).toEqual({ total: 40, italian: 10, eu: 5, non_eu: 25, unspecified: 0 });
        // A total published without its groups: whole under Non specificato.
        expect(columnOf(care, 'y2023')).toEqual({ total: 50, italian: 0, eu: 0, non_eu: 0, unspecified: 50 });
        expect(columnOf(care, 'y2024')).toEqual({ total: 1, italian: 0, eu: 0, non_eu: 1, unspecified: 0 });
        expect(care.notes).toEqual([NOTE_22_23]);

        const courses = table(data, 'courses.years');
        expect(courses.rows.map((r) => [r.key, r.cells.courses, r.cells.enrolments, r.cells.learners])).toEqual([
          ['2022', null, 16, null],
          ['2023', null, 20, null],
          ['2024', 1, 1, 1],
        ]);
        expect(courses.notes).toEqual(["Ogni anno conta i corsi iniziati in quell'anno.", NOTE_22_23]);
      });

      it('counts the records of a year that has both records and figures, and each column still adds up', async () => {
        const data = await report([cast.centreA.id], 2025, 4);
        expect(table(data, 'visits.byYear').rows.map((r) => [r.key, r.cells.count])).toEqual([
          ['2022', 160],
          ['2023', 200],
          ['2024', 2],
          ['2025', 0],
        ]);
        const care = table(data, 'care.comparison');
        expect(cellsOf(care, 'total')).toMatchObject({ y2022: 40, y2023: 50, y2024: 1, y2025: 1 });
        for (const column of ['y2022', 'y2023', 'y2024', 'y2025']) {
          const cells = columnOf(care, column);
          const parts = ['italian', 'eu', 'non_eu', 'unspecified'].reduce((sum, g) => sum + (cells[g] as number), 0);
          expect(parts, column).toBe(cells.total);
        }
        expect(care.notes).toEqual([NOTE_22_23]);
        expect(table(data, 'courses.years').rows.map((r) => r.cells.enrolments)).toEqual([16, 20, 1, 0]);
      });

      it('over several centres, adds the figures of the centres without records to the records of the others', async () => {
        const data = await report([cast.centreA.id, cast.centreB.id], 2025, 4);
        const visits = table(data, 'visits.byYear');
        // 2023: both published; 2024: A's records (2) and B's figure (35); A's 999 is not used.
        expect(visits.rows.map((r) => [r.key, r.cells.count])).toEqual([
          ['2022', 160],
          ['2023', 230],
          ['2024', 37],
          ['2025', 0],
        ]);
        const note =
          'I dati 2022 e 2023 sono quelli pubblicati dai centri prima di Approdo (inseriti a mano). I dati 2024 sommano le registrazioni dei centri che le hanno e i dati pubblicati prima di Approdo (inseriti a mano) degli altri.';
        expect(visits.notes).toEqual([note]);
        const care = table(data, 'care.comparison');
        expect(columnOf(care, 'y2023')).toEqual({ total: 56, italian: 0, eu: 6, non_eu: 0, unspecified: 50 });
        expect(columnOf(care, 'y2024')).toEqual({ total: 8, italian: 7, eu: 0, non_eu: 1, unspecified: 0 });
        expect(care.notes).toEqual([note]);
        expect(table(data, 'courses.years').rows.map((r) => [r.key, r.cells.courses, r.cells.enrolments])).toEqual([
          ['2022', null, 16],
          ['2023', null, 24],
          ['2024', null, 6],
          ['2025', 0, 0],
        ]);
      });

      it('hides small counts of a year of figures like those of the records, leaving the empty cells empty', async () => {
        const data = await report([cast.centreA.id, cast.centreB.id], 2025, 4, 5);
        const care = table(data, 'care.comparison');
        expect(columnOf(care, 'y2022')).toMatchObject({ total: 40, italian: 10, eu: 5, non_eu: 25 });
        expect(columnOf(care, 'y2024').non_eu).toEqual({ hidden: 'small', below: 5 });
        expect(table(data, 'visits.byYear').rows.map((r) => r.cells.count)).toEqual([160, 230, 37, 0]);
        const courses = table(data, 'courses.years');
        expect(courses.rows.map((r) => [r.cells.courses, r.cells.learners])).toEqual([
          [null, null],
          [null, null],
          [null, null],
          [0, 0],
        ]);
      });

      it('leaves a report without published figures as it was: no note', async () => {
        const data = await report([cast.centreB.id], 2021, 2);
        expect(table(data, 'visits.byYear').notes).toBeUndefined();
        expect(table(data, 'care.comparison').notes).toBeUndefined();
        expect(table(data, 'courses.years').notes).toEqual(["Ogni anno conta i corsi iniziati in quell'anno."]);
      });

      it('answers the list with whether records cover each year', async () => {
        const list = expectStatus<HistoricalFigures[]>(await coordinator.get('/history/figures'), 200);
        expect(list.map((f) => [f.year, f.records])).toEqual([
          [2024, { visits: true, inCare: true, enrolments: true }],
          [2023, { visits: false, inCare: false, enrolments: false }],
          [2022, { visits: false, inCare: false, enrolments: false }],
        ]);
      });
    });
  });
}
