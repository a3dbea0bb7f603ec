import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, api, expectStatus, loginAs, seedCast, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { accessibilityProblems, nodesOf, readPdfStructure } from '../../../test/support/pdf-structure.js';
import { chartAltText } from '../../contracts/report-charts.js';
import type { Report, ReportData, ReportTable } from '../../contracts/reports.js';
import type { Topic } from '../../contracts/visits.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the annual report as a tagged PDF, as the API gives it`, () => {
    let t: TestApp;
    let coordinator: Api;
    let report: Report;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const cast = await seedCast(t.db);
      coordinator = api(t.app, await loginAs(t.app, cast.coordinator.email));
      const operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
      const topics = expectStatus<Topic[]>(await operator.get('/topics'), 200);
      for (const [date, gender, citizenship] of [
        ['2024-02-01', 'female', 'MA'],
        ['2024-02-02', 'male', 'NG'],
        ['2024-06-03', 'female', 'IT'],
      ] as const) {
        expectStatus(
          await operator.post('/visits', {
            date,
            time: '10:00',
            anonymous: { gender, citizenship, ageBand: '30-44' },
            topicIds: [topics[0]?.id],
          }),
          201,
        );
      }
      report = expectStatus<Report>(await coordinator.post('/reports', { year: 2024 }), 201);
    });
    afterAll(() => t?.close());

    it('is PDF/UA-1: language, title, tags on every page, headings in order, tables with headers, charts with their figures', async () => {
      const res = await coordinator.get(`/reports/${report.id}/export`, { format: 'pdf' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const structure = await readPdfStructure(res.rawPayload);
      expect(accessibilityProblems(structure)).toEqual([]);
      expect(structure.lang).toBe('it-IT');

      // Every chart of the draft's data is a figure whose alternative text is its figures.
      const data = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
      const charted = data.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === 'table' && !!b.chart);
      expect(charted.length).toBeGreaterThan(0);
      expect(nodesOf(structure.tree, 'Figure').map((figure) => figure.alt)).toEqual(charted.map(chartAltText));
      expect(nodesOf(structure.tree, 'Table').length).toBe(data.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length);
    });
  });
}
