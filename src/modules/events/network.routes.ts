import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  eventsSummaryQuery,
  networkMeetingCreateInput,
  networkMeetingListQuery,
  networkMeetingSchema,
  networkMeetingsSummary,
  networkMeetingUpdateInput,
} from '../../contracts/events.js';
import { requireAuth } from '../auth/actor.js';
import { createMeeting, deleteMeeting, getMeetingFor, listMeetingsFor, summariseMeetingsFor, updateMeeting } from './network.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Network meetings with trade unions, services and schools. */
export const networkMeetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const network = ['network meetings'];

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
