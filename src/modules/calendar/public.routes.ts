import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicCentreParams, publicHoursSchema } from '../../contracts/calendar.js';
import { problemSchema } from '../../contracts/common.js';
import { publicCalendarIcs, publicHours } from './public.usecases.js';

/** A centre's hours, closures and holidays for anyone: no login, no personal data. */
export const publicCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/centres/:code/hours',
    {
      schema: {
        tags: ['public'],
        summary: 'A centre’s current hours, the next change, and the closures and holidays of the coming 90 days (no login)',
        security: [],
        params: publicCentreParams,
        response: { 200: publicHoursSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const hours = await publicHours(app.db, request.params.code);
      return reply.header('cache-control', 'public, max-age=300').send(hours);
    },
  );

  app.get(
    '/public/centres/:code/calendar.ics',
    {
      schema: {
        tags: ['public'],
        summary: 'A centre’s closures, holidays and coming opening hours as an iCalendar feed (no login)',
        security: [],
        params: publicCentreParams,
        produces: ['text/calendar'],
        response: { 200: z.string(), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const ics = await publicCalendarIcs(app.db, request.params.code);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=900')
        .header('content-disposition', `inline; filename="orari-${encodeURIComponent(request.params.code)}.ics"`)
        .send(ics);
    },
  );
};
