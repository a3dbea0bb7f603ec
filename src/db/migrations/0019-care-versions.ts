/**
 * The home page's people in care (issue 15, decision 014): a version of each centre's care data,
 * changed by the database itself on every write the people-in-care count reads (the report's
 * careMemberPeriods: `cases`' centre, `case_periods`' dates, `case_members`' person, erasure key
 * and snapshot), in the writing statement's transaction. The home counts a centre's people in
 * care again only when its version moved, so the figures stay exact across server instances,
 * whichever module wrote (cases, erasure and retention, imports and their undo, the demo's bulk
 * loader), and a rollback takes the change back with the data (shapes.ts: centreVersions). A
 * centre without a row has had no care data since this migration (it gives every existing centre
 * one).
 * And the home's visits (migration 0018's counts of a centre, day and origin group) summed from
 * one index that holds them all, without reading the table's rows (PostgreSQL: an index-only
 * scan; SQLite: a covering index).
 * Typed as Kysely<any>: frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { centreVersions, irreversible, type TriggerRow, type VersionedTables } from './shapes.js';

/** A period's or member's centres: its case's. */
const ofItsCase = (row: TriggerRow) => `select centre_id from cases where id = ${row}.case_id`;

/** The columns of each table the count reads, whose change moves the version, and the centres of a row. */
const READ: VersionedTables = {
  cases: { columns: ['centre_id'], rows: true, centresOf: (row: TriggerRow) => `select ${row}.centre_id` },
  case_periods: { columns: ['case_id', 'opened_on', 'closed_on'], rows: true, centresOf: ofItsCase },
  case_members: {
    columns: ['case_id', 'person_id', 'anonymous_key', 'gender', 'citizenship', 'residence_kind', 'residence_comune', 'snapshot_on'],
    rows: true,
    centresOf: ofItsCase,
  },
};

export function careVersions(dialect: DialectName): Migration {
  return irreversible('care versions', dialect, async (db) => {
    await centreVersions(db, dialect, 'care_version', READ);
    if (dialect === 'postgres') {
      await sql`create index visit_day_counts_sums on visit_day_counts (centre_id, visit_date) include (origin_group, visits)`.execute(db);
    } else {
      await sql`create index visit_day_counts_sums on visit_day_counts (centre_id, visit_date, origin_group, visits)`.execute(db);
    }
  });
}
