import { z } from 'zod';
import { idParams, routesOf } from '../http/route.js';
import type { CatalogueDefinition } from './catalogues.js';
import { catalogueFor, createCatalogueItem, updateCatalogueItemFor } from './catalogues.usecases.js';

/** One catalogue at its path: everyone reads it, coordinators manage it. */
export function catalogueRoutes(definition: CatalogueDefinition) {
  const { contract, path, tags, summaries } = definition;
  return routesOf(tags, (route, app) => {
    route.get(path, {
      permission: 'login',
      summary: summaries.list,
      querystring: contract.listQuery,
      response: z.array(contract.item),
      handle: (actor, { query }) => catalogueFor(app.db, definition, actor, query.active === 'true'),
    });

    route.post(path, {
      permission: 'catalogues.manage',
      summary: summaries.create,
      body: contract.create,
      response: contract.item,
      status: 201,
      handle: (actor, { body }) => createCatalogueItem(app.db, definition, actor, body),
    });

    route.patch(`${path}/:id`, {
      permission: 'catalogues.manage',
      summary: summaries.update,
      params: idParams,
      body: contract.update,
      response: contract.item,
      handle: (actor, { params, body }) => updateCatalogueItemFor(app.db, definition, actor, params.id, body),
    });
  });
}
