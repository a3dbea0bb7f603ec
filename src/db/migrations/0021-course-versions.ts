/**
 * The home page's running courses (issue 15, decision 014): a version of each centre's course
 * data, changed by the database itself on every write the courses' figures read (the home's
 * coursesRunningOn, courseRowsFor and figuresData: the course, its kind's names, its centre's
 * completion threshold, its lessons, enrolments and attendance), in the writing statement's
 * transaction. The home counts a centre's running courses again only when its version moved, as
 * its people in care (migration 0019): exact across server instances, whichever module wrote
 * (courses, lessons, attendance, erasure, imports and their undo, the demo's bulk loader), and a
 * rollback takes the change back with the data. A new random value at each change, not a counter.
 * A centre without a row has had no course data since this migration (it gives every existing
 * centre one); a centre deleted has none (its versions are written only for centres that exist).
 * Typed as Kysely<any>: frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, required } from './shapes.js';

type Row = 'old' | 'new';

/**
 * Each table the figures read: the columns whose change moves the version, whether an insert or
 * a delete does (a kind or a centre matters only by what its courses show), and the centres of a row.
 */
const READ = {
  courses: {
    columns: ['centre_id', 'kind_id', 'title', 'level', 'partner', 'place', 'start_date', 'end_date'],
    rows: true,
    centresOf: (row: Row) => `select ${row}.centre_id`,
  },
  lessons: {
    columns: ['course_id', 'lesson_date', 'minutes', 'status'],
    rows: true,
    centresOf: (row: Row) => `select centre_id from courses where id = ${row}.course_id`,
  },
  enrolments: {
    columns: ['course_id', 'person_id', 'anonymous_key', 'programme', 'enrolled_on', 'withdrawn_on', 'citizenship'],
    rows: true,
    centresOf: (row: Row) => `select centre_id from courses where id = ${row}.course_id`,
  },
  attendance: {
    columns: ['lesson_id', 'enrolment_id', 'present'],
    rows: true,
    centresOf: (row: Row) =>
      `select courses.centre_id from lessons join courses on courses.id = lessons.course_id where lessons.id = ${row}.lesson_id`,
  },
  course_kinds: {
    columns: ['code', 'label_it', 'label_en', 'sort_order'],
    rows: false,
    centresOf: (row: Row) => `select centre_id from courses where kind_id = ${row}.id`,
  },
  centres: {
    columns: ['completion_threshold'],
    rows: false,
    centresOf: (row: Row) => `select ${row}.id`,
  },
} as const;

export function courseVersions(dialect: DialectName): Migration {
  return irreversible('course versions', dialect, async (db) => {
    await db.schema
      .createTable('course_versions')
      .addColumn('centre_id', 'integer', (c) => c.primaryKey().references('centres.id').onDelete('cascade'))
      .addColumn('version', 'text', required)
      .execute();
    const random = dialect === 'postgres' ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))';
    // A new version for each existing centre a row belongs to (the WHERE clause also keeps SQLite's upsert unambiguous).
    const bump = (centres: string) => `insert into course_versions (centre_id, version)
        select id, ${random} from centres where id in (${centres}) order by id
        on conflict (centre_id) do update set version = excluded.version;`;
    await sql.raw(`insert into course_versions (centre_id, version) select id, ${random} from centres`).execute(db);
    for (const [table, { columns, rows, centresOf }] of Object.entries(READ)) {
      const of = (row: Row) => bump(centresOf(row));
      if (dialect === 'postgres') {
        const changed = columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
        await sql
          .raw(`create function ${table}_course_version() returns trigger language plpgsql as $$
            begin
              if tg_op in ('DELETE', 'UPDATE') then ${of('old')} end if;
              if tg_op in ('INSERT', 'UPDATE') then ${of('new')} end if;
              return null;
            end $$`)
          .execute(db);
        if (rows) {
          await sql
            .raw(`create trigger ${table}_course_version after insert or delete on ${table}
              for each row execute function ${table}_course_version()`)
            .execute(db);
        }
        await sql
          .raw(`create trigger ${table}_course_version_update after update of ${columns.join(', ')} on ${table}
            for each row when (${changed}) execute function ${table}_course_version()`)
          .execute(db);
      } else {
        const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
        if (rows) {
          await sql.raw(`create trigger ${table}_course_version_insert after insert on ${table} begin ${of('new')} end`).execute(db);
          await sql.raw(`create trigger ${table}_course_version_delete after delete on ${table} begin ${of('old')} end`).execute(db);
        }
        await sql
          .raw(`create trigger ${table}_course_version_update after update of ${columns.join(', ')} on ${table}
            when ${changed} begin ${of('old')} ${of('new')} end`)
          .execute(db);
      }
    }
  });
}
