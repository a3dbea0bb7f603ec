/** A case's plan: goals, their actions, the overdue actions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionCreateInput,
  actionSchema,
  actionUpdateInput,
  goalCreateInput,
  goalSchema,
  goalUpdateInput,
  overdueActionSchema,
  overdueQuery,
} from '../../contracts/cases.js';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { addAction, addGoal, deleteAction, deleteGoal, listOverdueFor, updateAction, updateGoal } from './plan.usecases.js';

const tags = ['cases'];
const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:id/goals',
    {
      schema: {
        tags,
        summary: 'Add a goal to the plan',
        params,
        body: goalCreateInput,
        response: { 201: goalSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.patch(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal (send the version you read)',
        params,
        body: goalUpdateInput,
        response: { 200: goalSchema, ...problemResponses },
      },
    },
    async (request) => updateGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a goal and its actions (?version= the version you read)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/goals/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an action to a goal',
        params,
        body: actionCreateInput,
        response: { 201: actionSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.get(
    '/actions/overdue',
    {
      schema: {
        tags,
        summary: "Open actions past their due date: an operator's own (responsible or assigned), a coordinator's centres' all",
        querystring: overdueQuery,
        response: { 200: pageOf(overdueActionSchema), ...problemResponses },
      },
    },
    async (request) => listOverdueFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'Change an action (send the version you read); done sets doneOn',
        params,
        body: actionUpdateInput,
        response: { 200: actionSchema, ...problemResponses },
      },
    },
    async (request) => updateAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/actions/:id',
    { schema: { tags, summary: 'Delete an action (?version= the version you read)', params, querystring: deleteQuery, response: deleted } },
    async (request, reply) => {
      await deleteAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
