/**
 * The register of processing (GDPR art. 30, issue 14): the texts the organisation's data
 * protection officer writes beside each generated section (the controller, the legal bases,
 * transfers…), one row a section, versioned like other edited records.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { byUser, editable, irreversible, required } from './shapes.js';

export function processingRegister(dialect: DialectName): Migration {
  return irreversible('processing register', dialect, async (_db, table) => {
    await editable(
      table
        .ofOrganisation('processing_register_texts')
        .addColumn('section', 'text', required)
        .addColumn('text', 'text', required)
        .addColumn('updated_by', 'integer', byUser),
    )
      .addUniqueConstraint('processing_register_texts_section_uq', ['organisation_id', 'section'])
      .execute();
  });
}
