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
  projectCreateInput,
  projectListQuery,
  projectSchema,
  projectUpdateInput,
  publicCentreParams,
  publicHoursSchema,
  staffContractCreateInput,
  staffContractParams,
  staffContractUpdateInput,
  staffCreateInput,
  staffListQuery,
  staffListSchema,
  staffMemberSchema,
  staffUpdateInput,
} from '../../contracts/calendar.js';
import { deleteQuery, id, problemResponses, problemSchema } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  calendarDaysFor,
  calendarFiguresFor,
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
import { publicCalendarIcs, publicHours } from './public.usecases.js';
import {
  createContract,
  createProject,
  createStaff,
  deleteContract,
  deleteProject,
  deleteStaff,
  getStaff,
  listProjectsFor,
  listStaffFor,
  updateContract,
  updateProject,
  updateStaff,
} from './staff.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };
/** Managing the calendar, the staff and the projects is the coordinator's (and the administrator's). */
const MANAGE = 'catalogues.manage';
/** The calendar is no personal data: everyone of the centre reads it (the desk, for its warning). */
const READ = 'statistics.read';

/** Opening hours, closures, settings, computed days and figures; staff and projects; the public page and feed. */
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

  // --- staff

  app.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'The centre’s staff with their contracts, the weekly hours in force on a date and the contracted hours of a year',
        querystring: staffListQuery,
        response: { 200: staffListSchema, ...problemResponses },
      },
    },
    async (request) => listStaffFor(app.db, requireAuth(request.auth, MANAGE), request.query),
  );

  app.post(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a staff member (role, optional user account)',
        body: staffCreateInput,
        response: { 201: staffMemberSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const member = await createStaff(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(member);
    },
  );

  app.get(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One staff member with their contracts',
        params,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) => getStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id),
  );

  app.patch(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Change a staff member (send the version you read)',
        params,
        body: staffUpdateInput,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) => updateStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Delete a staff member entered by mistake, with their contracts (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/staff/:id/contracts',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a contract period (weekly minutes; periods in force add up); answers the member',
        params,
        body: staffContractCreateInput,
        response: { 201: staffMemberSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const member = await createContract(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body);
      return reply.code(201).send(member);
    },
  );

  app.patch(
    '/staff/:id/contracts/:contractId',
    {
      schema: {
        tags: ['staff'],
        summary: 'Correct or end a contract period (send the version you read); answers the member',
        params: staffContractParams,
        body: staffContractUpdateInput,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) =>
      updateContract(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.params.contractId, request.body),
  );

  app.delete(
    '/staff/:id/contracts/:contractId',
    {
      schema: {
        tags: ['staff'],
        summary: 'Delete a contract period (?version=)',
        params: staffContractParams,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      const { id: staffId, contractId } = request.params;
      await deleteContract(app.db, requireAuth(request.auth, MANAGE), staffId, contractId, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- projects

  app.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'The centre’s projects, newest first (with a year: those running in it)',
        querystring: projectListQuery,
        response: { 200: z.array(projectSchema), ...problemResponses },
      },
    },
    async (request) => listProjectsFor(app.db, requireAuth(request.auth, READ), request.query),
  );

  app.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Add a project (funder or partner, period, extra staff hours a week)',
        body: projectCreateInput,
        response: { 201: projectSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const project = await createProject(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(project);
    },
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Change a project (send the version you read)',
        params,
        body: projectUpdateInput,
        response: { 200: projectSchema, ...problemResponses },
      },
    },
    async (request) => updateProject(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Delete a project entered by mistake (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteProject(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- public: no login, no personal data

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
