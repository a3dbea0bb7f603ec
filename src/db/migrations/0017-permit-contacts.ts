/**
 * The Scadenze page (issue 15) records that the person was contacted about an expiring permit:
 * the day and the member of staff. Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { type AnyDb, addColumnTo, byUser } from './shapes.js';

export function permitContacts(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      await addColumnTo(db, 'residence_permits', 'contacted_on', 'text');
      await addColumnTo(db, 'residence_permits', 'contacted_by', 'integer', byUser);
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('residence_permits').dropColumn('contacted_by').execute();
      await db.schema.alterTable('residence_permits').dropColumn('contacted_on').execute();
    },
  };
}
