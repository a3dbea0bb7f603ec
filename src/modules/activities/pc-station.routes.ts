import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pcStationSummary,
  pcStationUseCreateInput,
  pcStationUseListQuery,
  pcStationUseSchema,
  summaryQuery,
} from '../../contracts/activities.js';
import { id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { createPcUse, deletePcUse, listPcUsesFor, summarisePcUsesFor } from './pc-station.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** The public PC station's log. */
export const pcStationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pc-station-uses',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Uses of the public PC station, newest first',
        querystring: pcStationUseListQuery,
        response: { 200: pageOf(pcStationUseSchema), ...problemResponses },
      },
    },
    async (request) => listPcUsesFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/pc-station-uses/summary',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Uses, minutes, distinct people and uses by purpose for a period (aggregated: viewers too)',
        querystring: summaryQuery,
        response: { 200: pcStationSummary, ...problemResponses },
      },
    },
    async (request) => summarisePcUsesFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/pc-station-uses',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Log a use of the public PC station (person if known); the operator is the caller',
        body: pcStationUseCreateInput,
        response: { 201: pcStationUseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const use = await createPcUse(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(use);
    },
  );

  app.delete(
    '/pc-station-uses/:id',
    { schema: { tags: ['pc station'], summary: 'Delete a use logged by mistake', params, response: deleted } },
    async (request, reply) => {
      await deletePcUse(app.db, requireAuth(request.auth, 'personal.write'), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
