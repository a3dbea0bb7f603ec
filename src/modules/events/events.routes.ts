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
  networkMeetingCreateInput,
  networkMeetingListQuery,
  networkMeetingSchema,
  networkMeetingsSummary,
  networkMeetingUpdateInput,
  networkOrganisationCreateInput,
  networkOrganisationListQuery,
  networkOrganisationSchema,
  networkOrganisationUpdateInput,
} from '../../contracts/events.js';
import { requireAuth } from '../auth/actor.js';
import { createEvent, deleteEvent, getEvent, invitationFor, listEventsFor, summariseEventsFor, updateEvent } from './events.usecases.js';
import {
  createMeeting,
  createNetworkOrganisation,
  deleteMeeting,
  getMeetingFor,
  listMeetingsFor,
  networkOrganisationsFor,
  summariseMeetingsFor,
  updateMeeting,
  updateNetworkOrganisation,
} from './network.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Events and outings (with the printable invitation), network meetings and their organisations. */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- events and outings

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

  // --- the catalogue of organisations met

  const network = ['network meetings'];

  app.get(
    '/network-organisations',
    {
      schema: {
        tags: network,
        summary: 'The catalogue of organisations met at network meetings (trade unions, services, schools…)',
        querystring: networkOrganisationListQuery,
        response: { 200: z.array(networkOrganisationSchema), ...problemResponses },
      },
    },
    async (request) => networkOrganisationsFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/network-organisations',
    {
      schema: {
        tags: network,
        summary: 'Add an organisation to the catalogue',
        body: networkOrganisationCreateInput,
        response: { 201: networkOrganisationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const organisation = await createNetworkOrganisation(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(organisation);
    },
  );

  app.patch(
    '/network-organisations/:id',
    {
      schema: {
        tags: network,
        summary: 'Rename, reclassify or deactivate an organisation (never deleted: past meetings keep it)',
        params,
        body: networkOrganisationUpdateInput,
        response: { 200: networkOrganisationSchema, ...problemResponses },
      },
    },
    async (request) => updateNetworkOrganisation(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

  // --- network meetings

  app.get(
    '/network-meetings',
    {
      schema: {
        tags: network,
        summary: 'Network meetings of a period, newest first, with the organisations involved',
        querystring: networkMeetingListQuery,
        response: { 200: pageOf(networkMeetingSchema), ...problemResponses },
      },
    },
    async (request) => listMeetingsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/network-meetings/summary',
    {
      schema: {
        tags: network,
        summary: 'Network meetings of a period and how many involved each organisation (aggregated: viewers too)',
        querystring: eventsSummaryQuery,
        response: { 200: networkMeetingsSummary, ...problemResponses },
      },
    },
    async (request) => summariseMeetingsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/network-meetings',
    {
      schema: {
        tags: network,
        summary: 'Record a network meeting: date, organisations involved, topic, outcome notes',
        body: networkMeetingCreateInput,
        response: { 201: networkMeetingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const meeting = await createMeeting(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(meeting);
    },
  );

  app.get(
    '/network-meetings/:id',
    {
      schema: { tags: network, summary: 'One network meeting', params, response: { 200: networkMeetingSchema, ...problemResponses } },
    },
    async (request) => getMeetingFor(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/network-meetings/:id',
    {
      schema: {
        tags: network,
        summary: 'Correct a network meeting (send the version you read); organisationIds, if sent, replace the organisations',
        params,
        body: networkMeetingUpdateInput,
        response: { 200: networkMeetingSchema, ...problemResponses },
      },
    },
    async (request) => updateMeeting(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/network-meetings/:id',
    {
      schema: {
        tags: network,
        summary: 'Delete a network meeting (send the version you read as ?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteMeeting(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
