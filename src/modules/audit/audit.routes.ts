import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery } from '../../contracts/audit.js';
import { pageOf, problemSchema } from '../../contracts/common.js';
import { routeDeclarer } from '../http/route.js';
import { listAuditFor } from './audit.usecases.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = routeDeclarer(app, ['audit']);

  route.get('/audit', {
    permission: 'audit.read',
    summary: 'The audit log, newest first (administrators only; read-only)',
    querystring: auditQuery,
    response: pageOf(auditEntrySchema),
    problems: { 400: problemSchema, 401: problemSchema, 403: problemSchema },
    handle: (actor, { query }) => listAuditFor(app.db, actor, query),
  });
};
