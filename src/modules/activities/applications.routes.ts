import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationCreateInput,
  applicationListQuery,
  applicationSchema,
  applicationSummary,
  applicationUpdateInput,
  summaryQuery,
} from '../../contracts/activities.js';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  createApplication,
  deleteApplication,
  listApplicationsFor,
  summariseApplicationsFor,
  updateApplication,
} from './applications.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Applications filled in with people (domande / bonus). */
export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Applications filled in with people (compilazione domande / bonus), newest first, filtered',
        querystring: applicationListQuery,
        response: { 200: pageOf(applicationSchema), ...problemResponses },
      },
    },
    async (request) => listApplicationsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/applications/summary',
    {
      schema: {
        tags: ['applications'],
        summary: 'Counts of applications by type, level and outcome for a period (aggregated: viewers too)',
        querystring: summaryQuery,
        response: { 200: applicationSummary, ...problemResponses },
      },
    },
    async (request) => summariseApplicationsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Record an application filled in with a person; the operator is the caller',
        body: applicationCreateInput,
        response: { 201: applicationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const application = await createApplication(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(application);
    },
  );

  app.patch(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Correct an application or record its outcome (send the version you read)',
        params,
        body: applicationUpdateInput,
        response: { 200: applicationSchema, ...problemResponses },
      },
    },
    async (request) => updateApplication(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Delete an application recorded by mistake (send ?version= as read: 409 if someone changed it since)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteApplication(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
