/**
 * The annual management report: the report a coordinator keeps for a set of centres and a year
 * (settings, narratives, free blocks) and its published versions, each a frozen snapshot of the
 * report's data. Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { createIndexes, editable, irreversible, partOf, refersTo } from './shapes.js';

export function reports(dialect: DialectName): Migration {
  return irreversible('reports', dialect, async (db, table) => {
    await editable(
      table
        .ofOrganisation('reports')
        .addColumn('year', 'integer', (c) => c.notNull())
        /** The centres covered, ids sorted and joined by commas: one report per scope and year. */
        .addColumn('scope_key', 'text', (c) => c.notNull())
        /** JSON: the settings (thresholds, years compared). */
        .addColumn('settings', 'text', (c) => c.notNull())
        /** JSON: { blockId: Markdown } for the narrative blocks edited. */
        .addColumn('narratives', 'text', (c) => c.notNull())
        /** JSON: the blocks the coordinator added ({ id, sectionId, title, markdown }). */
        .addColumn('free_blocks', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')),
    )
      .addUniqueConstraint('reports_scope_year_uq', ['organisation_id', 'scope_key', 'year'])
      .execute();
    await table.link('report_centres', { report_id: partOf('reports.id'), centre_id: refersTo('centres.id') }).execute();
    await createIndexes(db, 'report_centres', { report_centres_centre_idx: ['centre_id'] });
    await table
      .partsOf('report_versions', 'report_id', 'reports.id')
      .addColumn('number', 'integer', (c) => c.notNull())
      /** JSON: the report's data as published (figures, narratives, settings), never changed. */
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('report_versions_number_uq', ['report_id', 'number'])
      .execute();
  });
}
