import { z } from 'zod';
import { publicCentreParams, publicHoursSchema } from '../../contracts/calendar.js';
import { problemSchema } from '../../contracts/common.js';
import { routesOf } from '../http/route.js';
import { publicCalendarIcs, publicHours } from './public.usecases.js';

/** A centre's hours, closures and holidays for anyone: no login, no personal data. */
export const publicCalendarRoutes = routesOf(['public'], (route, app) => {
  const problems = { 400: problemSchema, 404: problemSchema };

  route.get('/public/centres/:code/hours', {
    permission: 'public',
    summary: 'A centre’s current hours, the next change, and the closures and holidays of the coming 90 days (no login)',
    params: publicCentreParams,
    response: publicHoursSchema,
    problems,
    handle: async (_nobody, { params }, _request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicHours(app.db, params.code);
    },
  });

  route.get('/public/centres/:code/calendar.ics', {
    permission: 'public',
    summary: 'A centre’s closures, holidays and coming opening hours as an iCalendar feed (no login)',
    params: publicCentreParams,
    produces: ['text/calendar'],
    response: z.string(),
    problems,
    handle: async (_nobody, { params }, _request, reply) => {
      const ics = await publicCalendarIcs(app.db, params.code);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=900')
        .header('content-disposition', `inline; filename="orari-${encodeURIComponent(params.code)}.ics"`)
        .send(ics);
    },
  });
});
