/**
 * The home page's visits (issue 15, decision 014): the visits of each centre, day and origin
 * group, counted once and kept by the database itself. Triggers on `visits` add one on an
 * insert, take one away on a delete, and move one when a visit's centre, date or origin group
 * changes, in the statement's own transaction: every way a visit is written (the desk, the
 * corrections, imports and their undo, the demo's bulk loader) keeps them exact, and a rollback
 * takes the change back with the visit. The counts already due are filled from the visits.
 * A count that falls to zero stays as a row of zero. Typed as Kysely<any>: frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, required } from './shapes.js';

export function visitDayCounts(dialect: DialectName): Migration {
  return irreversible('visit day counts', dialect, async (db) => {
    await db.schema
      .createTable('visit_day_counts')
      .addColumn('centre_id', 'integer', required)
      .addColumn('visit_date', 'text', required)
      .addColumn('origin_group', 'text', required)
      .addColumn('visits', 'integer', required)
      .addPrimaryKeyConstraint('visit_day_counts_pk', ['centre_id', 'visit_date', 'origin_group'])
      .execute();
    await sql`insert into visit_day_counts (centre_id, visit_date, origin_group, visits)
      select centre_id, visit_date, origin_group, count(*) from visits group by centre_id, visit_date, origin_group`.execute(db);
    if (dialect === 'postgres') {
      await sql`create function visit_day_counts_keep() returns trigger language plpgsql as $$
        begin
          if tg_op in ('DELETE', 'UPDATE') then
            update visit_day_counts set visits = visits - 1
              where centre_id = old.centre_id and visit_date = old.visit_date and origin_group = old.origin_group;
          end if;
          if tg_op in ('INSERT', 'UPDATE') then
            insert into visit_day_counts (centre_id, visit_date, origin_group, visits)
              values (new.centre_id, new.visit_date, new.origin_group, 1)
              on conflict (centre_id, visit_date, origin_group) do update set visits = visit_day_counts.visits + 1;
          end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger visit_day_counts_insert_delete after insert or delete on visits
        for each row execute function visit_day_counts_keep()`.execute(db);
      await sql`create trigger visit_day_counts_update after update of centre_id, visit_date, origin_group on visits
        for each row when (old.centre_id <> new.centre_id or old.visit_date <> new.visit_date or old.origin_group <> new.origin_group)
        execute function visit_day_counts_keep()`.execute(db);
    } else {
      const add = `insert into visit_day_counts (centre_id, visit_date, origin_group, visits)
          values (new.centre_id, new.visit_date, new.origin_group, 1)
          on conflict (centre_id, visit_date, origin_group) do update set visits = visits + 1;`;
      const remove = `update visit_day_counts set visits = visits - 1
          where centre_id = old.centre_id and visit_date = old.visit_date and origin_group = old.origin_group;`;
      await sql.raw(`create trigger visit_day_counts_insert after insert on visits begin ${add} end`).execute(db);
      await sql.raw(`create trigger visit_day_counts_delete after delete on visits begin ${remove} end`).execute(db);
      await sql
        .raw(`create trigger visit_day_counts_update after update of centre_id, visit_date, origin_group on visits
        when old.centre_id <> new.centre_id or old.visit_date <> new.visit_date or old.origin_group <> new.origin_group
        begin ${remove} ${add} end`)
        .execute(db);
    }
  });
}
