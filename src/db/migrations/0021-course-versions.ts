/**
 * The home page's running courses (issue 15, decision 014): a version of each centre's course
 * data, changed by the database itself on every write the courses' figures read (the home's
 * coursesRunningOn, courseRowsFor and figuresData: the course, its kind's names, its centre's
 * completion threshold, its lessons, enrolments and attendance), in the writing statement's
 * transaction. The home counts a centre's running courses again only when its version moved, as
 * its people in care (migration 0019): exact across server instances, whichever module wrote
 * (courses, lessons, attendance, erasure, imports and their undo, the demo's bulk loader), and a
 * rollback takes the change back with the data (shapes.ts: centreVersions).
 * A centre without a row has had no course data since this migration (it gives every existing
 * centre one); a centre deleted has none (its versions are written only for centres that exist).
 * Typed as Kysely<any>: frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { centreVersions, irreversible, type TriggerRow, type VersionedTables } from './shapes.js';

/** A lesson's or an enrolment's centres: its course's. */
const ofItsCourse = (row: TriggerRow) => `select centre_id from courses where id = ${row}.course_id`;

/**
 * Each table the figures read: the columns whose change moves the version, whether an insert or
 * a delete does (a kind or a centre matters only by what its courses show), and the centres of a row.
 */
const READ: VersionedTables = {
  courses: {
    columns: ['centre_id', 'kind_id', 'title', 'level', 'partner', 'place', 'start_date', 'end_date'],
    rows: true,
    centresOf: (row: TriggerRow) => `select ${row}.centre_id`,
  },
  lessons: {
    columns: ['course_id', 'lesson_date', 'minutes', 'status'],
    rows: true,
    centresOf: ofItsCourse,
  },
  enrolments: {
    columns: ['course_id', 'person_id', 'anonymous_key', 'programme', 'enrolled_on', 'withdrawn_on', 'citizenship'],
    rows: true,
    centresOf: ofItsCourse,
  },
  attendance: {
    columns: ['lesson_id', 'enrolment_id', 'present'],
    rows: true,
    centresOf: (row: TriggerRow) =>
      `select courses.centre_id from lessons join courses on courses.id = lessons.course_id where lessons.id = ${row}.lesson_id`,
  },
  course_kinds: {
    columns: ['code', 'label_it', 'label_en', 'sort_order'],
    rows: false,
    centresOf: (row: TriggerRow) => `select centre_id from courses where kind_id = ${row}.id`,
  },
  centres: {
    columns: ['completion_threshold'],
    rows: false,
    centresOf: (row: TriggerRow) => `select ${row}.id`,
  },
};

export function courseVersions(dialect: DialectName): Migration {
  return irreversible('course versions', dialect, (db) => centreVersions(db, dialect, 'course_version', READ));
}
