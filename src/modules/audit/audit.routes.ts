import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery } from '../../contracts/audit.js';
import { pageOf, problemSchema } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { listAuditFor } from './audit.usecases.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (administrators only; read-only)',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntrySchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => listAuditFor(app.db, requireAuth(request.auth, 'audit.read'), request.query),
  );
};
