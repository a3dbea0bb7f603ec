/**
 * The centre's calendar and activities: opening hours (sets valid from a date), closures,
 * the patron day; staff and their contracts; projects; courses with their lessons, enrolments,
 * attendance and waiting lists; events with their participants; network meetings.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyTable = CreateTableBuilder<any, any>;

/** The network organisations every organisation starts with (code, name, kind), as of this migration. */
const NETWORK_ORGANISATIONS_0003: Array<[string, string, string]> = [
  ['acli', 'ACLI', 'union'],
  ['cgil', 'CGIL', 'union'],
  ['cisl', 'CISL', 'union'],
  ['uil', 'UIL', 'union'],
  ['social_services', 'Servizi sociali del Comune', 'service'],
  ['asp', 'ASP', 'service'],
  ['employment_centre', 'Centro per l’impiego', 'service'],
  ['questura', 'Questura', 'service'],
  ['prefettura', 'Prefettura', 'service'],
  ['schools', 'Scuole', 'school'],
  ['other', 'Altro', 'other'],
];

/**
 * The organisations that exist already get the default network catalogue (new ones get it when
 * created: see default-network-organisations.ts). The list is copied above, frozen in time.
 */
async function seedNetworkOrganisations(db: AnyDb) {
  const organisations: Array<{ id: number }> = await db.selectFrom('organisations').select('id').execute();
  const seededAt = new Date().toISOString();
  for (const organisation of organisations) {
    await db
      .insertInto('network_organisations')
      .values(
        NETWORK_ORGANISATIONS_0003.map(([code, name, kind]) => ({
          organisation_id: organisation.id,
          code,
          name,
          kind,
          active: 1,
          created_at: seededAt,
          updated_at: seededAt,
        })),
      )
      .execute();
  }
}

/** The default course kinds at the time of this migration: code, Italian and English labels. */
const COURSE_KINDS_0003: Array<[string, string, string]> = [
  ['language_club', 'Club linguistico', 'Language club'],
  ['driving_support', 'Supporto alla scuola guida', 'Driving-exam support'],
  ['other', 'Altro', 'Other'],
];

