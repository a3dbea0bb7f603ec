import { z } from 'zod';
import {
  centreQuery,
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
import { agendaEntry, agendaQuery } from '../../contracts/calendar-agenda.js';
import { deleteQuery } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { agendaFor } from './agenda.usecases.js';
import {
  createClosure,
  createHoursSet,
  deleteClosure,
  deleteHoursSet,
  listClosuresFor,
  listHoursSetsFor,
  updateClosure,
  updateHoursSet,
} from './calendar.usecases.js';
import { calendarDaysFor, calendarFiguresFor } from './days.usecases.js';
import { publicCalendarRoutes } from './public.routes.js';
import { staffRoutes } from './staff.routes.js';

/** Managing the calendar is the coordinator's (and the administrator's). */
const MANAGE = 'catalogues.manage';
/** The calendar is no personal data: everyone of the centre reads it (the desk, for its warning). */
const READ = 'statistics.read';

/**
 * Opening hours, closures, computed days and figures; the staff and the projects
 * (staff.routes.ts) and the public page and feed (public.routes.ts) are registered after them.
 */
export const calendarRoutes = routesOf(['calendar'], async (route, app) => {
  // --- opening hours

  route.get('/calendar/hours', {
    permission: READ,
    summary: 'The centre’s hours sets (weekly slots valid from a date), oldest first',
    querystring: centreQuery,
    response: z.array(hoursSetSchema),
    handle: (actor, { query }) => listHoursSetsFor(app.db, actor, query.centreId),
  });

  route.post('/calendar/hours', {
    permission: MANAGE,
    summary: 'New hours from a date; without slots, a copy of the hours in force on that date (the past stays as it was)',
    body: hoursSetCreateInput,
    response: hoursSetSchema,
    status: 201,
    handle: (actor, { body }) => createHoursSet(app.db, actor, body),
  });

  route.patch('/calendar/hours/:id', {
    permission: MANAGE,
    summary: 'Change an hours set’s slots, start date or notes (send the version you read); slots may not overlap or end before they start',
    params: idParams,
    body: hoursSetUpdateInput,
    response: hoursSetSchema,
    handle: (actor, { params, body }) => updateHoursSet(app.db, actor, params.id, body),
  });

  route.delete('/calendar/hours/:id', {
    permission: MANAGE,
    summary: 'Delete an hours set that starts in the future (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteHoursSet(app.db, actor, params.id, query.version),
  });

  // --- closures

  route.get('/calendar/closures', {
    permission: READ,
    summary: 'Closures (date ranges with a reason) overlapping a period, in date order',
    querystring: closureListQuery,
    response: z.array(closureSchema),
    handle: (actor, { query }) => listClosuresFor(app.db, actor, query),
  });

  route.post('/calendar/closures', {
    permission: MANAGE,
    summary: 'Add a closure; its reason is public (page and iCalendar feed)',
    body: closureCreateInput,
    response: closureSchema,
    status: 201,
    handle: (actor, { body }) => createClosure(app.db, actor, body),
  });

  route.patch('/calendar/closures/:id', {
    permission: MANAGE,
    summary: 'Correct a closure (send the version you read)',
    params: idParams,
    body: closureUpdateInput,
    response: closureSchema,
    handle: (actor, { params, body }) => updateClosure(app.db, actor, params.id, body),
  });

  route.delete('/calendar/closures/:id', {
    permission: MANAGE,
    summary: 'Delete a closure (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteClosure(app.db, actor, params.id, query.version),
  });

  // --- computed

  route.get('/calendar/days', {
    permission: READ,
    summary: 'Each day of a period (at most a year): open with its slots, or closed and why',
    querystring: daysQuery,
    response: z.array(daySchema),
    handle: (actor, { query }) => calendarDaysFor(app.db, actor, query),
  });

  route.get('/calendar/figures', {
    permission: READ,
    summary: 'Open days and open hours of a year (month by month) or of one month, with the days closed and why',
    querystring: figuresQuery,
    response: figuresSchema,
    handle: (actor, { query }) => calendarFiguresFor(app.db, actor, query),
  });

  route.get('/calendar/agenda', {
    permission: READ,
    summary:
      "What the centre does in a period (at most a year): lessons, events, network meetings and, for the staff, the lawyer's sessions, by date and time",
    querystring: agendaQuery,
    response: z.array(agendaEntry),
    handle: (actor, { query }) => agendaFor(app.db, actor, query),
  });

  await app.register(staffRoutes);
  await app.register(publicCalendarRoutes);
});
