import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import type { CatalogueDefinition } from './catalogues.js';
import { catalogueFor, createCatalogueItem, updateCatalogueItemFor } from './catalogues.usecases.js';

const params = z.strictObject({ id });

/** One catalogue at its path: everyone reads it, coordinators manage it. */
export function catalogueRoutes(definition: CatalogueDefinition): FastifyPluginAsyncZod {
  const { contract, path, tags, summaries } = definition;
  return async (app) => {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: summaries.list,
          querystring: contract.listQuery,
          response: { 200: z.array(contract.item), ...problemResponses },
        },
      },
      async (request) => catalogueFor(app.db, definition, requireAuth(request.auth), request.query.active === 'true'),
    );

    app.post(
      path,
      { schema: { tags, summary: summaries.create, body: contract.create, response: { 201: contract.item, ...problemResponses } } },
      async (request, reply) => {
        const item = await createCatalogueItem(app.db, definition, requireAuth(request.auth, 'catalogues.manage'), request.body);
        return reply.code(201).send(item);
      },
    );

    app.patch(
      `${path}/:id`,
      {
        schema: { tags, summary: summaries.update, params, body: contract.update, response: { 200: contract.item, ...problemResponses } },
      },
      async (request) =>
        updateCatalogueItemFor(app.db, definition, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
    );
  };
}
