/** The report as a file: a document of the draft or of a published version, its export logged. */
import type { Kysely } from 'kysely';
import type { ReportData, ReportFormat } from '../../contracts/reports.js';
import type { Database } from '../../db/schema.js';
import { notFound, validationFailed } from '../../errors/index.js';
import { type CoverImage, DOCUMENT_TYPES, renderReport, reportTableCsv } from '../../exports/report/index.js';
import { coverLogoOf } from '../accounts/centres.usecases.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findReportByScope, findVersionLogo } from './reports.repository.js';
import { reportDataFor } from './reports.usecases.js';

type Db = Kysely<Database>;

export interface ReportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/**
 * The logo on the cover: a draft's is the centres' current one; a published version's the one it
 * was published with (none if it had none), whatever the centre's logo has become since.
 */
async function coverImageOf(db: Db, reportId: number | undefined, data: ReportData): Promise<CoverImage | null> {
  if (data.versionNumber === null) return coverLogoOf(db, data.heading.centres);
  return (reportId === undefined ? undefined : await findVersionLogo(db, reportId, data.versionNumber)) ?? null;
}

/** The cover's logo of the report of a scope and year (the command line's), as coverImageOf. */
export async function coverImageForScope(
  db: Db,
  scope: { organisationId: number; centreIds: number[]; year: number },
  data: ReportData,
): Promise<CoverImage | null> {
  // A draft's logo is the centres' current one: no need to look the report up.
  if (data.versionNumber === null) return coverImageOf(db, undefined, data);
  return coverImageOf(db, await findReportByScope(db, scope.organisationId, scope.centreIds, scope.year), data);
}

/** A document of the draft or of a published version; CSV is one table. Logged: who took which figures out. */
export async function exportReportFor(
  db: Db,
  actor: Actor,
  id: number,
  query: { format: ReportFormat; version?: number; table?: string },
  now = new Date(),
): Promise<ReportFile> {
  const data = await reportDataFor(db, actor, id, query.version, now);
  const base =
    `report-${data.year}-${data.heading.centres.map((c) => c.code).join('-')}${data.versionNumber ? `-v${data.versionNumber}` : '-bozza'}`
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
  let file: ReportFile;
  if (query.format === 'json') {
    file = { body: JSON.stringify(data, null, 2), contentType: DOCUMENT_TYPES.json, fileName: `${base}.json` };
  } else if (query.format === 'csv') {
    if (!query.table) {
      throw validationFailed([{ field: 'table', code: 'report.table_required' }], 'table: CSV is exported one table at a time');
    }
    const csv = reportTableCsv(data, query.table);
    if (csv === undefined) throw notFound('table');
    file = { body: csv, contentType: DOCUMENT_TYPES.csv, fileName: `${base}-${query.table.replace(/[^A-Za-z0-9-]+/g, '-')}.csv` };
  } else {
    const coverImage = await coverImageOf(db, id, data);
    file = {
      body: await renderReport(data, query.format, { coverImage }),
      contentType: DOCUMENT_TYPES[query.format],
      fileName: `${base}.${query.format}`,
    };
  }
  await recordChange(
    db,
    actor,
    'export',
    'report',
    { id, centreId: null },
    { details: { format: query.format, version: query.version ?? null, ...(query.table ? { table: query.table } : {}) }, at: now },
  );
  return file;
}
