import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  placeInput,
  placeResult,
  waitingListCreateInput,
  waitingListEntrySchema,
  waitingListQuery,
  waitingListUpdateInput,
  waitingSummaryQuery,
  waitingSummarySchema,
} from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import {
  createWaitingEntry,
  deleteWaitingEntry,
  listWaitingFor,
  placeWaitingEntry,
  updateWaitingEntry,
  waitingSummaryFor,
} from './waiting-list.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Waiting lists (operators), and their counts (aggregated: viewers too). */
export const waitingListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/waiting-list',
    {
      schema: {
        tags: ['courses'],
        summary: 'Waiting-list entries, the most urgent and the longest waiting first, with the days waited',
        querystring: waitingListQuery,
        response: { 200: pageOf(waitingListEntrySchema), ...problemResponses },
      },
    },
    async (request) => listWaitingFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/waiting-list/summary',
    {
      schema: {
        tags: ['courses'],
        summary: 'Waiting-list counts of a period by kind and status (Bisogni rilevati; aggregated: viewers too)',
        querystring: waitingSummaryQuery,
        response: { 200: waitingSummarySchema, ...problemResponses },
      },
    },
    async (request) => waitingSummaryFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/waiting-list',
    {
      schema: {
        tags: ['courses'],
        summary: 'Put a person on a waiting list',
        body: waitingListCreateInput,
        response: { 201: waitingListEntrySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const entry = await createWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(entry);
    },
  );

  app.patch(
    '/waiting-list/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Correct an entry, or withdraw it (status withdrawn) or take the withdrawal back (send the version you read)',
        params,
        body: waitingListUpdateInput,
        response: { 200: waitingListEntrySchema, ...problemResponses },
      },
    },
    async (request) => updateWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.post(
    '/waiting-list/:id/place',
    {
      schema: {
        tags: ['courses'],
        summary: 'Place the person in a course: enrols them and closes the entry, in one transaction',
        params,
        body: placeInput,
        response: { 200: placeResult, ...problemResponses },
      },
    },
    async (request) => placeWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/waiting-list/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete an entry made by mistake (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
