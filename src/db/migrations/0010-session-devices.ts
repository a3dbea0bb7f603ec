/**
 * A session keeps the browser and the address it was opened from, so that a user who lists
 * their sessions (issue 14) can tell the office computer from a stolen laptop. Typed as
 * Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { type AnyDb, addColumnTo } from './shapes.js';

export function sessionDevices(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      for (const column of ['user_agent', 'ip']) await addColumnTo(db, 'sessions', column, 'text');
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('sessions').dropColumn('ip').execute();
      await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
    },
  };
}
