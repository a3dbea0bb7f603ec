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
import { idParams, routeDeclarer } from '../http/route.js';
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
import { centresRoutes } from './centres.routes.js';

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const centres = routeDeclarer(app, ['centres']);
  const users = routeDeclarer(app, ['users']);
  const tokens = routeDeclarer(app, ['tokens']);

  centres.get('/centres', {
    permission: 'login',
    summary: "The organisation's centres",
    response: z.array(centreSchema),
    handle: async (actor) => {
      const all = await listCentres(app.db, actor.organisationId);
      // Only administrators see every centre; others see their own.
      return actor.role === 'admin' ? all : all.filter((c) => actor.centreIds.includes(c.id));
    },
  });

  centres.post('/centres', {
    permission: 'centres.manage',
    summary: 'Add a centre',
    body: centreCreateInput,
    response: centreSchema,
    status: 201,
    handle: (actor, { body }) => createCentre(app.db, { organisationId: actor.organisationId, ...body }, actor),
  });

  users.get('/operators', {
    permission: 'personal.read',
    summary: 'Names of the users of your centres (for filters)',
    response: z.array(z.object({ id: z.number(), displayName: z.string() })),
    handle: (actor) => listColleagues(app.db, actor),
  });

  users.get('/users', {
    permission: 'users.manage',
    summary: 'User accounts',
    response: z.array(userSchema),
    handle: (actor) => listUsers(app.db, actor.organisationId),
  });

  users.post('/users', {
    permission: 'users.manage',
    summary: 'Create a user account',
    body: userCreateInput,
    response: userSchema,
    status: 201,
    handle: (actor, { body }) => createUser(app.db, { organisationId: actor.organisationId, ...body }, actor),
  });

  users.patch('/users/:id', {
    permission: 'users.manage',
    summary: 'Change a user account (role, centres, active, password)',
    params: idParams,
    body: userUpdateInput,
    response: userSchema,
    handle: (actor, { params, body }) => updateUser(app.db, actor, params.id, body),
  });

  tokens.get('/tokens', {
    permission: 'users.manage',
    summary: 'Personal API tokens (never the secret)',
    response: z.array(apiTokenSchema),
    handle: (actor) => listApiTokens(app.db, actor.organisationId),
  });

  tokens.post('/tokens', {
    permission: 'users.manage',
    summary: 'Create an API token for a user: the secret is shown once',
    body: apiTokenCreateInput,
    response: apiTokenCreated,
    status: 201,
    handle: (actor, { body }) => createApiToken(app.db, { ...body, organisationId: actor.organisationId }, actor),
  });

  tokens.delete('/tokens/:id', {
    permission: 'users.manage',
    summary: 'Revoke an API token',
    params: idParams,
    handle: (actor, { params }) => revokeApiToken(app.db, actor, params.id),
  });

  await app.register(centresRoutes);
};
