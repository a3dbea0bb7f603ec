/**
 * Retention (issue 14): the organisation's settings (none set: off, nothing is removed), and
 * the log of retention runs, one row per run (started, finished, by whom or by the schedule,
 * how many files removed, how it ended). At most one run of an organisation is running at a
 * time: a partial unique index on the running rows, on both databases. And the anonymous key that
 * keeps an erased person counted once in the courses' and the PC station's figures.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { addColumnTo, byUser, createIndexes, irreversible, required } from './shapes.js';

export function retention(dialect: DialectName): Migration {
  return irreversible('retention', dialect, async (db, table) => {
    // An erased person's enrolments and PC station uses keep one anonymous key (the first row's
    // id), as case members do: the person still counts once among the distinct learners and
    // the PC station's people of every past year.
    for (const name of ['enrolments', 'pc_station_uses']) await addColumnTo(db, name, 'anonymous_key', 'integer');

    // One row per organisation that set them; none: off, nothing removed. Years kept after the
    // last contact: for a person never in care, and for one whose cases are all closed.
    await db.schema
      .createTable('retention_settings')
      .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('years_after_contact', 'integer', required)
      .addColumn('years_after_case', 'integer', required)
      .addColumn('updated_by', 'integer', byUser)
      .addColumn('updated_at', 'text', required)
      .execute();

    await table
      .ofOrganisation('retention_runs')
      /** manual | scheduled */
      .addColumn('trigger', 'text', required)
      .addColumn('started_by', 'integer', byUser)
      .addColumn('started_at', 'text', required)
      .addColumn('finished_at', 'text')
      /** running | completed | failed | skipped | interrupted */
      .addColumn('outcome', 'text', required)
      .addColumn('people_removed', 'integer', (c) => c.notNull().defaultTo(0))
      // The settings the run applied.
      .addColumn('years_after_contact', 'integer', required)
      .addColumn('years_after_case', 'integer', required)
      /** Why a run was skipped or failed (no personal data). */
      .addColumn('detail', 'text')
      .execute();
    await createIndexes(db, 'retention_runs', { retention_runs_organisation_idx: ['organisation_id', 'started_at'] });
    await db.schema
      .createIndex('retention_runs_running_uq')
      .unique()
      .on('retention_runs')
      .column('organisation_id')
      .where(sql.ref('outcome'), '=', 'running')
      .execute();
  });
}
