/**
 * The login limits count a client's failures on one address (decision 003). The (email, at)
 * index finds the address's attempts but then reads every one in the window to keep this
 * client's: under attack from many clients, all of them, on every attempt. With (email, ip, at)
 * the count is one seek, and it stops one above the limit.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { type AnyDb, createIndexes } from './shapes.js';

export function loginAttemptIndex(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      await createIndexes(db, 'login_attempts', { login_attempts_email_ip_idx: ['email', 'ip', 'at'] });
    },

    async down(db: AnyDb) {
      await db.schema.dropIndex('login_attempts_email_ip_idx').execute();
    },
  };
}
