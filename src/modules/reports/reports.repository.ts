/**
 * The reports coordinators keep (scope, year, settings, texts) and their published versions.
 * A report is bound to its centres: it is read only by someone who works in all of them.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  DEFAULT_REPORT_SETTINGS,
  type FreeBlock,
  type Report,
  type ReportData,
  type ReportSettings,
  type ReportVersionSummary,
  storedSettings,
} from '../../contracts/reports.js';
import { groupsOf, joinUserName } from '../../db/joined.js';
import type { Database, ReportsTable } from '../../db/schema.js';
import { type CoverImage, storedCoverImage } from '../../exports/report/index.js';

type Db = Kysely<Database>;

/** The scope's key: the centre ids sorted, joined by commas. */
export const scopeKeyOf = (centreIds: readonly number[]) => [...new Set(centreIds)].sort((a, b) => a - b).join(',');

const parseSettings = (text: string): ReportSettings => storedSettings(JSON.parse(text));

export interface ReportRecord {
  id: number;
  organisationId: number;
  year: number;
  centreIds: number[];
  settings: ReportSettings;
  narratives: Record<string, string>;
  freeBlocks: FreeBlock[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

const reportColumns = [
  'reports.id',
  'reports.organisationId',
  'reports.year',
  'reports.scopeKey',
  'reports.settings',
  'reports.narratives',
  'reports.freeBlocks',
  'reports.createdAt',
  'reports.updatedAt',
  'reports.version',
] as const;

type ReportRow = Omit<Selectable<ReportsTable>, 'createdBy'>;

function toRecord(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    year: Number(row.year),
    centreIds: row.scopeKey.split(',').map(Number),
    settings: parseSettings(row.settings),
    narratives: JSON.parse(row.narratives),
    freeBlocks: JSON.parse(row.freeBlocks),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: Number(row.version),
  };
}

/** Reports whose every centre is one of these (another centre's report does not exist for the caller). */
export async function listReportRecords(db: Db, organisationId: number, centreIds: readonly number[]): Promise<ReportRecord[]> {
  if (centreIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select(reportColumns)
    .where('organisationId', '=', organisationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reportCentres')
            .select('reportCentres.centreId')
            .whereRef('reportCentres.reportId', '=', 'reports.id')
            .where('reportCentres.centreId', 'not in', centreIds),
        ),
      ),
    )
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function findReportRecord(db: Db, id: number, organisationId: number, centreIds: readonly number[]) {
  const row = await db
    .selectFrom('reports')
    .select(reportColumns)
    .where('id', '=', id)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const record = toRecord(row);
  return record.centreIds.every((centreId) => centreIds.includes(centreId)) ? record : undefined;
}

export async function findReportByScope(db: Db, organisationId: number, centreIds: readonly number[], year: number) {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('organisationId', '=', organisationId)
    .where('scopeKey', '=', scopeKeyOf(centreIds))
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.id;
}

export async function insertReport(
  db: Db,
  values: { organisationId: number; year: number; centreIds: readonly number[]; createdBy: number },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('reports')
    .values({
      organisationId: values.organisationId,
      year: values.year,
      scopeKey: scopeKeyOf(values.centreIds),
      settings: JSON.stringify(DEFAULT_REPORT_SETTINGS),
      narratives: '{}',
      freeBlocks: '[]',
      createdBy: values.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reportCentres')
    .values([...new Set(values.centreIds)].map((centreId) => ({ reportId: row.id, centreId })))
    .execute();
  return row.id;
}

export function listVersionSummaries(db: Db, reportIds: readonly number[]): Promise<Map<number, ReportVersionSummary[]>> {
  return groupsOf(
    reportIds,
    (ids) => {
      const versions = db
        .selectFrom('reportVersions')
        .select([
          'reportVersions.reportId',
          'reportVersions.number',
          'reportVersions.publishedAt',
          'reportVersions.appVersion',
          'reportVersions.settings',
        ])
        .where('reportVersions.reportId', 'in', ids)
        .orderBy('reportVersions.number');
      return joinUserName(versions, 'reportVersions.publishedBy', 'publisherName').execute();
    },
    (row) => row.reportId,
    (row): ReportVersionSummary => ({
      number: Number(row.number),
      publishedAt: row.publishedAt,
      publishedBy: row.publisherName,
      appVersion: row.appVersion,
      settings: parseSettings(row.settings),
    }),
  );
}

export async function findVersionData(db: Db, reportId: number, number: number): Promise<ReportData | undefined> {
  const row = await db
    .selectFrom('reportVersions')
    .select('data')
    .where('reportId', '=', reportId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) return undefined;
  const data = JSON.parse(row.data) as ReportData;
  return { ...data, settings: storedSettings(data.settings) };
}

export async function lastVersionNumber(db: Db, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('reportVersions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('reportId', '=', reportId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts a published version; its id. */
export async function insertVersion(
  db: Db,
  values: { reportId: number; number: number; data: ReportData; publishedBy: number; publishedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('reportVersions')
    .values({
      reportId: values.reportId,
      number: values.number,
      data: JSON.stringify(values.data),
      settings: JSON.stringify(values.data.settings),
      appVersion: values.data.appVersion,
      publishedAt: values.publishedAt,
      publishedBy: values.publishedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Keeps a copy of the cover's logo a version is published with. */
export async function insertVersionLogo(db: Db, reportVersionId: number, logo: CoverImage): Promise<void> {
  await db
    .insertInto('reportVersionLogos')
    .values({ reportVersionId, ...logo })
    .execute();
}

/** The cover's logo a published version was published with, if it had one. */
export async function findVersionLogo(db: Db, reportId: number, number: number): Promise<CoverImage | undefined> {
  const row = await db
    .selectFrom('reportVersionLogos')
    .innerJoin('reportVersions', 'reportVersions.id', 'reportVersionLogos.reportVersionId')
    .select(['mediaType', 'bytes', 'width', 'height', 'alt'])
    .where('reportVersions.reportId', '=', reportId)
    .where('reportVersions.number', '=', number)
    .executeTakeFirst();
  return row && storedCoverImage(row, row.alt);
}

export function toReport(record: ReportRecord, versions: ReportVersionSummary[]): Report {
  const { organisationId: _organisation, ...rest } = record;
  return { ...rest, versions };
}
