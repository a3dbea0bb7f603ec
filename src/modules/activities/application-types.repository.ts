/** The application-type catalogue, one per organisation: SQL only. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ApplicationType } from '../../contracts/activities.js';
import type { ApplicationLevel } from '../../contracts/enums.js';
import type { ApplicationTypesTable, Database } from '../../db/schema.js';
import { DEFAULT_APPLICATION_TYPES } from './default-application-types.js';

type Db = Kysely<Database>;

const TYPE_COLUMNS = ['id', 'code', 'labelIt', 'labelEn', 'level', 'anagrafe', 'active', 'sortOrder'] as const;

type TypeRow = {
  id: number;
  code: string;
  labelIt: string;
  labelEn: string;
  level: string;
  anagrafe: number;
  active: number;
  sortOrder: number;
};

const toType = (row: TypeRow): ApplicationType => ({
  ...row,
  level: row.level as ApplicationLevel,
  anagrafe: row.anagrafe === 1,
  active: row.active === 1,
});

/** Gives an organisation the default catalogue; types it has already are left as they are. */
export async function seedDefaultApplicationTypes(db: Db, organisationId: number, now = new Date().toISOString()) {
  await db
    .insertInto('applicationTypes')
    .values(
      DEFAULT_APPLICATION_TYPES.map((type, i) => ({
        organisationId,
        ...type,
        anagrafe: type.anagrafe ? 1 : 0,
        active: 1,
        sortOrder: (i + 1) * 10,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
    .execute();
}

export async function listApplicationTypes(db: Db, organisationId: number, onlyActive = false): Promise<ApplicationType[]> {
  let query = db.selectFrom('applicationTypes').select(TYPE_COLUMNS).where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('sortOrder').orderBy('id').execute();
  return rows.map(toType);
}

export async function findApplicationType(db: Db, organisationId: number, id: number): Promise<ApplicationType | undefined> {
  const row = await db
    .selectFrom('applicationTypes')
    .select(TYPE_COLUMNS)
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toType(row) : undefined;
}

export async function insertApplicationType(db: Db, values: Insertable<ApplicationTypesTable>): Promise<number> {
  const row = await db.insertInto('applicationTypes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateApplicationTypeRow(db: Db, id: number, changes: Updateable<ApplicationTypesTable>): Promise<void> {
  await db.updateTable('applicationTypes').set(changes).where('id', '=', id).execute();
}
