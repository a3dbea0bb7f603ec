import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common.js';
import { personFileSchema } from '../../contracts/person-file.js';
import { routeDeclarer } from '../http/route.js';
import { getPersonFile } from './person-file.usecases.js';

export const personFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = routeDeclarer(app, ['people']);

  route.get('/people/:id/file', {
    permission: 'personal.read',
    summary: "A person's whole file in one answer: details, recent visits, household, cases, documents, applications (the read is logged)",
    params: z.strictObject({ id }),
    response: personFileSchema,
    handle: (actor, { params }) => getPersonFile(app.db, actor, params.id),
  });
};
