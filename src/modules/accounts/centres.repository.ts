/** A centre's own settings as stored on its row, versioned by its settings version. SQL only. */
import { type Kysely, sql, type Updateable } from 'kysely';
import type { CentresTable, Database } from '../../db/schema.js';

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
