import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import { topicCreateInput, topicSchema, topicUpdateInput } from '../../contracts/visits.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireAuth } from '../auth/actor.js';
import { findTopic, listTopics } from './topics.repository.js';

const tags = ['topics'];

export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  const topicOrNotFound = async (organisationId: number, topicId: number) => {
    const topic = await findTopic(app.db, organisationId, topicId);
    if (!topic) throw notFound('topic');
    return topic;
  };

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
      const actor = requireAuth(request.auth, 'catalogues.manage');
      const existing = await listTopics(app.db, actor.organisationId);
      if (existing.some((t) => t.code === request.body.code)) {
        throw new AppError('resource.conflict', 409, `A topic with code ${request.body.code} exists already`);
      }
      const now = new Date().toISOString();
      const sortOrder = request.body.sortOrder ?? Math.max(0, ...existing.map((t) => t.sortOrder)) + 10;
      const id = await inTransaction(app.db, async (trx) => {
        const row = await trx
          .insertInto('requestTopics')
          .values({ organisationId: actor.organisationId, ...request.body, sortOrder, active: 1, createdAt: now, updatedAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'topic', entityId: row.id });
        return row.id;
      });
      return reply.code(201).send(await topicOrNotFound(actor.organisationId, id));
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
    async (request) => {
      const actor = requireAuth(request.auth, 'catalogues.manage');
      await topicOrNotFound(actor.organisationId, request.params.id);
      const { active, ...rest } = request.body;
      await inTransaction(app.db, async (trx) => {
        await trx
          .updateTable('requestTopics')
          .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }), updatedAt: new Date().toISOString() })
          .where('id', '=', request.params.id)
          .execute();
        await recordAudit(trx, {
          userId: actor.userId,
          centreId: null,
          action: 'update',
          entity: 'topic',
          entityId: request.params.id,
          details: { fields: Object.keys(request.body) },
        });
      });
      return topicOrNotFound(actor.organisationId, request.params.id);
    },
  );
};
