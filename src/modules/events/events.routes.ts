import { deleteQuery, pageOf } from '../../contracts/common.js';
import {
  eventCreateInput,
  eventListItem,
  eventListQuery,
  eventSchema,
  eventsSummary,
  eventsSummaryQuery,
  eventUpdateInput,
} from '../../contracts/events.js';
import { NETWORK_ORGANISATIONS } from '../catalogues/catalogues.js';
import { catalogueRoutes } from '../catalogues/catalogues.routes.js';
import { fileBody } from '../http/download.js';
import { idParams, routesOf } from '../http/route.js';
import { createEvent, deleteEvent, getEvent, invitationFor, listEventsFor, summariseEventsFor, updateEvent } from './events.usecases.js';
import { networkMeetingsRoutes } from './network.routes.js';

/**
 * Events and outings (with the printable invitation); the catalogue of organisations met and
 * the network meetings are registered after them.
 */
export const eventsRoutes = routesOf(['events'], async (route, app) => {
  route.get('/events', {
    permission: 'statistics.read',
    summary: 'Events and outings of a period, in date order, with how many take part (no names: viewers too)',
    querystring: eventListQuery,
    response: pageOf(eventListItem),
    handle: (actor, { query }) => listEventsFor(app.db, actor, query),
  });

  route.get('/events/summary', {
    permission: 'statistics.read',
    summary: 'Events of a period and their participants: listed by name, others, total, distinct people (aggregated)',
    querystring: eventsSummaryQuery,
    response: eventsSummary,
    handle: (actor, { query }) => summariseEventsFor(app.db, actor, query),
  });

  route.post('/events', {
    permission: 'personal.write',
    summary: 'Record an event or outing, past or planned, with the people of the centre taking part and a count of others',
    body: eventCreateInput,
    response: eventSchema,
    status: 201,
    handle: (actor, { body }) => createEvent(app.db, actor, body),
  });

  route.get('/events/:id', {
    permission: 'personal.read',
    summary: 'One event with the people taking part (the read is logged)',
    params: idParams,
    response: eventSchema,
    handle: (actor, { params }) => getEvent(app.db, actor, params.id),
  });

  route.patch('/events/:id', {
    permission: 'personal.write',
    summary: 'Correct an event (send the version you read); participantIds, if sent, replace the people listed',
    params: idParams,
    body: eventUpdateInput,
    response: eventSchema,
    handle: (actor, { params, body }) => updateEvent(app.db, actor, params.id, body),
  });

  route.delete('/events/:id', {
    permission: 'personal.write',
    summary: 'Delete an event (send the version you read as ?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteEvent(app.db, actor, params.id, query.version),
  });

  route.get('/events/:id/invitation.pdf', {
    permission: 'statistics.read',
    summary:
      'The printable invitation (A4 PDF): title, date with its weekday, time, place, meeting point, partner, the centre’s contacts; no names',
    params: idParams,
    produces: ['application/pdf'],
    response: fileBody,
    handle: async (actor, { params }, _request, reply) => {
      const invitation = await invitationFor(app.db, actor, params.id);
      return (
        reply
          .type('application/pdf')
          // Opened in the browser to print; the name is ASCII letters, digits and hyphens.
          .header('content-disposition', `inline; filename="${invitation.fileName}"`)
          .send(invitation.pdf)
      );
    },
  });

  await app.register(catalogueRoutes(NETWORK_ORGANISATIONS));
  await app.register(networkMeetingsRoutes);
});
