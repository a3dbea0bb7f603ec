import { z } from 'zod';
import { problemResponses, version } from '../../contracts/common.js';
import {
  reportCompareQuery,
  reportComparison,
  reportCreateInput,
  reportData,
  reportDataQuery,
  reportExportQuery,
  reportSchema,
  reportUpdateInput,
  reportVersionSummary,
} from '../../contracts/reports.js';
import { requireAuth } from '../auth/actor.js';
import { fileBody, sendDownload } from '../http/download.js';
import { idParams, routesOf } from '../http/route.js';
import { exportReportFor } from './report-exports.usecases.js';
import {
  compareVersionsFor,
  getReportFor,
  listReportsFor,
  openReport,
  publishReport,
  reportDataFor,
  updateReport,
} from './reports.usecases.js';

const tags = ['reports'];

/** The annual management report: drafts, settings and texts, published versions, documents. */
export const reportsRoutes = routesOf(tags, (route, app) => {
  route.get('/reports', {
    permission: 'statistics.read',
    summary: 'The reports of the caller’s centres (each covering centres all of which the caller works in), with their versions',
    response: z.array(reportSchema),
    handle: (actor) => listReportsFor(app.db, actor),
  });

  app.post(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Open the report of a year for some centres (all of the caller’s by default): 201 new, 200 when it exists already',
        body: reportCreateInput,
        response: { 200: reportSchema, 201: reportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { report, created } = await openReport(app.db, requireAuth(request.auth, 'reports.write'), request.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  route.get('/reports/:id', {
    permission: 'statistics.read',
    summary: 'A report: its scope, year, settings, texts and versions',
    params: idParams,
    response: reportSchema,
    handle: (actor, { params }) => getReportFor(app.db, actor, params.id),
  });

  route.patch('/reports/:id', {
    permission: 'reports.write',
    summary:
      'Change the settings (merged), narrative texts (an empty text returns to the draft) or free blocks (replaced), at the version read',
    params: idParams,
    body: reportUpdateInput,
    response: reportSchema,
    handle: (actor, { params, body }) => updateReport(app.db, actor, params.id, body),
  });

  route.get('/reports/:id/data', {
    permission: 'statistics.read',
    summary:
      'The report’s data: every section’s tables, figures and texts. Without version: the draft computed now (staff only); with version: a published version, frozen',
    params: idParams,
    querystring: reportDataQuery,
    response: reportData,
    handle: (actor, { params, query }) => reportDataFor(app.db, actor, params.id, query.version),
  });

  route.post('/reports/:id/publish', {
    permission: 'reports.write',
    summary: 'Publish the draft as the next version: a frozen snapshot of its figures, texts, settings, time and app version',
    params: idParams,
    body: z.strictObject({ version }),
    response: reportVersionSummary,
    status: 201,
    handle: (actor, { params, body }) => publishReport(app.db, actor, params.id, body.version),
  });

  route.get('/reports/:id/compare', {
    permission: 'statistics.read',
    summary: 'Two published versions compared figure by figure, and the texts that changed',
    params: idParams,
    querystring: reportCompareQuery,
    response: reportComparison,
    handle: (actor, { params, query }) => compareVersionsFor(app.db, actor, params.id, query.from, query.to),
  });

  route.get('/reports/:id/export', {
    permission: 'statistics.read',
    summary:
      'The report as a document: PDF (A4), DOCX (editable), XLSX (a sheet per table), CSV (one table), JSON; of a version or of the draft',
    params: idParams,
    querystring: reportExportQuery,
    produces: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/csv',
      'application/json',
    ],
    response: fileBody,
    handle: async (actor, { params, query }, _request, reply) => {
      const file = await exportReportFor(app.db, actor, params.id, query);
      // The name is ASCII letters, digits and hyphens (exportReportFor makes it so).
      return sendDownload(reply.header('content-length', Buffer.byteLength(file.body)), file.fileName, file.contentType, file.body);
    },
  });
});
