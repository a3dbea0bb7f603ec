/**
 * A second factor for local accounts (issue 14): a user's TOTP seed (pending until confirmed
 * with a code, then active), the last time step accepted (a code of that step or earlier is
 * refused as reused), the codes refused lately (counted per account, whatever the client),
 * the recovery codes as hashes, each used once, and which roles the
 * organisation requires it of.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, partOf } from './shapes.js';

export function secondFactor(dialect: DialectName): Migration {
  return irreversible('second factor', dialect, async (db, table) => {
    await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
    // The codes refused lately, from any client: past a few, the account takes no code for a while.
    await db.schema
      .alterTable('users')
      .addColumn('second_factor_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('users').addColumn('second_factor_failed_at', 'text').execute();
    // JSON array of roles ("admin", "coordinator"); none by default.
    await db.schema
      .alterTable('organisations')
      .addColumn('second_factor_roles', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await table
      .withId('recovery_codes')
      .addColumn('user_id', 'integer', partOf('users.id'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').columns(['user_id', 'code_hash']).execute();
  });
}
