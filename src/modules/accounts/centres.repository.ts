/** A centre's own settings as stored on its row, versioned by its settings version. SQL only. */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { CentreLogosTable, CentresTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

const SETTINGS_COLUMNS = [
  'id',
  'code',
  'name',
  'comuneIstat',
  'address',
  'phone',
  'email',
  'patronDay',
  'completionThreshold',
  'privacyNoticeVersion',
  'settingsVersion',
] as const;

/** The settings of one of these centres (another centre's id finds nothing). */
export async function findCentreSettingsRow(db: Db, centreId: number, centreIds: readonly number[]) {
  if (!centreIds.includes(centreId)) return undefined;
  return db.selectFrom('centres').select(SETTINGS_COLUMNS).where('id', '=', centreId).executeTakeFirst();
}

export type CentreSettingsChanges = Pick<
  Updateable<CentresTable>,
  'name' | 'comuneIstat' | 'address' | 'phone' | 'email' | 'patronDay' | 'completionThreshold' | 'privacyNoticeVersion'
>;

/**
 * Writes a centre's settings if they are still at the version read, and moves the version on.
 * False when someone changed them since.
 */
export async function updateCentreSettingsAt(db: Db, centreId: number, version: number, changes: CentreSettingsChanges) {
  const updated = await db
    .updateTable('centres')
    .set({ ...changes, settingsVersion: sql<number>`settings_version + 1` })
    .where('id', '=', centreId)
    .where('settingsVersion', '=', version)
    .returning('settingsVersion')
    .executeTakeFirst();
  return updated !== undefined;
}

/** What the public page, the iCalendar feed and the invitations name a centre by. */
export async function findCentreContact(db: Db, centreId: number) {
  return db
    .selectFrom('centres')
    .select(['id', 'code', 'name', 'comuneIstat', 'address', 'phone', 'email'])
    .where('id', '=', centreId)
    .executeTakeFirst();
}

const LOGO_FACTS = ['mediaType', 'byteSize', 'width', 'height', 'uploadedAt'] as const;

/** What is known of a centre's logo, without its bytes. */
export async function findCentreLogoFacts(db: Db, centreId: number) {
  return db.selectFrom('centreLogos').select(LOGO_FACTS).where('centreId', '=', centreId).executeTakeFirst();
}

/** The logo with its bytes, of the first of these centres (in their order) that has one. */
export async function findFirstCentreLogo(db: Db, centreIds: readonly number[]) {
  if (centreIds.length === 0) return undefined;
  const rows = await db
    .selectFrom('centreLogos')
    .select(['centreId', 'mediaType', 'bytes', 'width', 'height'])
    .where('centreId', 'in', centreIds)
    .execute();
  return centreIds.map((id) => rows.find((row) => row.centreId === id)).find((row) => row !== undefined);
}

/** Sets a centre's logo, replacing the one it had. */
export async function saveCentreLogo(db: Db, logo: Insertable<CentreLogosTable>) {
  const { centreId, ...rest } = logo;
  await db
    .insertInto('centreLogos')
    .values(logo)
    .onConflict((conflict) => conflict.column('centreId').doUpdateSet(rest))
    .execute();
}

/** Removes a centre's logo; false when it had none. */
export async function deleteCentreLogo(db: Db, centreId: number) {
  const deleted = await db.deleteFrom('centreLogos').where('centreId', '=', centreId).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
