import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses, version } from '../../contracts/common.js';
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

const params = z.strictObject({ id });
const tags = ['reports'];

/** The annual management report: drafts, settings and texts, published versions, documents. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'The reports of the caller’s centres (each covering centres all of which the caller works in), with their versions',
        response: { 200: z.array(reportSchema), ...problemResponses },
      },
    },
    async (request) => listReportsFor(app.db, requireAuth(request.auth, 'statistics.read')),
  );

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

  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'A report: its scope, year, settings, texts and versions',
        params,
        response: { 200: reportSchema, ...problemResponses },
      },
    },
    async (request) => getReportFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id),
  );

  app.patch(
    '/reports/:id',
    {
      schema: {
        tags,
        summary:
          'Change the settings (merged), narrative texts (an empty text returns to the draft) or free blocks (replaced), at the version read',
        params,
        body: reportUpdateInput,
        response: { 200: reportSchema, ...problemResponses },
      },
    },
    async (request) => updateReport(app.db, requireAuth(request.auth, 'reports.write'), request.params.id, request.body),
  );

  app.get(
    '/reports/:id/data',
    {
      schema: {
        tags,
        summary:
          'The report’s data: every section’s tables, figures and texts. Without version: the draft computed now (staff only); with version: a published version, frozen',
        params,
        querystring: reportDataQuery,
        response: { 200: reportData, ...problemResponses },
      },
    },
    async (request) => reportDataFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id, request.query.version),
  );

  app.post(
    '/reports/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as the next version: a frozen snapshot of its figures, texts, settings, time and app version',
        params,
        body: z.strictObject({ version }),
        response: { 201: reportVersionSummary, ...problemResponses },
      },
    },
    async (request, reply) => {
      const summary = await publishReport(app.db, requireAuth(request.auth, 'reports.write'), request.params.id, request.body.version);
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/reports/:id/compare',
    {
      schema: {
        tags,
        summary: 'Two published versions compared figure by figure, and the texts that changed',
        params,
        querystring: reportCompareQuery,
        response: { 200: reportComparison, ...problemResponses },
      },
    },
    async (request) =>
      compareVersionsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/reports/:id/export',
    {
      schema: {
        tags,
        summary:
          'The report as a document: PDF (A4), DOCX (editable), XLSX (a sheet per table), CSV (one table), JSON; of a version or of the draft',
        params,
        querystring: reportExportQuery,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/csv',
          'application/json',
        ],
        response: { 200: z.string().meta({ format: 'binary' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await exportReportFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id, request.query);
      return (
        reply
          .type(file.contentType)
          // The name is ASCII letters, digits and hyphens (exportReportFor makes it so).
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('content-length', Buffer.byteLength(file.body))
          // Bytes are sent as they are; the schema's string documents the body for OpenAPI.
          .send(file.body as unknown as string)
      );
    },
  );
};
