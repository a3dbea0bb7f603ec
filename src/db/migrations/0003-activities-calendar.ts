/**
 * The centre's calendar and activities: opening hours (sets valid from a date), closures,
 * the patron day; staff and their contracts; projects; courses with their lessons, enrolments,
 * attendance and waiting lists; events with their participants; network meetings.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { addColumnTo, bilingualLabels, createIndexes, editable, irreversible, partOf, refersTo, seedCatalogue } from './shapes.js';

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

/** The default course kinds at the time of this migration: code, Italian and English labels. */
const COURSE_KINDS_0003: Array<[string, string, string]> = [
  ['language_club', 'Club linguistico', 'Language club'],
  ['driving_support', 'Supporto alla scuola guida', 'Driving-exam support'],
  ['other', 'Altro', 'Other'],
];

export function activitiesCalendar(dialect: DialectName): Migration {
  return irreversible('activities and calendar', dialect, async (db, table) => {
    // --- settings of a centre used by the calendar and the courses
    await addColumnTo(db, 'centres', 'patron_day', 'text'); // MM-DD
    await addColumnTo(db, 'centres', 'completion_threshold', 'integer', (c) => c.notNull().defaultTo(70)); // % of lessons attended
    for (const column of ['address', 'phone', 'email']) await addColumnTo(db, 'centres', column, 'text');
    // The settings above are edited at the version read (optimistic concurrency).
    await addColumnTo(db, 'centres', 'settings_version', 'integer', (c) => c.notNull().defaultTo(1));

    // --- opening hours: sets of weekly slots, each valid from a date
    await editable(
      table
        .ofCentre('opening_hour_sets')
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addUniqueConstraint('opening_hour_sets_uq', ['centre_id', 'valid_from']),
    ).execute();
    await table
      .partsOf('opening_slots', 'set_id', 'opening_hour_sets.id')
      /** ISO weekday: 1 Monday … 7 Sunday. */
      .addColumn('weekday', 'integer', (c) => c.notNull())
      .addColumn('from_time', 'text', (c) => c.notNull())
      .addColumn('to_time', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'opening_slots', { opening_slots_set_idx: ['set_id'] });

    await editable(
      table
        .ofCentre('closures')
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull()),
    ).execute();
    await createIndexes(db, 'closures', { closures_centre_idx: ['centre_id', 'from_date'] });

    // --- staff and their contracts (periods with weekly hours)
    await editable(
      table
        .ofCentre('staff_members')
        .addColumn('name', 'text', (c) => c.notNull())
        /** coordinator | mediation_operator | integration_operator | … */
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('notes', 'text'),
    ).execute();
    await createIndexes(db, 'staff_members', { staff_members_centre_idx: ['centre_id'] });
    await editable(
      table
        .partsOf('staff_contracts', 'staff_id', 'staff_members.id')
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text')
        /** Minutes a week, so that 6 h 30 is exact. */
        .addColumn('weekly_minutes', 'integer', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('project_id', 'integer'),
    ).execute();
    await createIndexes(db, 'staff_contracts', { staff_contracts_staff_idx: ['staff_id'] });

    // --- projects
    await editable(
      table
        .ofCentre('projects')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('funder', 'text')
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text')
        .addColumn('extra_weekly_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('description', 'text'),
    ).execute();
    await createIndexes(db, 'projects', { projects_centre_idx: ['centre_id'] });

    // --- courses
    await table.catalogue('course_kinds', bilingualLabels, { sorted: true }).execute();
    // The organisations that exist already get the default kinds (new ones get them when
    // created: see default-course-kinds.ts). The list is copied here, frozen in time.
    await seedCatalogue(
      db,
      'course_kinds',
      COURSE_KINDS_0003.map(([code, labelIt, labelEn]) => ({ code, label_it: labelIt, label_en: labelEn })),
      { sorted: true },
    );

    await editable(
      table
        .ofCentre('courses')
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
    await createIndexes(db, 'courses', { courses_centre_start_idx: ['centre_id', 'start_date'] });

    await editable(
      table
        .partsOf('lessons', 'course_id', 'courses.id')
        .addColumn('lesson_date', 'text', (c) => c.notNull())
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        /** scheduled | held | cancelled */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        /** The date of the weekly pattern a generated lesson stands for (kept when it is moved); null when added by hand. */
        .addColumn('planned_on', 'text'),
    ).execute();
    await createIndexes(db, 'lessons', { lessons_course_date_idx: ['course_id', 'lesson_date'] });
    // One lesson per date of the pattern: two generations at once cannot both add it.
    await db.schema
      .createIndex('lessons_planned_uq')
      .on('lessons')
      .columns(['course_id', 'planned_on'])
      .unique()
      .where(sql.ref('planned_on'), 'is not', null)
      .execute();

    await editable(
      table
        .partsOf('enrolments', 'course_id', 'courses.id')
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
        /** sai | centre_user | other */
        .addColumn('programme', 'text', (c) => c.notNull())
        .addColumn('enrolled_on', 'text', (c) => c.notNull())
        .addColumn('withdrawn_on', 'text')
        /** Snapshot for the statistics (nationalities of the driving courses), kept after erasure. */
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('citizenship', 'text', (c) => c.notNull()),
    ).execute();
    await createIndexes(db, 'enrolments', {
      enrolments_course_idx: ['course_id'],
      enrolments_person_idx: ['person_id'],
    });
    // One current enrolment per person and course (a withdrawn one may be followed by a new one).
    await db.schema
      .createIndex('enrolments_current_uq')
      .on('enrolments')
      .columns(['course_id', 'person_id'])
      .unique()
      .where(sql.ref('withdrawn_on'), 'is', null)
      .execute();

    await table
      .link('attendance', { lesson_id: partOf('lessons.id'), enrolment_id: partOf('enrolments.id') })
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'attendance', { attendance_enrolment_idx: ['enrolment_id'] });

    await editable(
      table
        .ofCentre('waiting_list_entries')
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
    await createIndexes(db, 'waiting_list_entries', { waiting_list_centre_idx: ['centre_id', 'kind', 'status'] });

    // --- events and outings
    await editable(
      table
        .ofCentre('events')
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
    await createIndexes(db, 'events', { events_centre_date_idx: ['centre_id', 'event_date'] });
    await table.link('event_participants', { event_id: partOf('events.id'), person_id: partOf('people.id') }).execute();

    // --- network meetings and the organisations they involve
    await table
      .catalogue(
        'network_organisations',
        (entry) =>
          entry
            .addColumn('name', 'text', (c) => c.notNull())
            /** union | service | association | school | other */
            .addColumn('kind', 'text', (c) => c.notNull()),
        { sorted: false },
      )
      .execute();
    // The organisations that exist already get the default network catalogue (new ones get it
    // when created: see default-network-organisations.ts). The list is copied above, frozen in time.
    await seedCatalogue(
      db,
      'network_organisations',
      NETWORK_ORGANISATIONS_0003.map(([code, name, kind]) => ({ code, name, kind })),
      { sorted: false },
    );
    await editable(
      table
        .ofCentre('network_meetings')
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text'),
    ).execute();
    await createIndexes(db, 'network_meetings', { network_meetings_centre_date_idx: ['centre_id', 'held_on'] });
    await table
      .link('network_meeting_organisations', {
        meeting_id: partOf('network_meetings.id'),
        network_organisation_id: refersTo('network_organisations.id'),
      })
      .execute();
  });
}
