/**
 * The Scadenze page (issue 15) records that the person was contacted about an expiring permit:
 * the day and the member of staff. Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { type AnyDb, byUser } from './shapes.js';

export function permitContacts(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('residence_permits').addColumn('contacted_on', 'text').execute();
      await db.schema.alterTable('residence_permits').addColumn('contacted_by', 'integer', byUser).execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('residence_permits').dropColumn('contacted_by').execute();
      await db.schema.alterTable('residence_permits').dropColumn('contacted_on').execute();
    },
  };
}
