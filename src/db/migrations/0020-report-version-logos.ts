/**
 * The logo a published version of the report was published with (issue 15): a copy of its cover's
 * image (bytes, media type, pixels, alternative text), one a version, deleted with it. A published
 * version prints as it was published when the centre's logo is later changed or removed; a draft
 * prints the current one. The versions published before this migration printed the current logo:
 * they keep the one they show today, copied here and frozen from now on.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { irreversible, partOf, required } from './shapes.js';

export function reportVersionLogos(dialect: DialectName): Migration {
  return irreversible('report version logos', dialect, async (db) => {
    await db.schema
      .createTable('report_version_logos')
      .addColumn('report_version_id', 'integer', (c) => partOf('report_versions.id')(c).primaryKey())
      /** image/png | image/jpeg */
      .addColumn('media_type', 'text', required)
      .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', required)
      .addColumn('width', 'integer', required)
      .addColumn('height', 'integer', required)
      /** «Logo di Sportello Immigrati Jesi», as the cover said it. */
      .addColumn('alt', 'text', required)
      .execute();
    // The cover's logo as it was chosen until now: the first of the version's centres, in its heading's order, with one.
    const { rows: withLogo } = await sql<{ centre: number }>`select centre_id as centre from centre_logos`.execute(db);
    if (withLogo.length === 0) return;
    const logoCentres = new Set(withLogo.map((row) => Number(row.centre)));
    const { rows: versions } = await sql<{ id: number }>`select id from report_versions order by id`.execute(db);
    for (const { id } of versions) {
      const { rows } = await sql<{ data: string }>`select data from report_versions where id = ${id}`.execute(db);
      const centres: Array<{ id: number; name: string }> = JSON.parse(rows[0]?.data ?? '{}').heading?.centres ?? [];
      const centre = centres.find((c) => logoCentres.has(c.id));
      if (!centre) continue;
      await sql`insert into report_version_logos (report_version_id, media_type, bytes, width, height, alt)
        select cast(${id} as integer), media_type, bytes, width, height, cast(${`Logo di ${centre.name}`} as text)
        from centre_logos where centre_id = ${centre.id}`.execute(db);
    }
  });
}
