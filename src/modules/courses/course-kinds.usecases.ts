/** The course-kind catalogue (coordinators: catalogues.manage): listed, added, renamed, reordered, deactivated. */
import type { Kysely } from 'kysely';
import type { CourseKind, CourseKindCreateInput, CourseKindUpdateInput } from '../../contracts/courses.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findCourseKind, insertCourseKind, listCourseKinds, updateCourseKindRow } from './course-kinds.repository.js';

type Db = Kysely<Database>;

async function getCourseKind(db: Db, actor: Actor, id: number): Promise<CourseKind> {
  const kind = await findCourseKind(db, actor.organisationId, id);
  if (!kind) throw notFound('course kind');
  return kind;
}

export async function courseKindsFor(db: Db, actor: Actor, onlyActive: boolean): Promise<CourseKind[]> {
  return listCourseKinds(db, actor.organisationId, onlyActive);
}

export async function createCourseKind(db: Db, actor: Actor, input: CourseKindCreateInput): Promise<CourseKind> {
  const existing = await listCourseKinds(db, actor.organisationId);
  if (existing.some((kind) => kind.code === input.code)) throw conflict(`A course kind with code ${input.code} exists already`);
  const sortOrder = input.sortOrder ?? Math.max(0, ...existing.map((kind) => kind.sortOrder)) + 10;
  const id = await inTransaction(db, async (trx) => {
    const newId = await insertCourseKind(trx, actor.organisationId, { ...input, sortOrder }, new Date().toISOString());
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'course_kind', entityId: newId });
    return newId;
  });
  return getCourseKind(db, actor, id);
}

/** Renames, reorders or deactivates a kind. Kinds are never deleted: past courses keep theirs. */
export async function updateCourseKind(db: Db, actor: Actor, id: number, input: CourseKindUpdateInput): Promise<CourseKind> {
  await inTransaction(db, async (trx) => {
    await getCourseKind(trx, actor, id);
    await updateCourseKindRow(trx, id, input, new Date().toISOString());
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'course_kind',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getCourseKind(db, actor, id);
}
