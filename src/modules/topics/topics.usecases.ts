/** The request-topic catalogue, edited by the coordinator. */
import type { Kysely } from 'kysely';
import type { Topic } from '../../contracts/visits.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findTopic, insertTopic, listTopics, updateTopicRow } from './topics.repository.js';

type Db = Kysely<Database>;

export async function getTopic(db: Db, organisationId: number, topicId: number): Promise<Topic> {
  const topic = await findTopic(db, organisationId, topicId);
  if (!topic) throw notFound('topic');
  return topic;
}

export async function createTopic(
  db: Db,
  actor: Actor,
  input: { code: string; labelIt: string; labelEn: string; sortOrder?: number },
): Promise<Topic> {
  const existing = await listTopics(db, actor.organisationId);
  if (existing.some((t) => t.code === input.code)) throw conflict(`A topic with code ${input.code} exists already`);
  const now = new Date().toISOString();
  // A new topic goes last unless told otherwise.
  const sortOrder = input.sortOrder ?? Math.max(0, ...existing.map((t) => t.sortOrder)) + 10;
  const id = await inTransaction(db, async (trx) => {
    const topicId = await insertTopic(trx, {
      organisationId: actor.organisationId,
      ...input,
      sortOrder,
      active: 1,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'topic', entityId: topicId });
    return topicId;
  });
  return getTopic(db, actor.organisationId, id);
}

export async function updateTopic(
  db: Db,
  actor: Actor,
  topicId: number,
  input: { labelIt?: string; labelEn?: string; active?: boolean; sortOrder?: number },
): Promise<Topic> {
  await getTopic(db, actor.organisationId, topicId);
  const { active, ...rest } = input;
  await inTransaction(db, async (trx) => {
    await updateTopicRow(trx, topicId, {
      ...rest,
      ...(active !== undefined && { active: active ? 1 : 0 }),
      updatedAt: new Date().toISOString(),
    });
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'topic',
      entityId: topicId,
      details: { fields: Object.keys(input) },
    });
  });
  return getTopic(db, actor.organisationId, topicId);
}
