import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import { topicCreateInput, topicSchema, topicUpdateInput } from '../../contracts/visits.js';
import { requireAuth } from '../auth/actor.js';
import { listTopics } from './topics.repository.js';
import { createTopic, updateTopic } from './topics.usecases.js';

const tags = ['topics'];

export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/topics',
    {
      schema: {
        tags,
        summary: 'The request-topic catalogue (tipologie di richiesta)',
        querystring: z.strictObject({ active: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(topicSchema), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireAuth(request.auth);
      return listTopics(app.db, actor.organisationId, request.query.active === 'true');
    },
  );

  app.post(
    '/topics',
    { schema: { tags, summary: 'Add a request topic', body: topicCreateInput, response: { 201: topicSchema, ...problemResponses } } },
    async (request, reply) => {
      const topic = await createTopic(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(topic);
    },
  );

  app.patch(
    '/topics/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or deactivate a topic (topics are never deleted: past visits keep them)',
        params: z.strictObject({ id }),
        body: topicUpdateInput,
        response: { 200: topicSchema, ...problemResponses },
      },
    },
    async (request) => updateTopic(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );
};
