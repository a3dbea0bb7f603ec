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
import { addColumnTo, createIndexes, irreversible } from './shapes.js';

export function secondFactor(dialect: DialectName): Migration {
  return irreversible('second factor', dialect, async (db, table) => {
    for (const column of ['totp_secret', 'totp_pending_secret', 'totp_enabled_at']) await addColumnTo(db, 'users', column, 'text');
    await addColumnTo(db, 'users', 'totp_last_step', 'integer');
    // The codes refused lately, from any client: past a few, the account takes no code for a while.
    await addColumnTo(db, 'users', 'second_factor_failures', 'integer', (c) => c.notNull().defaultTo(0));
    await addColumnTo(db, 'users', 'second_factor_failed_at', 'text');
    // JSON array of roles ("admin", "coordinator"); none by default.
    await addColumnTo(db, 'organisations', 'second_factor_roles', 'text', (c) => c.notNull().defaultTo('[]'));

    await table
      .partsOf('recovery_codes', 'user_id', 'users.id')
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await createIndexes(db, 'recovery_codes', { recovery_codes_user_idx: ['user_id', 'code_hash'] });
  });
}
