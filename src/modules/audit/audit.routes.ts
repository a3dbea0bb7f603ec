import { addDays, format, parseISO } from 'date-fns';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery } from '../../contracts/audit.js';
import { pageOf, problemSchema } from '../../contracts/common.js';
import { romeInstant } from '../../domain/dates.js';
import { requireAuth } from '../auth/actor.js';
import { listAudit } from './audit.repository.js';

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
    async (request) => {
      const actor = requireAuth(request.auth, 'audit.read');
      const { page, pageSize, from, to, ...filters } = request.query;
      // Up to the start of the next Rome day: not +24 hours, since the days the clocks change last 23 or 25.
      const toInstant = to ? romeInstant(format(addDays(parseISO(to), 1), 'yyyy-MM-dd'), '00:00').toISOString() : undefined;
      const result = await listAudit(
        app.db,
        {
          ...filters,
          centreIds: actor.centreIds,
          organisationId: actor.organisationId,
          fromInstant: from ? romeInstant(from, '00:00').toISOString() : undefined,
          toInstant,
        },
        page,
        pageSize,
      );
      return { ...result, page, pageSize };
    },
  );
};
