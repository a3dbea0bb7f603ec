import ExcelJS from 'exceljs';
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
import {
  DEFAULT_REPORT_SETTINGS,
  type Report,
  type ReportComparison,
  type ReportData,
  type ReportVersionSummary,
} from '../../contracts/reports.js';
import type { Topic } from '../../contracts/visits.js';

/** The headline figure of a block, by block id and item key. */
function figure(data: ReportData, blockId: string, key: string) {
  for (const section of data.sections) {
    for (const block of section.blocks) {
      if (block.id === blockId && block.kind === 'figures') return block.items.find((item) => item.key === key)?.value;
    }
  }
  throw new Error(`no figures block ${blockId}`);
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the annual report — drafts, texts, publication, versions, comparison, exports`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operatorB: Api;
    let viewer: Api;
    let admin: Api;
    let topics: Topic[];
    let report: Report;

    const visit = (date: string) =>
      operator.post('/visits', {
        date,
        time: '10:00',
        anonymous: { gender: 'female', citizenship: 'MA', ageBand: '30-44' },
        topicIds: [topics[0]?.id],
      });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operatorB, viewer, admin] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorB, cast.viewer, cast.admin].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
      topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
      for (const date of ['2024-03-01', '2024-03-02', '2024-12-31']) expectStatus(await visit(date), 201);
    });
    afterAll(() => t?.close());

    it('a coordinator opens the report of a year for her centre; opening it again gives the same report', async () => {
      const res = await coordinator.post('/reports', { year: 2024 });
      report = expectStatus<Report>(res, 201);
      expect(report).toMatchObject({
        year: 2024,
        centreIds: [cast.centreA.id],
        settings: DEFAULT_REPORT_SETTINGS,
        narratives: {},
        freeBlocks: [],
        versions: [],
        version: 1,
      });
      const again = expectStatus<Report>(await coordinator.post('/reports', { year: 2024, centreIds: [cast.centreA.id] }), 200);
      expect(again.id).toBe(report.id);
      expect(expectStatus<Report[]>(await viewer.get('/reports'), 200).map((r) => r.id)).toEqual([report.id]);
    });

    it('refuses bad input with a clear problem, and whom the role or the centre does not allow', async () => {
      expectProblem(await coordinator.post('/reports', { year: 'duemila' }), 400, 'validation.failed');
      expectProblem(await coordinator.post('/reports', { year: 2024, colour: 'red' }), 400, 'validation.failed');
      expectProblem(await coordinator.post('/reports', { year: 2999 }), 400, 'validation.failed');
      expectProblem(await coordinator.post('/reports', { year: Number(new Date().getFullYear()) + 1 }), 400, 'validation.failed');
      expectProblem(await coordinator.post('/reports', { year: 2024, centreIds: [cast.centreB.id] }), 404, 'resource.not_found');
      expectProblem(await operator.post('/reports', { year: 2024 }), 403, 'auth.forbidden');
      expectProblem(await operatorB.get(`/reports/${report.id}`), 404, 'resource.not_found');
      expect(expectStatus<Report[]>(await operatorB.get('/reports'), 200)).toEqual([]);
      expectProblem(await viewer.get(`/reports/${report.id}/data`), 403, 'auth.forbidden');
      expectProblem(await api(t.app, null).get('/reports'), 401, 'auth.unauthenticated');
      const negative = expectProblem(
        await coordinator.patch(`/reports/${report.id}`, {
          version: report.version,
          settings: { groupingThresholds: { 'visits.byCountry': -1 } },
        }),
        400,
        'validation.failed',
      );
      // The web form's field of the table: settings.groupingThresholds.visits.byCountry.
      expect(negative.errors?.map((e: { path: string }) => e.path)).toEqual(['body.settings.groupingThresholds.visits.byCountry']);
      for (const settings of [{ groupingThresholds: { 'people.byAge': 3 } }, { groupingThreshold: 3 }]) {
        expectProblem(await coordinator.patch(`/reports/${report.id}`, { version: report.version, settings }), 400, 'validation.failed');
      }
      expectProblem(
        await coordinator.patch(`/reports/${report.id}`, {
          version: report.version,
          freeBlocks: [{ id: 'free-<b>', sectionId: 'needs', title: 'x', markdown: '' }],
        }),
        400,
        'validation.failed',
      );
      expectProblem(await coordinator.get(`/reports/${report.id}/data`, { version: 'uno' }), 400, 'validation.failed');
      expectProblem(await coordinator.get(`/reports/${report.id}/data`, { version: '7' }), 404, 'resource.not_found');
    });

    it('edits settings and texts at the version read; a stale version gets 409 and changes nothing', async () => {
      const edited = expectStatus<Report>(
        await coordinator.patch(`/reports/${report.id}`, {
          version: report.version,
          settings: { groupingThresholds: { 'applications.byType': 3 } },
          narratives: { 'visits.definition': 'Contiamo **ogni** richiesta.' },
          freeBlocks: [{ id: 'free-needs-1', sectionId: 'needs', title: 'Corsi per minori', markdown: 'Servono corsi L2 per minorenni.' }],
        }),
        200,
      );
      // One table's threshold changed, the others as they were.
      expect(edited.settings).toEqual({
        ...DEFAULT_REPORT_SETTINGS,
        groupingThresholds: { ...DEFAULT_REPORT_SETTINGS.groupingThresholds, 'applications.byType': 3 },
      });
      expect(edited.version).toBe(report.version + 1);
      const stale = expectProblem(
        await coordinator.patch(`/reports/${report.id}`, { version: report.version, narratives: { x: 'y' } }),
        409,
        'resource.stale_version',
      );
      expect(stale.currentVersion).toBe(edited.version);
      report = expectStatus<Report>(await coordinator.get(`/reports/${report.id}`), 200);
      expect(report.narratives).toEqual({ 'visits.definition': 'Contiamo **ogni** richiesta.' });

      const data = expectStatus<ReportData>(await operator.get(`/reports/${report.id}/data`), 200);
      expect(data.versionNumber).toBeNull();
      expect(data.sections.map((s) => s.id)).toEqual([
        'centre',
        'visits',
        'topics',
        'care',
        'applications',
        'network',
        'courses',
        'driving',
        'services',
        'needs',
      ]);
      expect(data.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const needs = data.sections.find((s) => s.id === 'needs');
      expect(needs?.blocks.at(-1)).toEqual({
        kind: 'text',
        id: 'free-needs-1',
        title: 'Corsi per minori',
        markdown: 'Servono corsi L2 per minorenni.',
        draft: '',
        edited: true,
        free: true,
      });
    });

    it('publishes a frozen version: later records change the draft, not the version; versions compare figure by figure', async () => {
      expectProblem(await operator.post(`/reports/${report.id}/publish`, { version: report.version }), 403, 'auth.forbidden');
      expectProblem(
        await coordinator.post(`/reports/${report.id}/publish`, { version: report.version - 1 }),
        409,
        'resource.stale_version',
      );
      const v1 = expectStatus<ReportVersionSummary>(
        await coordinator.post(`/reports/${report.id}/publish`, { version: report.version }),
        201,
      );
      expect(v1).toMatchObject({
        number: 1,
        publishedBy: 'Carla Coordinatrice',
        settings: { groupingThresholds: { 'applications.byType': 3 } },
      });

      expectStatus(await visit('2024-05-05'), 201);
      const frozen = expectStatus<ReportData>(await viewer.get(`/reports/${report.id}/data`, { version: '1' }), 200);
      expect(frozen.versionNumber).toBe(1);
      expect(figure(frozen, 'visits.total', 'total')).toBe(3);
      const draft = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
      expect(figure(draft, 'visits.total', 'total')).toBe(4);

      report = expectStatus<Report>(await coordinator.get(`/reports/${report.id}`), 200);
      const v2 = expectStatus<ReportVersionSummary>(
        await coordinator.post(`/reports/${report.id}/publish`, { version: report.version }),
        201,
      );
      expect(v2.number).toBe(2);
      const comparison = expectStatus<ReportComparison>(await viewer.get(`/reports/${report.id}/compare`, { from: '1', to: '2' }), 200);
      expect(comparison.differences).toContainEqual(expect.objectContaining({ path: 'visits.total/total', from: 3, to: 4 }));
      expect(comparison.figures).toBeGreaterThan(comparison.differences.length);
      const seenByViewer = expectStatus<Report>(await viewer.get(`/reports/${report.id}`), 200);
      expect(seenByViewer.versions.map((v) => v.number)).toEqual([1, 2]);
      // The texts being written belong to the draft, which viewers do not read.
      expect(report.narratives).not.toEqual({});
      expect({ narratives: seenByViewer.narratives, freeBlocks: seenByViewer.freeBlocks }).toEqual({ narratives: {}, freeBlocks: [] });
      expectProblem(await viewer.get(`/reports/${report.id}/compare`, { from: '1', to: '9' }), 404, 'resource.not_found');
    });

    it('exports JSON and a CSV table; asks for the table of a CSV; logs each export', async () => {
      const json = await viewer.get(`/reports/${report.id}/export`, { format: 'json', version: '1' });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="report-2024-a-v1\.json"$/);
      expect(JSON.parse(json.body).versionNumber).toBe(1);
      const csv = await coordinator.get(`/reports/${report.id}/export`, { format: 'csv', table: 'visits.byGender' });
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expectProblem(await coordinator.get(`/reports/${report.id}/export`, { format: 'csv' }), 400, 'validation.failed');
      expectProblem(await coordinator.get(`/reports/${report.id}/export`, { format: 'csv', table: 'nope' }), 404, 'resource.not_found');
      expectProblem(await coordinator.get(`/reports/${report.id}/export`, { format: 'rtf' }), 400, 'validation.failed');
      const log = await t.db
        .selectFrom('auditLog')
        .select(['action', 'details'])
        .where('entity', '=', 'report')
        .where('action', '=', 'export')
        .execute();
      expect(log.length).toBeGreaterThanOrEqual(2);
    });

    it("reads the settings saved before the thresholds were per table: the one threshold stays the countries'", async () => {
      const legacy = JSON.stringify({ groupingThreshold: 3, disclosureThreshold: 0, comparisonYears: 3 });
      const legacyData = (data: string) => {
        const parsed = JSON.parse(data) as ReportData & { settings: unknown };
        return JSON.stringify({ ...parsed, settings: JSON.parse(legacy) });
      };
      const [stored] = await t.db
        .selectFrom('reportVersions')
        .select(['id', 'data'])
        .where('reportId', '=', report.id)
        .where('number', '=', 1)
        .execute();
      await t.db.updateTable('reports').set({ settings: legacy }).where('id', '=', report.id).execute();
      await t.db
        .updateTable('reportVersions')
        .set({ settings: legacy, data: legacyData(stored?.data as string) })
        .where('id', '=', stored?.id as number)
        .execute();
      const expected = {
        ...DEFAULT_REPORT_SETTINGS,
        groupingThresholds: { ...DEFAULT_REPORT_SETTINGS.groupingThresholds, 'visits.byCountry': 3, 'care.byCountry': 3 },
      };
      const read = expectStatus<Report>(await coordinator.get(`/reports/${report.id}`), 200);
      expect(read.settings).toEqual(expected);
      expect(read.versions[0]?.settings).toEqual(expected);
      expect(expectStatus<ReportData>(await viewer.get(`/reports/${report.id}/data`, { version: '1' }), 200).settings).toEqual(expected);
    });

    it('an administrator of both centres opens an organisation report that a one-centre user cannot see', async () => {
      const all = expectStatus<Report>(await admin.post('/reports', { year: 2024 }), 201);
      expect(all.centreIds).toEqual([cast.centreA.id, cast.centreB.id].sort((a, b) => a - b));
      expectProblem(await coordinator.get(`/reports/${all.id}`), 404, 'resource.not_found');
      const data = expectStatus<ReportData>(await admin.get(`/reports/${all.id}/data`), 200);
      expect(data.heading.centres).toHaveLength(2);
    });
    it('exports the XLSX of a report over a centre whose name has an apostrophe (once a 500: a sheet name ended on it)', async () => {
      const centre = expectStatus<{ id: number }>(await admin.post('/centres', { code: 'APOS', name: "abcde'fgh" }), 201);
      expectStatus(await admin.patch(`/users/${cast.admin.id}`, { centreIds: [cast.centreA.id, cast.centreB.id, centre.id] }), 200);
      const both = expectStatus<Report>(await admin.post('/reports', { year: 2024, centreIds: [cast.centreA.id, centre.id] }), 201);
      const res = await admin.request({ method: 'GET', url: `/api/v1/reports/${both.id}/export?format=xlsx` });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names = workbook.worksheets.map((sheet) => sheet.name);
      expect(names.length).toBeGreaterThan(5);
      for (const name of names) expect(name).toMatch(/^[^'].{0,30}$/u);
      for (const name of names) expect(name).not.toMatch(/'$/);
    });
    it('documents the report and its data in the OpenAPI', async () => {
      type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      const doc = expectStatus<Doc>(await api(t.app, null).get('/api/openapi.json'), 200);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/reports',
          '/api/v1/reports/{id}',
          '/api/v1/reports/{id}/data',
          '/api/v1/reports/{id}/publish',
          '/api/v1/reports/{id}/compare',
          '/api/v1/reports/{id}/export',
        ]),
      );
      const data = JSON.stringify(doc.paths['/api/v1/reports/{id}/data']?.get?.responses['200']);
      for (const field of ['sections', 'blocks', 'seriesColumns', 'hidden', 'versionNumber']) expect(data).toContain(field);
    });
  });
}
