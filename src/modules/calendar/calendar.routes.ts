import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  centreQuery,
  centreSettingsSchema,
  centreSettingsUpdateInput,
  closureCreateInput,
  closureListQuery,
  closureSchema,
  closureUpdateInput,
  daySchema,
  daysQuery,
  figuresQuery,
  figuresSchema,
  hoursSetCreateInput,
  hoursSetSchema,
  hoursSetUpdateInput,
} from '../../contracts/calendar.js';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  createClosure,
  createHoursSet,
  deleteClosure,
  deleteHoursSet,
  getCentreSettings,
  listClosuresFor,
  listHoursSetsFor,
  updateCentreSettings,
  updateClosure,
  updateHoursSet,
} from './calendar.usecases.js';
import { calendarDaysFor, calendarFiguresFor } from './days.usecases.js';
import { publicCalendarRoutes } from './public.routes.js';
import { staffRoutes } from './staff.routes.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };
/** Managing the calendar is the coordinator's (and the administrator's). */
const MANAGE = 'catalogues.manage';
/** The calendar is no personal data: everyone of the centre reads it (the desk, for its warning). */
const READ = 'statistics.read';

/**
 * Opening hours, closures, settings, computed days and figures; the staff and the projects
 * (staff.routes.ts) and the public page and feed (public.routes.ts) are registered after them.
 */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- opening hours

  app.get(
    '/calendar/hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The centre’s hours sets (weekly slots valid from a date), oldest first',
        querystring: centreQuery,
        response: { 200: z.array(hoursSetSchema), ...problemResponses },
      },
    },
    async (request) => listHoursSetsFor(app.db, requireAuth(request.auth, READ), request.query.centreId),
  );

  app.post(
    '/calendar/hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'New hours from a date; without slots, a copy of the hours in force on that date (the past stays as it was)',
        body: hoursSetCreateInput,
        response: { 201: hoursSetSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const set = await createHoursSet(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(set);
    },
  );

  app.patch(
    '/calendar/hours/:id',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Change an hours set’s slots, start date or notes (send the version you read); slots may not overlap or end before they start',
        params,
        body: hoursSetUpdateInput,
        response: { 200: hoursSetSchema, ...problemResponses },
      },
    },
    async (request) => updateHoursSet(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/calendar/hours/:id',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Delete an hours set that starts in the future (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteHoursSet(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- closures

  app.get(
    '/calendar/closures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Closures (date ranges with a reason) overlapping a period, in date order',
        querystring: closureListQuery,
        response: { 200: z.array(closureSchema), ...problemResponses },
      },
    },
    async (request) => listClosuresFor(app.db, requireAuth(request.auth, READ), request.query),
  );

  app.post(
    '/calendar/closures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add a closure; its reason is public (page and iCalendar feed)',
        body: closureCreateInput,
        response: { 201: closureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const closure = await createClosure(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(closure);
    },
  );

  app.patch(
    '/calendar/closures/:id',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Correct a closure (send the version you read)',
        params,
        body: closureUpdateInput,
        response: { 200: closureSchema, ...problemResponses },
      },
    },
    async (request) => updateClosure(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/calendar/closures/:id',
    { schema: { tags: ['calendar'], summary: 'Delete a closure (?version=)', params, querystring: deleteQuery, response: deleted } },
    async (request, reply) => {
      await deleteClosure(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- settings

  app.get(
    '/calendar/settings',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The centre’s settings: patron day, contacts for the public page and invitations, course completion threshold',
        querystring: centreQuery,
        response: { 200: centreSettingsSchema, ...problemResponses },
      },
    },
    async (request) => getCentreSettings(app.db, requireAuth(request.auth, READ), request.query.centreId),
  );

  app.patch(
    '/calendar/settings',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Change the centre’s settings (send the version you read)',
        body: centreSettingsUpdateInput,
        response: { 200: centreSettingsSchema, ...problemResponses },
      },
    },
    async (request) => updateCentreSettings(app.db, requireAuth(request.auth, MANAGE), request.body),
  );

  // --- computed

  app.get(
    '/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Each day of a period (at most a year): open with its slots, or closed and why',
        querystring: daysQuery,
        response: { 200: z.array(daySchema), ...problemResponses },
      },
    },
    async (request) => calendarDaysFor(app.db, requireAuth(request.auth, READ), request.query),
  );

  app.get(
    '/calendar/figures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Open days and open hours of a year (month by month) or of one month, with the days closed and why',
        querystring: figuresQuery,
        response: { 200: figuresSchema, ...problemResponses },
      },
    },
    async (request) => calendarFiguresFor(app.db, requireAuth(request.auth, READ), request.query),
  );

  await app.register(staffRoutes);
  await app.register(publicCalendarRoutes);
};
