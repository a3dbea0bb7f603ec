/**
 * The foundation: organisations, centres, accounts, sessions, tokens, the request-topic
 * catalogue, people with their search index, visits and the audit log.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

export function foundation(dialect: DialectName): Migration {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  // Byte-wise ordering so that prefix searches use the index on PostgreSQL as on SQLite.
  const bytewiseText = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('centres')
        .addColumn('id', 'integer', id)
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('comune_istat', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', id)
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('it'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('user_centres')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
        .addPrimaryKeyConstraint('user_centres_pk', ['user_id', 'centre_id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'integer', id)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_prefix', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'integer', id)
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_email_idx').on('login_attempts').columns(['email', 'at']).execute();
      await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('setup_tokens')
        .addColumn('id', 'integer', id)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema
        .createTable('request_topics')
        .addColumn('id', 'integer', id)
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('label_it', 'text', (c) => c.notNull())
        .addColumn('label_en', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('request_topics_code_uq', ['organisation_id', 'code'])
        .execute();

      await db.schema
        .createTable('people')
        .addColumn('id', 'integer', id)
        .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
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
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('people_centre_birth_idx').on('people').columns(['centre_id', 'birth_date']).execute();
      await db.schema.createIndex('people_fiscal_code_idx').on('people').columns(['fiscal_code']).execute();

      await db.schema
        .createTable('person_name_tokens')
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('centre_id', 'integer', (c) => c.notNull())
        .addColumn('token', bytewiseText, (c) => c.notNull())
        .addColumn('skeleton', bytewiseText, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('person_name_tokens_token_idx')
        .on('person_name_tokens')
        .columns(['centre_id', 'token', 'person_id'])
        .execute();
      await db.schema
        .createIndex('person_name_tokens_skeleton_idx')
        .on('person_name_tokens')
        .columns(['centre_id', 'skeleton', 'person_id'])
        .execute();
      await db.schema.createIndex('person_name_tokens_person_idx').on('person_name_tokens').column('person_id').execute();

      await db.schema
        .createTable('visits')
        .addColumn('id', 'integer', id)
        .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
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
        .addColumn('operator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('visits_centre_date_idx').on('visits').columns(['centre_id', 'visit_date', 'occurred_at']).execute();
      await db.schema.createIndex('visits_centre_year_idx').on('visits').columns(['centre_id', 'visit_year']).execute();
      await db.schema.createIndex('visits_person_idx').on('visits').columns(['person_id', 'occurred_at']).execute();

      await db.schema
        .createTable('visit_topics')
        .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id').onDelete('cascade'))
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('request_topics.id'))
        .addPrimaryKeyConstraint('visit_topics_pk', ['visit_id', 'topic_id'])
        .execute();
      await db.schema.createIndex('visit_topics_topic_idx').on('visit_topics').columns(['topic_id', 'visit_id']).execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', id)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('centre_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
      await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();
      // The log is append-only for everyone, the application included.
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
    },

    async down() {
      throw new Error('The foundation migration cannot be undone: restore a backup instead.');
    },
  };
}
