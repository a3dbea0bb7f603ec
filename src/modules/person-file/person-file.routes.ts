import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import { personFileSchema } from '../../contracts/person-file.js';
import { requireAuth } from '../auth/actor.js';
import { getPersonFile } from './person-file.usecases.js';

export const personFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people/:id/file',
    {
      schema: {
        tags: ['people'],
        summary:
          "A person's whole file in one answer: details, recent visits, household, cases, documents, applications (the read is logged)",
        params: z.strictObject({ id }),
        response: { 200: personFileSchema, ...problemResponses },
      },
    },
    async (request) => getPersonFile(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );
};
