/** A case's referrals to and from other services. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referralCreateInput, referralSchema, referralUpdateInput } from '../../contracts/cases.js';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { addReferral, deleteReferral, updateReferral } from './referrals.usecases.js';

const tags = ['cases'];
const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Record a referral to or from another service',
        params,
        body: referralCreateInput,
        response: { 201: referralSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.patch(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Change a referral (send the version you read)',
        params,
        body: referralUpdateInput,
        response: { 200: referralSchema, ...problemResponses },
      },
    },
    async (request) => updateReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/referrals/:id',
    {
      schema: { tags, summary: 'Delete a referral (?version= the version you read)', params, querystring: deleteQuery, response: deleted },
    },
    async (request, reply) => {
      await deleteReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