export function activitiesCalendar(dialect: DialectName): Migration {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const editable = (table: AnyTable) =>
    table
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));

  return {
    async up(db: AnyDb) {
      // --- settings of a centre used by the calendar and the courses
      await db.schema.alterTable('centres').addColumn('patron_day', 'text').execute(); // MM-DD
      await db.schema
        .alterTable('centres')
        .addColumn('completion_threshold', 'integer', (c) => c.notNull().defaultTo(70)) // % of lessons attended
        .execute();
      await db.schema.alterTable('centres').addColumn('address', 'text').execute();
      await db.schema.alterTable('centres').addColumn('phone', 'text').execute();
      await db.schema.alterTable('centres').addColumn('email', 'text').execute();
      // The settings above are edited at the version read (optimistic concurrency).
      await db.schema
        .alterTable('centres')
        .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      // --- opening hours: sets of weekly slots, each valid from a date
      await editable(
        db.schema
          .createTable('opening_hour_sets')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('valid_from', 'text', (c) => c.notNull())
          .addColumn('notes', 'text')
          .addUniqueConstraint('opening_hour_sets_uq', ['centre_id', 'valid_from']),
      ).execute();
      await db.schema
        .createTable('opening_slots')
        .addColumn('id', 'integer', id)
        .addColumn('set_id', 'integer', (c) => c.notNull().references('opening_hour_sets.id').onDelete('cascade'))
        /** ISO weekday: 1 Monday … 7 Sunday. */
        .addColumn('weekday', 'integer', (c) => c.notNull())
        .addColumn('from_time', 'text', (c) => c.notNull())
        .addColumn('to_time', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opening_slots_set_idx').on('opening_slots').column('set_id').execute();

      await editable(
        db.schema
          .createTable('closures')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('from_date', 'text', (c) => c.notNull())
          .addColumn('to_date', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('closures_centre_idx').on('closures').columns(['centre_id', 'from_date']).execute();

      // --- staff and their contracts (periods with weekly hours)
      await editable(
        db.schema
          .createTable('staff_members')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          /** coordinator | mediation_operator | integration_operator | … */
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('notes', 'text'),
      ).execute();
      await db.schema.createIndex('staff_members_centre_idx').on('staff_members').column('centre_id').execute();
      await editable(
        db.schema
          .createTable('staff_contracts')
          .addColumn('id', 'integer', id)
          .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff_members.id').onDelete('cascade'))
          .addColumn('from_date', 'text', (c) => c.notNull())
          .addColumn('to_date', 'text')
          /** Minutes a week, so that 6 h 30 is exact. */
          .addColumn('weekly_minutes', 'integer', (c) => c.notNull())
          .addColumn('description', 'text')
          .addColumn('project_id', 'integer'),
      ).execute();
      await db.schema.createIndex('staff_contracts_staff_idx').on('staff_contracts').column('staff_id').execute();

      // --- projects
      await editable(
        db.schema
          .createTable('projects')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('funder', 'text')
          .addColumn('from_date', 'text', (c) => c.notNull())
          .addColumn('to_date', 'text')
          .addColumn('extra_weekly_minutes', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('description', 'text'),
      ).execute();
      await db.schema.createIndex('projects_centre_idx').on('projects').column('centre_id').execute();

      // --- courses
      await db.schema
        .createTable('course_kinds')
        .addColumn('id', 'integer', id)
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('label_it', 'text', (c) => c.notNull())
        .addColumn('label_en', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('course_kinds_code_uq', ['organisation_id', 'code'])
        .execute();
      // The organisations that exist already get the default kinds (new ones get them when
      // created: see default-course-kinds.ts). The list is copied here, frozen in time.
      const organisations: Array<{ id: number }> = await db.selectFrom('organisations').select('id').execute();
      const seededAt = new Date().toISOString();
      for (const organisation of organisations) {
        await db
          .insertInto('course_kinds')
          .values(
            COURSE_KINDS_0003.map(([code, labelIt, labelEn], i) => ({
              organisation_id: organisation.id,
              code,
              label_it: labelIt,
              label_en: labelEn,
              active: 1,
              sort_order: (i + 1) * 10,
              created_at: seededAt,
              updated_at: seededAt,
            })),
          )
          .execute();
      }

      await editable(
        db.schema
          .createTable('courses')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('kind_id', 'integer', (c) => c.notNull().references('course_kinds.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          /** base | alfabetizzazione | A1 … C2, or null. */
          .addColumn('level', 'text')
          /** The partner programme, e.g. SAI «Ancona Provincia d'Asilo». */
          .addColumn('partner', 'text')
          .addColumn('place', 'text')
          .addColumn('start_date', 'text', (c) => c.notNull())
          .addColumn('end_date', 'text', (c) => c.notNull())
          /** JSON array of ISO weekdays. */
          .addColumn('weekdays', 'text', (c) => c.notNull())
          .addColumn('start_time', 'text', (c) => c.notNull())
          .addColumn('lesson_minutes', 'integer', (c) => c.notNull())
          .addColumn('capacity', 'integer')
          .addColumn('notes', 'text'),
      ).execute();
      await db.schema.createIndex('courses_centre_start_idx').on('courses').columns(['centre_id', 'start_date']).execute();

      await editable(
        db.schema
          .createTable('lessons')
          .addColumn('id', 'integer', id)
          .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
          .addColumn('lesson_date', 'text', (c) => c.notNull())
          .addColumn('start_time', 'text', (c) => c.notNull())
          .addColumn('minutes', 'integer', (c) => c.notNull())
          /** scheduled | held | cancelled */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('notes', 'text')
          /** The date of the weekly pattern a generated lesson stands for (kept when it is moved); null when added by hand. */
          .addColumn('planned_on', 'text'),
      ).execute();
      await db.schema.createIndex('lessons_course_date_idx').on('lessons').columns(['course_id', 'lesson_date']).execute();
      // One lesson per date of the pattern: two generations at once cannot both add it.
      await db.schema
        .createIndex('lessons_planned_uq')
        .on('lessons')
        .columns(['course_id', 'planned_on'])
        .unique()
        .where(sql.ref('planned_on'), 'is not', null)
        .execute();

      await editable(
        db.schema
          .createTable('enrolments')
          .addColumn('id', 'integer', id)
          .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
          .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
          /** sai | centre_user | other */
          .addColumn('programme', 'text', (c) => c.notNull())
          .addColumn('enrolled_on', 'text', (c) => c.notNull())
          .addColumn('withdrawn_on', 'text')
          /** Snapshot for the statistics (nationalities of the driving courses), kept after erasure. */
          .addColumn('gender', 'text', (c) => c.notNull())
          .addColumn('citizenship', 'text', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('enrolments_course_idx').on('enrolments').column('course_id').execute();
      await db.schema.createIndex('enrolments_person_idx').on('enrolments').column('person_id').execute();
      // One current enrolment per person and course (a withdrawn one may be followed by a new one).
      await db.schema
        .createIndex('enrolments_current_uq')
        .on('enrolments')
        .columns(['course_id', 'person_id'])
        .unique()
        .where(sql.ref('withdrawn_on'), 'is', null)
        .execute();

      await db.schema
        .createTable('attendance')
        .addColumn('lesson_id', 'integer', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
        .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
        .addColumn('present', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('attendance_pk', ['lesson_id', 'enrolment_id'])
        .execute();
      await db.schema.createIndex('attendance_enrolment_idx').on('attendance').column('enrolment_id').execute();

      await editable(
        db.schema
          .createTable('waiting_list_entries')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          /** adult_l2 | minor_l2 | driving | other */
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
          .addColumn('requested_on', 'text', (c) => c.notNull())
          .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
          /** waiting | placed | withdrawn */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('closed_on', 'text')
          .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id').onDelete('set null'))
          .addColumn('notes', 'text'),
      ).execute();
      await db.schema.createIndex('waiting_list_centre_idx').on('waiting_list_entries').columns(['centre_id', 'kind', 'status']).execute();

      // --- events and outings
      await editable(
        db.schema
          .createTable('events')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('event_date', 'text', (c) => c.notNull())
          .addColumn('start_time', 'text')
          .addColumn('end_time', 'text')
          .addColumn('place', 'text')
          .addColumn('meeting_point', 'text')
          .addColumn('partner', 'text')
          .addColumn('description', 'text')
          /** Participants not registered by name (a count), besides the people listed. */
          .addColumn('other_participants', 'integer', (c) => c.notNull().defaultTo(0)),
      ).execute();
      await db.schema.createIndex('events_centre_date_idx').on('events').columns(['centre_id', 'event_date']).execute();
      await db.schema
        .createTable('event_participants')
        .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('event_participants_pk', ['event_id', 'person_id'])
        .execute();

      // --- network meetings and the organisations they involve
      await db.schema
        .createTable('network_organisations')
        .addColumn('id', 'integer', id)
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** union | service | association | school | other */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('network_organisations_code_uq', ['organisation_id', 'code'])
        .execute();
      await seedNetworkOrganisations(db);
      await editable(
        db.schema
          .createTable('network_meetings')
          .addColumn('id', 'integer', id)
          .addColumn('centre_id', 'integer', (c) => c.notNull().references('centres.id'))
          .addColumn('held_on', 'text', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text'),
      ).execute();
      await db.schema.createIndex('network_meetings_centre_date_idx').on('network_meetings').columns(['centre_id', 'held_on']).execute();
      await db.schema
        .createTable('network_meeting_organisations')
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('network_meetings.id').onDelete('cascade'))
        .addColumn('network_organisation_id', 'integer', (c) => c.notNull().references('network_organisations.id'))
        .addPrimaryKeyConstraint('network_meeting_organisations_pk', ['meeting_id', 'network_organisation_id'])
        .execute();
    },

    async down() {
      throw new Error('The activities and calendar migration cannot be undone: restore a backup instead.');
    },
  };
}
