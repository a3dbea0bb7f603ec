import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  eventCreateInput,
  eventListItem,
  eventListQuery,
  eventSchema,
  eventsSummary,
  eventsSummaryQuery,
  eventUpdateInput,
} from '../../contracts/events.js';
import { requireAuth } from '../auth/actor.js';
import { NETWORK_ORGANISATIONS } from '../catalogues/catalogues.js';
import { catalogueRoutes } from '../catalogues/catalogues.routes.js';
import { createEvent, deleteEvent, getEvent, invitationFor, listEventsFor, summariseEventsFor, updateEvent } from './events.usecases.js';
import { networkMeetingsRoutes } from './network.routes.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/**
 * Events and outings (with the printable invitation); the catalogue of organisations met and
 * the network meetings are registered after them.
 */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const events = ['events'];

  app.get(
    '/events',
    {
      schema: {
        tags: events,
        summary: 'Events and outings of a period, in date order, with how many take part (no names: viewers too)',
        querystring: eventListQuery,
        response: { 200: pageOf(eventListItem), ...problemResponses },
      },
    },
    async (request) => listEventsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/events/summary',
    {
      schema: {
        tags: events,
        summary: 'Events of a period and their participants: listed by name, others, total, distinct people (aggregated)',
        querystring: eventsSummaryQuery,
        response: { 200: eventsSummary, ...problemResponses },
      },
    },
    async (request) => summariseEventsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/events',
    {
      schema: {
        tags: events,
        summary: 'Record an event or outing, past or planned, with the people of the centre taking part and a count of others',
        body: eventCreateInput,
        response: { 201: eventSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const event = await createEvent(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(event);
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags: events,
        summary: 'One event with the people taking part (the read is logged)',
        params,
        response: { 200: eventSchema, ...problemResponses },
      },
    },
    async (request) => getEvent(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/events/:id',
    {
      schema: {
        tags: events,
        summary: 'Correct an event (send the version you read); participantIds, if sent, replace the people listed',
        params,
        body: eventUpdateInput,
        response: { 200: eventSchema, ...problemResponses },
      },
    },
    async (request) => updateEvent(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/events/:id',
    {
      schema: {
        tags: events,
        summary: 'Delete an event (send the version you read as ?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteEvent(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/events/:id/invitation.pdf',
    {
      schema: {
        tags: events,
        summary:
          'The printable invitation (A4 PDF): title, date with its weekday, time, place, meeting point, partner, the centre’s contacts; no names',
        params,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const invitation = await invitationFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id);
      return (
        reply
          .type('application/pdf')
          // Opened in the browser to print; the name is ASCII letters, digits and hyphens.
          .header('content-disposition', `inline; filename="${invitation.fileName}"`)
          // Bytes are sent as they are; the schema's string documents the body for OpenAPI.
          .send(invitation.pdf as unknown as string)
      );
    },
  );

  await app.register(catalogueRoutes(NETWORK_ORGANISATIONS));
  await app.register(networkMeetingsRoutes);
};
