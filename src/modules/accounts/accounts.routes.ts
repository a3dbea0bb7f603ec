import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreated,
  apiTokenCreateInput,
  apiTokenSchema,
  centreCreateInput,
  centreSchema,
  userCreateInput,
  userSchema,
  userUpdateInput,
} from '../../contracts/auth.js';
import { id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  createApiToken,
  createCentre,
  createUser,
  listApiTokens,
  listCentres,
  listColleagues,
  listUsers,
  revokeApiToken,
  updateUser,
} from './accounts.usecases.js';

const params = z.strictObject({ id });

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/centres',
    { schema: { tags: ['centres'], summary: "The organisation's centres", response: { 200: z.array(centreSchema), ...problemResponses } } },
    async (request) => {
      const actor = requireAuth(request.auth);
      const centres = await listCentres(app.db, actor.organisationId);
      // Only administrators see every centre; others see their own.
      return actor.role === 'admin' ? centres : centres.filter((c) => actor.centreIds.includes(c.id));
    },
  );

  app.post(
    '/centres',
    {
      schema: { tags: ['centres'], summary: 'Add a centre', body: centreCreateInput, response: { 201: centreSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const actor = requireAuth(request.auth, 'centres.manage');
      const centre = await createCentre(app.db, { organisationId: actor.organisationId, ...request.body }, actor);
      return reply.code(201).send(centre);
    },
  );

  app.get(
    '/operators',
    {
      schema: {
        tags: ['users'],
        summary: 'Names of the users of your centres (for filters)',
        response: { 200: z.array(z.object({ id: z.number(), displayName: z.string() })), ...problemResponses },
      },
    },
    async (request) => listColleagues(app.db, requireAuth(request.auth, 'personal.read')),
  );

  app.get(
    '/users',
    { schema: { tags: ['users'], summary: 'User accounts', response: { 200: z.array(userSchema), ...problemResponses } } },
    async (request) => {
      const actor = requireAuth(request.auth, 'users.manage');
      return listUsers(app.db, actor.organisationId);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user account',
        body: userCreateInput,
        response: { 201: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request.auth, 'users.manage');
      return reply.code(201).send(await createUser(app.db, { organisationId: actor.organisationId, ...request.body }, actor));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user account (role, centres, active, password)',
        params,
        body: userUpdateInput,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireAuth(request.auth, 'users.manage');
      return updateUser(app.db, actor, request.params.id, request.body);
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Personal API tokens (never the secret)',
        response: { 200: z.array(apiTokenSchema), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireAuth(request.auth, 'users.manage');
      return listApiTokens(app.db, actor.organisationId);
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for a user: the secret is shown once',
        body: apiTokenCreateInput,
        response: { 201: apiTokenCreated, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request.auth, 'users.manage');
      const token = await createApiToken(app.db, { ...request.body, organisationId: actor.organisationId }, actor);
      return reply.code(201).send(token);
    },
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke an API token', params, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      const actor = requireAuth(request.auth, 'users.manage');
      await revokeApiToken(app.db, actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
