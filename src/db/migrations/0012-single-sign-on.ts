/**
 * Sign-in through the Comune's identity provider (OpenID Connect, issue 14): a user may carry
 * their codice fiscale (SPID/CIE gateways send it) and, once matched, the identity (issuer and
 * subject) they sign in with; the organisation says whether signing in creates accounts and
 * whether local passwords still work for everyone or only for its break-glass administrator;
 * a session says how it was opened (its sign-out goes to the provider too); and each sign-in
 * started waits in sign_in_requests (state, nonce and PKCE verifier) until its callback, so
 * that any instance of the app can finish it, and only once.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { addColumnTo, byUser, irreversible, required } from './shapes.js';

export function singleSignOn(dialect: DialectName): Migration {
  return irreversible('single sign-on', dialect, async (db) => {
    for (const column of ['fiscal_code', 'sso_issuer', 'sso_subject']) await addColumnTo(db, 'users', column, 'text');
    // NULLs never collide in a unique index, on either database: only the values set are unique.
    await db.schema.createIndex('users_fiscal_code_uq').on('users').columns(['organisation_id', 'fiscal_code']).unique().execute();
    await db.schema.createIndex('users_sso_identity_uq').on('users').columns(['sso_issuer', 'sso_subject']).unique().execute();

    await addColumnTo(db, 'organisations', 'sso_creates_accounts', 'integer', (c) => c.notNull().defaultTo(0));
    // 'everyone' or 'break_glass' (only the break-glass administrator signs in with a password).
    await addColumnTo(db, 'organisations', 'password_sign_in', 'text', (c) => c.notNull().defaultTo('everyone'));
    await addColumnTo(db, 'organisations', 'break_glass_user_id', 'integer', byUser);

    // 'password' or 'sso'.
    await addColumnTo(db, 'sessions', 'signed_in_with', 'text', (c) => c.notNull().defaultTo('password'));

    await db.schema
      .createTable('sign_in_requests')
      // SHA-256 of the state sent to the provider: the table alone does not let anyone finish a sign-in.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', required)
      .addColumn('code_verifier', 'text', required)
      .addColumn('return_to', 'text', required)
      .addColumn('created_at', 'text', required)
      .addColumn('expires_at', 'text', required)
      .execute();
  });
}
