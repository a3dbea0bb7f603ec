import { z } from 'zod';
import { auditEntrySchema, auditExportQuery, auditQuery, unusualReadingQuery, unusualReadingSchema } from '../../contracts/audit.js';
import { pageOf, problemSchema } from '../../contracts/common.js';
import { sendCsv } from '../http/download.js';
import { routesOf } from '../http/route.js';
import { exportAuditFor, listAuditFor, unusualReadingFor } from './audit.usecases.js';

export const auditRoutes = routesOf(['audit'], (route, app) => {
  const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

  route.get('/audit', {
    permission: 'audit.read',
    summary:
      'The audit log, newest first (administrators only; read-only); personId: the rows of the person’s file and those whose details name the person',
    querystring: auditQuery,
    response: pageOf(auditEntrySchema),
    problems,
    handle: (actor, { query }) => listAuditFor(app.db, actor, query),
  });

  route.get('/audit/export.csv', {
    permission: 'audit.read',
    summary: 'The filtered audit log as CSV (semicolon-separated, Italian headers, Rome time, formula-safe); the export is logged',
    querystring: auditExportQuery,
    produces: ['text/csv'],
    // A stream is piped as it is; the schema's string documents the body for OpenAPI.
    response: z.string(),
    problems,
    handle: async (actor, { query }, _request, reply) => sendCsv(reply, 'registro-attivita', await exportAuditFor(app.db, actor, query)),
  });

  route.get('/audit/unusual', {
    permission: 'audit.read',
    summary:
      'Unusual reading of personal files over a period (the last 30 days by default, a year at most): more than perHour files (5–500, 30 by default) opened by a user in one hour, and files opened while their centre was closed',
    querystring: unusualReadingQuery,
    response: unusualReadingSchema,
    problems,
    handle: (actor, { query }) => unusualReadingFor(app.db, actor, query),
  });
});
