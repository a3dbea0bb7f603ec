/**
 * The foundation: organisations, centres, accounts, sessions, tokens, the request-topic
 * catalogue, people with their search index, visits and the audit log.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { bilingualLabels, bytewiseText, createIndexes, editable, irreversible, partOf, refersTo, timestamps } from './shapes.js';

export function foundation(dialect: DialectName): Migration {
  return irreversible('foundation', dialect, async (db, table) => {
    await table
      .withId('organisations')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await table
      .ofOrganisation('centres')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('comune_istat', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await timestamps(
      table
        .ofOrganisation('users')
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('it')),
    ).execute();

    await table.link('user_centres', { user_id: partOf('users.id'), centre_id: refersTo('centres.id') }).execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'sessions', { sessions_user_idx: ['user_id'] });

    await table
      .partsOf('api_tokens', 'user_id', 'users.id')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('token_prefix', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await table
      .withId('login_attempts')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('succeeded', 'integer', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'login_attempts', {
      login_attempts_email_idx: ['email', 'at'],
      login_attempts_ip_idx: ['ip', 'at'],
    });

    await table
      .withId('setup_tokens')
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await table.catalogue('request_topics', bilingualLabels, { sorted: true }).execute();

    await editable(
      table
        .ofCentre('people')
        .addColumn('given_names', 'text', (c) => c.notNull())
        .addColumn('family_names', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text')
        .addColumn('birth_country', 'text')
        .addColumn('citizenship', 'text', (c) => c.notNull())
        .addColumn('fiscal_code', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('residence_kind', 'text', (c) => c.notNull())
        .addColumn('residence_comune', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')),
    ).execute();
    await createIndexes(db, 'people', {
      people_centre_birth_idx: ['centre_id', 'birth_date'],
      people_fiscal_code_idx: ['fiscal_code'],
    });

    await db.schema
      .createTable('person_name_tokens')
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('centre_id', 'integer', (c) => c.notNull())
      .addColumn('token', bytewiseText(dialect), (c) => c.notNull())
      .addColumn('skeleton', bytewiseText(dialect), (c) => c.notNull())
      .execute();
    await createIndexes(db, 'person_name_tokens', {
      person_name_tokens_token_idx: ['centre_id', 'token', 'person_id'],
      person_name_tokens_skeleton_idx: ['centre_id', 'skeleton', 'person_id'],
      person_name_tokens_person_idx: ['person_id'],
    });

    await editable(
      table
        .ofCentre('visits')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('visit_date', 'text', (c) => c.notNull())
        .addColumn('visit_year', 'integer', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('citizenship', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('origin_group', 'text', (c) => c.notNull())
        .addColumn('referral_source', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('operator_id', 'integer', (c) => c.references('users.id').onDelete('set null')),
    ).execute();
    await createIndexes(db, 'visits', {
      visits_centre_date_idx: ['centre_id', 'visit_date', 'occurred_at'],
      visits_centre_year_idx: ['centre_id', 'visit_year'],
      visits_person_idx: ['person_id', 'occurred_at'],
    });

    await table.link('visit_topics', { visit_id: partOf('visits.id'), topic_id: refersTo('request_topics.id') }).execute();
    await createIndexes(db, 'visit_topics', { visit_topics_topic_idx: ['topic_id', 'visit_id'] });

    await table
      .withId('audit_log')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('centre_id', 'integer')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('details', 'text')
      .execute();
    await createIndexes(db, 'audit_log', {
      audit_log_at_idx: ['at'],
      audit_log_entity_idx: ['entity', 'entity_id'],
      audit_log_user_idx: ['user_id', 'at'],
    });
    // The log is append-only for everyone, the application included.
    // (The triggers' text is kept as first released, indentation included: the databases store it.)
    if (dialect === 'postgres') {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as
          $$ begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_no_change before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    }
  });
}
