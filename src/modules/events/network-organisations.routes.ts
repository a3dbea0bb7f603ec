import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import {
  networkOrganisationCreateInput,
  networkOrganisationListQuery,
  networkOrganisationSchema,
  networkOrganisationUpdateInput,
} from '../../contracts/events.js';
import { requireAuth } from '../auth/actor.js';
import { createNetworkOrganisation, networkOrganisationsFor, updateNetworkOrganisation } from './network-organisations.usecases.js';

const params = z.strictObject({ id });

/** The catalogue of organisations met at network meetings. */
export const networkOrganisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const network = ['network meetings'];

  app.get(
    '/network-organisations',
    {
      schema: {
        tags: network,
        summary: 'The catalogue of organisations met at network meetings (trade unions, services, schools…)',
        querystring: networkOrganisationListQuery,
        response: { 200: z.array(networkOrganisationSchema), ...problemResponses },
      },
    },
    async (request) => networkOrganisationsFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/network-organisations',
    {
      schema: {
        tags: network,
        summary: 'Add an organisation to the catalogue',
        body: networkOrganisationCreateInput,
        response: { 201: networkOrganisationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const organisation = await createNetworkOrganisation(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(organisation);
    },
  );

  app.patch(
    '/network-organisations/:id',
    {
      schema: {
        tags: network,
        summary: 'Rename, reclassify or deactivate an organisation (never deleted: past meetings keep it)',
        params,
        body: networkOrganisationUpdateInput,
        response: { 200: networkOrganisationSchema, ...problemResponses },
      },
    },
    async (request) => updateNetworkOrganisation(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );
};
