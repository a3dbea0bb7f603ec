/**
 * A centre's logo (or its Comune's stemma) for the report's cover (issue 15): one image a centre,
 * kept in the database (at most 1 MB, PNG or JPEG, checked from its bytes) so that a backup holds
 * it with the rest, with its media type, size in bytes and pixels, and who uploaded it when.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { byUser, irreversible, partOf, required } from './shapes.js';

export function centreLogos(dialect: DialectName): Migration {
  return irreversible('centre logos', dialect, async (db) => {
    await db.schema
      .createTable('centre_logos')
      .addColumn('centre_id', 'integer', (c) => partOf('centres.id')(c).primaryKey())
      /** image/png | image/jpeg */
      .addColumn('media_type', 'text', required)
      .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', required)
      .addColumn('byte_size', 'integer', required)
      .addColumn('width', 'integer', required)
      .addColumn('height', 'integer', required)
      .addColumn('uploaded_at', 'text', required)
      .addColumn('uploaded_by', 'integer', byUser)
      .execute();
  });
}
