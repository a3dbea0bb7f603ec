/**
 * The annual report's use cases: open a report for a scope and a year, edit its settings and
 * texts, compute its data live, publish a frozen version, read and compare versions, export.
 * Drafts are read by the centre's staff; published versions are statistics (viewers too).
 */
import type { Kysely } from 'kysely';
import {
  changeSettings,
  DEFAULT_REPORT_SETTINGS,
  type Report,
  type ReportComparison,
  type ReportCreateInput,
  type ReportData,
  type ReportSettingsChange,
  type ReportUpdateInput,
  type ReportVersionSummary,
} from '../../contracts/reports.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { can } from '../../domain/permissions.js';
import { forbidden, notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { coverLogoOf } from '../accounts/centres.usecases.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { compareReports } from './compare.js';
import { computeReportData } from './report-data.js';
import {
  findReportByScope,
  findReportRecord,
  findVersionData,
  insertReport,
  insertVersion,
  insertVersionLogo,
  lastVersionNumber,
  listReportRecords,
  listVersionSummaries,
  type ReportRecord,
  toReport,
} from './reports.repository.js';

type Db = Kysely<Database>;

async function loadRecord(db: Db, actor: Actor, id: number): Promise<ReportRecord> {
  return orNotFound(findReportRecord(db, id, actor.organisationId, actor.centreIds), 'report');
}

/** The texts being written are the draft's: who may not read the draft (viewers) gets the published versions only. */
function asSeenBy(actor: Actor, report: Report): Report {
  return can(actor.role, 'reports.draft') ? report : { ...report, narratives: {}, freeBlocks: [] };
}

export async function listReportsFor(db: Db, actor: Actor): Promise<Report[]> {
  const records = await listReportRecords(db, actor.organisationId, actor.centreIds);
  const versions = await listVersionSummaries(
    db,
    records.map((r) => r.id),
  );
  return records.map((record) => asSeenBy(actor, toReport(record, versions.get(record.id) ?? [])));
}

export async function getReportFor(db: Db, actor: Actor, id: number): Promise<Report> {
  const record = await loadRecord(db, actor, id);
  const versions = await listVersionSummaries(db, [record.id]);
  return asSeenBy(actor, toReport(record, versions.get(record.id) ?? []));
}

/** The report of this scope and year: the existing one, or a new one with the default settings. */
export async function openReport(
  db: Db,
  actor: Actor,
  input: ReportCreateInput,
  now = new Date(),
): Promise<{ report: Report; created: boolean }> {
  const centreIds = input.centreIds ? [...new Set(input.centreIds)] : actor.centreIds;
  if (centreIds.length === 0 || centreIds.some((id) => !actor.centreIds.includes(id))) throw notFound('centre');
  if (input.year > Number(todayInRome(now).slice(0, 4))) {
    throw validationFailed([{ field: 'year', code: 'report.year_in_future' }], 'year: the report of a future year cannot be written yet');
  }
  const existing = await findReportByScope(db, actor.organisationId, centreIds, input.year);
  if (existing !== undefined) return { report: await getReportFor(db, actor, existing), created: false };
  const id = await inTransaction(db, async (trx) => {
    const reportId = await insertReport(
      trx,
      { organisationId: actor.organisationId, year: input.year, centreIds, createdBy: actor.userId },
      now.toISOString(),
    );
    await recordChange(
      trx,
      actor,
      'create',
      'report',
      { id: reportId, centreId: centreIds.length === 1 ? (centreIds[0] ?? null) : null },
      { details: { year: input.year, centreIds }, at: now },
    );
    return reportId;
  });
  return { report: await getReportFor(db, actor, id), created: true };
}

/** Settings merged, narratives set (an empty text goes back to the draft), free blocks replaced. */
export async function updateReport(db: Db, actor: Actor, id: number, input: ReportUpdateInput, now = new Date()): Promise<Report> {
  await inTransaction(db, async (trx) => {
    const record = await loadRecord(trx, actor, id);
    const changes: Record<string, unknown> = { updatedAt: now.toISOString() };
    const fields: string[] = [];
    if (input.settings) {
      changes.settings = JSON.stringify(changeSettings(record.settings, input.settings));
      fields.push('settings');
    }
    if (input.narratives) {
      const narratives = { ...record.narratives };
      for (const [blockId, text] of Object.entries(input.narratives)) {
        if (text.trim() === '') delete narratives[blockId];
        else narratives[blockId] = text;
      }
      changes.narratives = JSON.stringify(narratives);
      fields.push(...Object.keys(input.narratives).map((blockId) => `narratives.${blockId}`));
    }
    if (input.freeBlocks) {
      const ids = input.freeBlocks.map((block) => block.id);
      if (new Set(ids).size !== ids.length) {
        throw validationFailed([{ field: 'freeBlocks', code: 'report.block_id_twice' }], 'freeBlocks: two blocks have the same id');
      }
      changes.freeBlocks = JSON.stringify(input.freeBlocks);
      fields.push('freeBlocks');
    }
    await updateVersioned(trx, 'reports', id, input.version, changes, 'report');
    await recordChange(trx, actor, 'update', 'report', { id, centreId: null }, { details: { fields }, at: now });
  });
  return getReportFor(db, actor, id);
}

/** What the draft of a report (or of a scope with no report yet) is computed from. */
type DraftSource = Pick<ReportRecord, 'organisationId' | 'centreIds' | 'year' | 'settings' | 'narratives' | 'freeBlocks'>;

function draftInput(source: DraftSource, now: Date, onProgress?: (done: number, total: number, section: string) => void) {
  return {
    organisationId: source.organisationId,
    centreIds: source.centreIds,
    year: source.year,
    settings: source.settings,
    narratives: source.narratives,
    freeBlocks: source.freeBlocks,
    versionNumber: null,
    now,
    ...(onProgress ? { onProgress } : {}),
  };
}

/** The draft (computed now, the centre's staff only) or a published version (statistics: viewers too). */
export async function reportDataFor(db: Db, actor: Actor, id: number, versionNumber?: number, now = new Date()): Promise<ReportData> {
  const record = await loadRecord(db, actor, id);
  if (versionNumber === undefined) {
    if (!can(actor.role, 'reports.draft')) throw forbidden();
    return computeReportData(db, draftInput(record, now));
  }
  return orNotFound(findVersionData(db, record.id, versionNumber), 'report version');
}

/**
 * Publishes the draft as the next version: its figures computed now, with the texts and settings
 * of the version the coordinator read (409 if someone changed them meanwhile), and the cover's logo
 * of the centres at that moment, frozen from then on.
 */
export async function publishReport(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  now = new Date(),
): Promise<ReportVersionSummary> {
  const record = await loadRecord(db, actor, id);
  if (record.version !== expectedVersion) throw staleVersion(record.version);
  // Computed before the transaction: on SQLite a write transaction would hold the desk's writes meanwhile.
  const data = await computeReportData(db, draftInput(record, now));
  const number = await inTransaction(db, async (trx) => {
    // Bumping the report's version serialises two publications and catches an edit made meanwhile.
    await updateVersioned(trx, 'reports', id, expectedVersion, { updatedAt: now.toISOString() }, 'report');
    const next = (await lastVersionNumber(trx, id)) + 1;
    data.versionNumber = next;
    const versionId = await insertVersion(trx, {
      reportId: id,
      number: next,
      data,
      publishedBy: actor.userId,
      publishedAt: now.toISOString(),
    });
    // The cover's logo is frozen with the figures: a later change of the centre's logo leaves this version as published.
    const logo = await coverLogoOf(trx, data.heading.centres);
    if (logo) await insertVersionLogo(trx, versionId, logo);
    await recordChange(trx, actor, 'create', 'report_version', { id, centreId: null }, { details: { number: next }, at: now });
    return next;
  });
  const summaries = (await listVersionSummaries(db, [id])).get(id) ?? [];
  return summaries.find((v) => v.number === number) as ReportVersionSummary;
}

export async function compareVersionsFor(db: Db, actor: Actor, id: number, from: number, to: number): Promise<ReportComparison> {
  const record = await loadRecord(db, actor, id);
  const [a, b] = await Promise.all([findVersionData(db, record.id, from), findVersionData(db, record.id, to)]);
  if (!a || !b) throw notFound('report version');
  return compareReports(a, b, { from, to });
}

/**
 * The report of a scope and year for the command line (no user: the shell is the administrator's):
 * a published version, or the draft computed now with the texts and settings saved for it (the
 * defaults if none), settings overridden if asked.
 */
export async function reportDataForScope(
  db: Db,
  scope: { organisationId: number; centreIds: number[]; year: number },
  options: {
    version?: number;
    settings?: ReportSettingsChange;
    onProgress?: (done: number, total: number, section: string) => void;
  } = {},
  now = new Date(),
): Promise<ReportData> {
  const reportId = await findReportByScope(db, scope.organisationId, scope.centreIds, scope.year);
  const record = reportId === undefined ? undefined : await findReportRecord(db, reportId, scope.organisationId, scope.centreIds);
  if (options.version !== undefined) {
    const data = record ? await findVersionData(db, record.id, options.version) : undefined;
    if (!data) throw notFound(`version ${options.version} of the ${scope.year} report`);
    return data;
  }
  const base: DraftSource = record ?? { ...scope, settings: DEFAULT_REPORT_SETTINGS, narratives: {}, freeBlocks: [] };
  const settings = changeSettings(base.settings, options.settings ?? {});
  return computeReportData(db, draftInput({ ...base, settings }, now, options.onProgress));
}
