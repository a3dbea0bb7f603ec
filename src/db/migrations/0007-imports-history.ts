/**
 * A centre's first day (issue 13): the imports of its old registers (each import, its rows by
 * fingerprint so that the same file imported again adds nothing, the records it created so that
 * it can be undone, its rejected rows, and the column mappings kept for the next file of the
 * same shape), and the figures the centre published for the years before its records.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { createIndexes, editable, irreversible, partOf, refersTo } from './shapes.js';

export function importsHistory(dialect: DialectName): Migration {
  return irreversible('imports and historical figures', dialect, async (db, table) => {
    await editable(
      table
        .ofCentre('imports')
        /** people, visits, cases, permits or enrolments. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_size', 'integer', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        /** xlsx or csv; for a CSV, its encoding and delimiter as detected. */
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text')
        .addColumn('delimiter', 'text')
        /** Where the uploaded file waits until it is imported (removed then, or when abandoned). */
        .addColumn('stored_path', 'text')
        /** JSON: the header row as written. */
        .addColumn('headers', 'text', (c) => c.notNull())
        /** JSON: { columnIndex: fieldKey | null }. */
        .addColumn('mapping', 'text', (c) => c.notNull())
        /** JSON: { field: { rawValue: mappedValue | null } }, the user's answers to unmatched values. */
        .addColumn('value_mappings', 'text', (c) => c.notNull())
        /** JSON: { personKey: 'new' | personId }, the user's decisions on doubtful matches. */
        .addColumn('decisions', 'text', (c) => c.notNull())
        /** uploaded, analysing, analysed, importing, imported, failed, undone. */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        /** JSON: the dry run's counts, preview rows, unmatched values and doubtful matches. */
        .addColumn('summary', 'text')
        /** JSON: what stopped the import (a problem code and its values). */
        .addColumn('failure', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('finished_at', 'text')
        .addColumn('undone_at', 'text')
        .addColumn('undone_by', 'integer', (c) => c.references('users.id').onDelete('set null')),
    ).execute();
    await createIndexes(db, 'imports', { imports_centre_idx: ['centre_id', 'created_at'] });

    // One row per row of the file written: its fingerprint finds a row imported before.
    await table
      .link('import_rows', { import_id: partOf('imports.id'), row_number: (c) => c.notNull() })
      .addColumn('centre_id', 'integer', refersTo('centres.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'import_rows', { import_rows_fingerprint_idx: ['centre_id', 'kind', 'fingerprint'] });

    // The records an import created (person, visit, case, permit, enrolment): what undo removes.
    await db.schema
      .createTable('import_records')
      .addColumn('import_id', 'integer', partOf('imports.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_records_pk', ['import_id', 'entity', 'record_id'])
      .execute();
    await createIndexes(db, 'import_records', { import_records_entity_idx: ['entity', 'record_id'] });

    // The dry run's rejected rows: row number, column, reason code and its values, the row as read.
    await table
      .partsOf('import_rejects', 'import_id', 'imports.id')
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('column_name', 'text')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('params', 'text')
      /** JSON: the row's cells as read, to download and fix. */
      .addColumn('cells', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'import_rejects', { import_rejects_import_idx: ['import_id', 'row_number'] });

    // A mapping kept for the next file of the same shape (same kind, same headers).
    await table
      .ofOrganisation('import_mappings')
      .addColumn('kind', 'text', (c) => c.notNull())
      /** The headers, folded and joined: the file's shape. */
      .addColumn('header_key', 'text', (c) => c.notNull())
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('value_mappings', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_mappings_shape_uq', ['organisation_id', 'kind', 'header_key'])
      .execute();

    // The figures a centre published for a year before its records (null: not published).
    await editable(
      table
        .ofCentre('historical_figures')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('visits_total', 'integer')
        .addColumn('visits_italian', 'integer')
        .addColumn('visits_eu', 'integer')
        .addColumn('visits_non_eu', 'integer')
        .addColumn('visits_unspecified', 'integer')
        .addColumn('in_care_total', 'integer')
        .addColumn('in_care_new', 'integer')
        .addColumn('in_care_italian', 'integer')
        .addColumn('in_care_eu', 'integer')
        .addColumn('in_care_non_eu', 'integer')
        .addColumn('in_care_unspecified', 'integer')
        .addColumn('enrolments_total', 'integer')
        /** Where the figures come from (e.g. "Report di gestione 2023, p. 4"). */
        .addColumn('source', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')),
    )
      .addUniqueConstraint('historical_figures_year_uq', ['centre_id', 'year'])
      .execute();
  });
}
