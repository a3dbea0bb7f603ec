/**
 * The home page's people in care (issue 15, decision 014): a version of each centre's care data,
 * changed by the database itself on every write the people-in-care count reads (the report's
 * careMemberPeriods: `cases`' centre, `case_periods`' dates, `case_members`' person, erasure key
 * and snapshot), in the writing statement's transaction. The home counts a centre's people in
 * care again only when its version moved, so the figures stay exact across server instances,
 * whichever module wrote (cases, erasure and retention, imports and their undo, the demo's bulk
 * loader), and a rollback takes the change back with the data.
 * The version is a new random value at each change, not a counter: a database restored from a
 * backup, or another database, never shows an old number over other data. A centre without a
 * row has had no care data since this migration (it gives every existing centre one).
 * And the home's visits (migration 0018's counts of a centre, day and origin group) summed from
 * one index that holds them all, without reading the table's rows (PostgreSQL: an index-only
 * scan; SQLite: a covering index).
 * Typed as Kysely<any>: frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, required } from './shapes.js';

/** The columns of each table the count reads, whose change moves the version. */
const READ_COLUMNS = {
  cases: ['centre_id'],
  case_periods: ['case_id', 'opened_on', 'closed_on'],
  case_members: ['case_id', 'person_id', 'anonymous_key', 'gender', 'citizenship', 'residence_kind', 'residence_comune', 'snapshot_on'],
} as const;

export function careVersions(dialect: DialectName): Migration {
  return irreversible('care versions', dialect, async (db) => {
    await db.schema
      .createTable('care_versions')
      .addColumn('centre_id', 'integer', (c) => c.primaryKey().references('centres.id').onDelete('cascade'))
      .addColumn('version', 'text', required)
      .execute();
    if (dialect === 'postgres') {
      await sql`create index visit_day_counts_sums on visit_day_counts (centre_id, visit_date) include (origin_group, visits)`.execute(db);
      await sql`insert into care_versions (centre_id, version) select id, gen_random_uuid()::text from centres`.execute(db);
      // The centres a row belongs to (a case's own; a period's or member's through its case), before and after.
      await sql`create function care_versions_keep() returns trigger language plpgsql as $$
        declare
          centres integer[] := '{}';
        begin
          if tg_table_name = 'cases' then
            if tg_op in ('DELETE', 'UPDATE') then centres := centres || old.centre_id; end if;
            if tg_op in ('INSERT', 'UPDATE') then centres := centres || new.centre_id; end if;
          else
            if tg_op in ('DELETE', 'UPDATE') then
              centres := centres || array(select centre_id from cases where id = old.case_id);
            end if;
            if tg_op in ('INSERT', 'UPDATE') then
              centres := centres || array(select centre_id from cases where id = new.case_id);
            end if;
          end if;
          insert into care_versions (centre_id, version)
            select centre_id, gen_random_uuid()::text from (select distinct unnest(centres) as centre_id) as changed order by centre_id
            on conflict (centre_id) do update set version = excluded.version;
          return null;
        end $$`.execute(db);
      for (const [table, columns] of Object.entries(READ_COLUMNS)) {
        const changed = columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
        await sql
          .raw(`create trigger ${table}_care_version after insert or delete on ${table}
            for each row execute function care_versions_keep()`)
          .execute(db);
        await sql
          .raw(`create trigger ${table}_care_version_update after update of ${columns.join(', ')} on ${table}
            for each row when (${changed}) execute function care_versions_keep()`)
          .execute(db);
      }
    } else {
      await sql`create index visit_day_counts_sums on visit_day_counts (centre_id, visit_date, origin_group, visits)`.execute(db);
      await sql`insert into care_versions (centre_id, version) select id, lower(hex(randomblob(16))) from centres`.execute(db);
      // A new version for the centre of a case (the WHERE clause also keeps SQLite's upsert unambiguous).
      const bump = (caseId: string) => `insert into care_versions (centre_id, version)
          select centre_id, lower(hex(randomblob(16))) from cases where id = ${caseId}
          on conflict (centre_id) do update set version = excluded.version;`;
      const bumpCentre = (centreId: string) => `insert into care_versions (centre_id, version)
          values (${centreId}, lower(hex(randomblob(16))))
          on conflict (centre_id) do update set version = excluded.version;`;
      for (const [table, columns] of Object.entries(READ_COLUMNS)) {
        const of = (row: 'old' | 'new') => (table === 'cases' ? bumpCentre(`${row}.centre_id`) : bump(`${row}.case_id`));
        const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
        await sql.raw(`create trigger ${table}_care_version_insert after insert on ${table} begin ${of('new')} end`).execute(db);
        await sql.raw(`create trigger ${table}_care_version_delete after delete on ${table} begin ${of('old')} end`).execute(db);
        await sql
          .raw(`create trigger ${table}_care_version_update after update of ${columns.join(', ')} on ${table}
          when ${changed} begin ${of('old')} ${of('new')} end`)
          .execute(db);
      }
    }
  });
}
