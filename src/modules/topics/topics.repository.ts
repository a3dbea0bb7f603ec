import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Topic } from '../../contracts/visits.js';
import { prepared } from '../../db/prepared.js';
import type { Database, RequestTopicsTable } from '../../db/schema.js';
import { DEFAULT_TOPICS } from './default-topics.js';

type Db = Kysely<Database>;

const toTopic = (row: { id: number; code: string; labelIt: string; labelEn: string; active: number; sortOrder: number }): Topic => ({
  ...row,
  active: row.active === 1,
});

export async function seedDefaultTopics(db: Db, organisationId: number, now = new Date().toISOString()) {
  await db
    .insertInto('requestTopics')
    .values(DEFAULT_TOPICS.map((t, i) => ({ organisationId, ...t, active: 1, sortOrder: (i + 1) * 10, createdAt: now, updatedAt: now })))
    .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
    .execute();
}

export async function listTopics(db: Db, organisationId: number, onlyActive = false): Promise<Topic[]> {
  let query = db
    .selectFrom('requestTopics')
    .select(['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'])
    .where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('sortOrder').orderBy('id').execute();
  return rows.map(toTopic);
}

export async function findTopic(db: Db, organisationId: number, id: number): Promise<Topic | undefined> {
  const row = await db
    .selectFrom('requestTopics')
    .select(['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'])
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toTopic(row) : undefined;
}

export async function insertTopic(db: Db, topic: Insertable<RequestTopicsTable>): Promise<number> {
  const row = await db.insertInto('requestTopics').values(topic).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTopicRow(db: Db, topicId: number, changes: Updateable<RequestTopicsTable>) {
  await db.updateTable('requestTopics').set(changes).where('id', '=', topicId).execute();
}

/** The ids among `ids` that are active topics of the organisation. */
// Prepared, and the whole (small) active catalogue: every visit checks its topics.
const selectActiveTopicIds = prepared((db, p: { organisationId: number }) =>
  db.selectFrom('requestTopics').select('id').where('organisationId', '=', p.organisationId).where('active', '=', 1),
);

/** Which of `ids` are active topics of the organisation. */
export async function activeTopicIds(db: Db, organisationId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const wanted = new Set(ids);
  const { rows } = await selectActiveTopicIds(db, { organisationId });
  return new Set(rows.map((r) => r.id).filter((id) => wanted.has(id)));
}
