import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import { courseKindCreateInput, courseKindListQuery, courseKindSchema, courseKindUpdateInput } from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import { courseKindsFor, createCourseKind, updateCourseKind } from './course-kinds.usecases.js';

const params = z.strictObject({ id });

/** The course-kind catalogue: everyone reads it, coordinators manage it. */
export const courseKindsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/course-kinds',
    {
      schema: {
        tags: ['courses'],
        summary: 'The course-kind catalogue (club linguistico, supporto alla scuola guida…)',
        querystring: courseKindListQuery,
        response: { 200: z.array(courseKindSchema), ...problemResponses },
      },
    },
    async (request) => courseKindsFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/course-kinds',
    {
      schema: {
        tags: ['courses'],
        summary: 'Add a course kind',
        body: courseKindCreateInput,
        response: { 201: courseKindSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const kind = await createCourseKind(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(kind);
    },
  );

  app.patch(
    '/course-kinds/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Rename, reorder or deactivate a course kind (kinds are never deleted: past courses keep them)',
        params,
        body: courseKindUpdateInput,
        response: { 200: courseKindSchema, ...problemResponses },
      },
    },
    async (request) => updateCourseKind(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );
};
