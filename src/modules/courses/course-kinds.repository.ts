/** The course-kind catalogue of an organisation: SQL only. */
import type { Kysely } from 'kysely';
import type { CourseKind, CourseKindCreateInput, CourseKindUpdateInput } from '../../contracts/courses.js';
import type { Database } from '../../db/schema.js';
import { DEFAULT_COURSE_KINDS } from './default-course-kinds.js';

type Db = Kysely<Database>;

const KIND_COLUMNS = ['id', 'code', 'labelIt', 'labelEn', 'active', 'sortOrder'] as const;

const toKind = (row: { id: number; code: string; labelIt: string; labelEn: string; active: number; sortOrder: number }): CourseKind => ({
  ...row,
  active: row.active === 1,
});

/** Gives an organisation the default kinds; kinds it has already are left as they are. */
export async function seedDefaultCourseKinds(db: Db, organisationId: number, now = new Date().toISOString()) {
  await db
    .insertInto('courseKinds')
    .values(
      DEFAULT_COURSE_KINDS.map((kind, i) => ({
        organisationId,
        ...kind,
        active: 1,
        sortOrder: (i + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
    .execute();
}

export async function listCourseKinds(db: Db, organisationId: number, onlyActive = false): Promise<CourseKind[]> {
  let query = db.selectFrom('courseKinds').select(KIND_COLUMNS).where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('sortOrder').orderBy('id').execute();
  return rows.map(toKind);
}

export async function findCourseKind(db: Db, organisationId: number, id: number): Promise<CourseKind | undefined> {
  const row = await db
    .selectFrom('courseKinds')
    .select(KIND_COLUMNS)
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toKind(row) : undefined;
}

/** A new active kind; returns its id. */
export async function insertCourseKind(
  db: Db,
  organisationId: number,
  kind: Omit<CourseKindCreateInput, 'sortOrder'> & { sortOrder: number },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('courseKinds')
    .values({
      organisationId,
      code: kind.code,
      labelIt: kind.labelIt,
      labelEn: kind.labelEn,
      active: 1,
      sortOrder: kind.sortOrder,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCourseKindRow(db: Db, id: number, input: CourseKindUpdateInput, now: string): Promise<void> {
  const { active, ...rest } = input;
  await db
    .updateTable('courseKinds')
    .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }), updatedAt: now })
    .where('id', '=', id)
    .execute();
}
