import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationTypeCreateInput,
  applicationTypeListQuery,
  applicationTypeSchema,
  applicationTypeUpdateInput,
} from '../../contracts/activities.js';
import { id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { applicationTypesFor, createApplicationType, updateApplicationType } from './application-types.usecases.js';

const params = z.strictObject({ id });

/** The application-type catalogue. */
export const applicationTypesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/application-types',
    {
      schema: {
        tags: ['applications'],
        summary: 'The application-type catalogue, with each type’s level and Anagrafe flag',
        querystring: applicationTypeListQuery,
        response: { 200: z.array(applicationTypeSchema), ...problemResponses },
      },
    },
    async (request) => applicationTypesFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/application-types',
    {
      schema: {
        tags: ['applications'],
        summary: 'Add an application type',
        body: applicationTypeCreateInput,
        response: { 201: applicationTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const type = await createApplicationType(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(type);
    },
  );

  app.patch(
    '/application-types/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Rename, reorder, correct or deactivate an application type (types are never deleted: past applications keep them)',
        params,
        body: applicationTypeUpdateInput,
        response: { 200: applicationTypeSchema, ...problemResponses },
      },
    },
    async (request) => updateApplicationType(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );
};
