/**
 * Imports of a centre's old registers: upload (the file kept under the import directory and
 * inspected), the dry run and the import as jobs, the mapping's changes, undo, the rejects.
 * Every step is bounded by the actor's centres and audited; the rules of each job are in
 * analyse.usecases.ts (dry run) and write.usecases.ts (the import).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import {
  IMPORT_MAX_BYTES,
  type Import,
  type ImportListQuery,
  type ImportSummary,
  type ImportUpdateInput,
  type ImportUploadQuery,
} from '../../contracts/imports.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { acceptsField, headerKey, missingRequired, recogniseColumns } from '../../domain/imports/columns.js';
import type { ImportFieldKey, ImportKind } from '../../domain/imports/fields.js';
import { type FieldProblem, notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { recordAudit, recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { markSupersededPermits } from '../documents/documents.repository.js';
import { peopleOfCentre } from '../households/households.repository.js';
import { analyseImport } from './analyse.usecases.js';
import { decisionsPending, fileMissing, fileTooLarge, recordsInUse, wrongStatus } from './imports.errors.js';
import {
  countRecordsInUse,
  deleteImportedRecords,
  deleteImportRow,
  findImport,
  findSavedMapping,
  findUnfinishedImports,
  type ImportRowWithCreator,
  insertImport,
  listImports,
  permitHoldersOf,
  recordRangesOf,
  saveMapping,
  updateImport,
  updateImportIfVersion,
} from './imports.repository.js';
import type { ImportJobs } from './jobs.js';
import { inspectFile } from './read/sheet.js';
import type { ColumnMapping, ValueMappings } from './read/types.js';
import { removeStoredFile, writeImport } from './write.usecases.js';

type Db = Kysely<Database>;

/** What the use cases need beside the database: the jobs and where files are kept. */
export interface ImportContext {
  db: Db;
  jobs: ImportJobs;
  importDir: string;
}

/** The acting user's id as stored (the command line acts as nobody: 0). */
const userIdOf = (actor: Actor) => (actor.userId > 0 ? actor.userId : null);

async function audit(
  db: Db,
  actor: Actor,
  action: 'create' | 'update' | 'delete',
  row: { id: number; centreId: number },
  details: Record<string, unknown>,
) {
  await recordAudit(db, { userId: userIdOf(actor), centreId: row.centreId, action, entity: 'import', entityId: row.id, details });
}

// --- the answer -----------------------------------------------------------------------------------

function toImport(row: ImportRowWithCreator, jobs: ImportJobs, canUndo: boolean): Import {
  const running = jobs.progressOf(row.id);
  return {
    id: row.id,
    version: row.version,
    centreId: row.centreId,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    fileSize: row.fileSize,
    format: row.format as 'xlsx' | 'csv',
    encoding: row.encoding,
    delimiter: row.delimiter,
    status: row.status,
    progress: running ?? { done: row.progressDone, total: row.progressTotal },
    headers: JSON.parse(row.headers) as string[],
    mapping: JSON.parse(row.mapping) as ColumnMapping,
    valueMappings: JSON.parse(row.valueMappings) as Record<string, Record<string, string | null>>,
    summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
    failure: row.failure ? (JSON.parse(row.failure) as Import['failure']) : null,
    createdBy: row.createdBy !== null && row.creatorName !== null ? { id: row.createdBy, displayName: row.creatorName } : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    undoneAt: row.undoneAt,
    canUndo,
  };
}

async function undoable(db: Db, row: ImportRowWithCreator): Promise<boolean> {
  return row.status === 'imported' && (await countRecordsInUse(db, row.id, await recordRangesOf(db, row.id))) === 0;
}

async function readImport(ctx: ImportContext, actor: Actor, id: number): Promise<Import> {
  const row = await loadImport(ctx.db, actor, id);
  return toImport(row, ctx.jobs, await undoable(ctx.db, row));
}

/** The import, if it is of one of the actor's centres (else 404). */
export function loadImport(db: Db, actor: Actor, id: number): Promise<ImportRowWithCreator> {
  return findImport(db, id, actor.centreIds).then((row) => {
    if (!row) throw notFound('import');
    return row;
  });
}

/**
 * One import. Its doubtful matches name people of the register (names, birth date): reading
 * them is logged like a list that names people (not while a job runs and the page polls).
 */
export async function getImport(ctx: ImportContext, actor: Actor, id: number): Promise<Import> {
  const item = await readImport(ctx, actor, id);
  if (item.status === 'analysed' && item.summary) {
    const candidates = item.summary.doubtful.flatMap((doubtful) => doubtful.candidates.map((candidate) => candidate.id));
    await recordListing(ctx.db, actor.userId, 'import_candidate', candidates);
  }
  return item;
}

export async function listImportsFor(ctx: ImportContext, actor: Actor, query: ImportListQuery) {
  const { rows, total } = await listImports(ctx.db, centreScope(actor, query.centreId), query.page, query.pageSize);
  const items: Import[] = [];
  for (const row of rows) items.push(toImport(row, ctx.jobs, await undoable(ctx.db, row)));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// --- upload ---------------------------------------------------------------------------------------

/** Writes the body to `path`, hashing it and stopping past the limit (the partial file removed). */
async function receiveFile(body: Readable, path: string, limit: number): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(fileTooLarge({ limit }));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    // The rest of the body is read and dropped, so that the client hears the answer.
    body.resume();
    throw error;
  }
  return { size, sha256: hash.digest('hex') };
}

export interface Started {
  import: Import;
  /** The job just started: it records its own outcome (tests and the command line wait on it). */
  job: Promise<void>;
}

/** The dry run, as a job of the server's runner. */
function startAnalysis(ctx: ImportContext, id: number, organisationId: number): Promise<void> {
  return ctx.jobs.start(id, (progress) => analyseImport(ctx.db, id, organisationId, progress));
}

/**
 * Receives a register (the request's body, streamed to a file), inspects it (a file that is not a
 * readable spreadsheet is refused and leaves nothing behind), maps its columns (the mapping saved
 * for files of the same shape, or the headers recognised), and starts the dry run.
 */
export async function uploadImport(
  ctx: ImportContext,
  actor: Actor,
  query: ImportUploadQuery,
  body: Readable,
  declaredLength?: number,
  limit = IMPORT_MAX_BYTES,
): Promise<Started> {
  const centreId = targetCentre(actor, query.centreId);
  if (declaredLength !== undefined && declaredLength > limit) {
    body.resume();
    throw fileTooLarge({ limit });
  }
  await mkdir(ctx.importDir, { recursive: true, mode: 0o700 });
  const extension = /\.(xlsx|csv|txt)$/i.exec(query.fileName)?.[0]?.toLowerCase() ?? '';
  const path = join(ctx.importDir, `${randomUUID()}${extension}`);
  const { size, sha256 } = await receiveFile(body, path, limit);
  let info: Awaited<ReturnType<typeof inspectFile>>;
  try {
    info = await inspectFile(path);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const kind = query.kind;
  const saved = await findSavedMapping(ctx.db, actor.organisationId, kind, headerKey(info.headers));
  const mapping = saved
    ? fitMapping(JSON.parse(saved.mapping) as ColumnMapping, info.headers.length)
    : recogniseColumns(kind, info.headers);
  const stamp = new Date().toISOString();
  let id: number;
  try {
    id = await inTransaction(ctx.db, async (trx) => {
      const newId = await insertImport(
        trx,
        {
          centreId,
          kind,
          fileName: query.fileName,
          fileSize: size,
          fileSha256: sha256,
          format: info.format,
          encoding: info.encoding,
          delimiter: info.delimiter,
          storedPath: path,
          headers: JSON.stringify(info.headers),
          mapping: JSON.stringify(mapping),
          valueMappings: saved?.valueMappings ?? '{}',
          decisions: '{}',
          status: 'analysing',
          summary: null,
          failure: null,
          createdBy: userIdOf(actor),
          finishedAt: null,
          undoneAt: null,
          undoneBy: null,
        },
        stamp,
      );
      await audit(
        trx,
        actor,
        'create',
        { id: newId, centreId },
        { kind, format: info.format, size, columns: info.headers.length, savedMapping: Boolean(saved) },
      );
      return newId;
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const job = startAnalysis(ctx, id, actor.organisationId);
  return { import: await readImport(ctx, actor, id), job };
}

/** A saved mapping on this file's columns (the same shape has the same count; kept safe anyway). */
function fitMapping(mapping: ColumnMapping, columns: number): ColumnMapping {
  const fitted: ColumnMapping = {};
  for (let column = 0; column < columns; column++) fitted[String(column)] = mapping[String(column)] ?? null;
  return fitted;
}

// --- changes before importing ---------------------------------------------------------------------

const CHANGEABLE = new Set(['analysing', 'analysed', 'failed']);

/**
 * Changes the mapping of columns, the answers to unmatched values or the decisions on doubtful
 * people; saves the mapping for the next file of the same shape; runs the dry run again.
 */
export async function updateImportFor(ctx: ImportContext, actor: Actor, id: number, input: ImportUpdateInput): Promise<Started> {
  const row = await loadImport(ctx.db, actor, id);
  if (!CHANGEABLE.has(row.status) || (ctx.jobs.isRunning(id) && row.status !== 'analysing')) throw wrongStatus({ status: row.status });
  if (row.version !== input.version) throw staleVersion(row.version);
  const kind = row.kind as ImportKind;
  const headers = JSON.parse(row.headers) as string[];
  const problems: FieldProblem[] = [];
  let mapping = JSON.parse(row.mapping) as ColumnMapping;
  if (input.mapping) {
    mapping = { ...mapping };
    const seen = new Map<ImportFieldKey, string>();
    for (const [column, field] of Object.entries(input.mapping)) {
      if (Number(column) >= headers.length) {
        problems.push({ field: `mapping.${column}`, code: 'import.column_unknown', params: { column: Number(column) + 1 } });
        continue;
      }
      if (field !== null && !acceptsField(kind, field)) {
        problems.push({ field: `mapping.${column}`, code: 'import.field_not_of_kind', params: { field } });
        continue;
      }
      mapping[column] = field;
    }
    for (const [column, field] of Object.entries(mapping)) {
      if (field === null) continue;
      const other = seen.get(field);
      if (other !== undefined)
        problems.push({ field: `mapping.${column}`, code: 'import.field_twice', params: { field, column: Number(other) + 1 } });
      else seen.set(field, column);
    }
    for (const requirement of missingRequired(kind, mapping)) {
      problems.push({
        field: 'mapping',
        code: 'import.field_required',
        params: { fields: requirement.map((fields) => fields.join('+')).join(' / ') },
      });
    }
  }
  let valueMappings = JSON.parse(row.valueMappings) as ValueMappings;
  if (input.valueMappings) {
    valueMappings = { ...valueMappings };
    for (const [field, answers] of Object.entries(input.valueMappings) as Array<[ImportFieldKey, Record<string, string | null>]>) {
      if (!acceptsField(kind, field))
        problems.push({ field: `valueMappings.${field}`, code: 'import.field_not_of_kind', params: { field } });
      else valueMappings[field] = { ...(valueMappings[field] ?? {}), ...answers };
    }
  }
  let decisions = JSON.parse(row.decisions) as Record<string, 'new' | number>;
  if (input.decisions) {
    const ids = Object.values(input.decisions).filter((d): d is number => typeof d === 'number');
    const ofCentre = new Set(await peopleOfCentre(ctx.db, ids, row.centreId));
    for (const [key, decision] of Object.entries(input.decisions)) {
      if (typeof decision === 'number' && !ofCentre.has(decision)) {
        problems.push({ field: `decisions.${key}`, code: 'import.person_not_in_centre', params: { id: decision } });
      }
    }
    decisions = { ...decisions, ...input.decisions };
  }
  if (problems.length > 0) throw validationFailed(problems);

  const stamp = new Date().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const changed = await updateImportIfVersion(
      trx,
      id,
      input.version,
      {
        mapping: JSON.stringify(mapping),
        valueMappings: JSON.stringify(valueMappings),
        decisions: JSON.stringify(decisions),
        status: 'analysing',
        failure: null,
        progressDone: 0,
        progressTotal: 0,
      },
      stamp,
    );
    if (!changed) throw staleVersion(row.version);
    if (input.mapping || input.valueMappings) {
      await saveMapping(
        trx,
        {
          organisationId: actor.organisationId,
          kind,
          headerKey: headerKey(headers),
          mapping: JSON.stringify(mapping),
          valueMappings: JSON.stringify(valueMappings),
        },
        stamp,
      );
    }
    await audit(trx, actor, 'update', row, { step: 'mapping', fields: Object.keys(input).filter((k) => k !== 'version') });
  });
  const job = startAnalysis(ctx, id, actor.organisationId);
  return { import: await readImport(ctx, actor, id), job };
}

/** Discards an import not imported: its row, rejects and file go. */
export async function discardImport(ctx: ImportContext, actor: Actor, id: number): Promise<void> {
  const row = await loadImport(ctx.db, actor, id);
  if (row.status === 'importing' || row.status === 'imported' || ctx.jobs.isRunning(id)) throw wrongStatus({ status: row.status });
  await inTransaction(ctx.db, async (trx) => {
    await deleteImportRow(trx, id);
    await audit(trx, actor, 'delete', row, { kind: row.kind, status: row.status });
  });
  if (row.storedPath) await removeStoredFile(row.storedPath);
}

// --- the import and its undo ------------------------------------------------------------------------

/** Starts the import of an analysed register: 202, then the job writes it all or nothing. */
export async function runImport(ctx: ImportContext, actor: Actor, id: number, version: number): Promise<Started> {
  const row = await loadImport(ctx.db, actor, id);
  const summary = row.summary ? (JSON.parse(row.summary) as ImportSummary) : null;
  if (!summary || !(row.status === 'analysed' || row.status === 'failed') || ctx.jobs.isRunning(id))
    throw wrongStatus({ status: row.status });
  if (row.version !== version) throw staleVersion(row.version);
  if ((summary.undecided ?? 0) > 0) throw decisionsPending({ count: summary.undecided ?? 0 });
  if (!row.storedPath || !(await stat(row.storedPath).catch(() => null))) throw fileMissing();
  const stamp = new Date().toISOString();
  const changed = await updateImportIfVersion(
    ctx.db,
    id,
    version,
    { status: 'importing', failure: null, progressDone: 0, progressTotal: summary.rows },
    stamp,
  );
  if (!changed) throw staleVersion(row.version);
  const runner = { userId: userIdOf(actor), organisationId: actor.organisationId };
  const job = ctx.jobs.start(id, (progress) => writeImport(ctx.db, id, runner, progress));
  return { import: await readImport(ctx, actor, id), job };
}

/**
 * Undoes an import while nothing has been attached to its records since: they are deleted in
 * one transaction (they were never really there: the statistics lose them too), its rows'
 * fingerprints go (the file may be imported again), and it is marked undone.
 */
export async function undoImport(ctx: ImportContext, actor: Actor, id: number, version: number): Promise<Import> {
  const row = await loadImport(ctx.db, actor, id);
  if (row.status !== 'imported') throw wrongStatus({ status: row.status });
  if (row.version !== version) throw staleVersion(row.version);
  await inTransaction(ctx.db, async (trx) => {
    const ranges = await recordRangesOf(trx, id);
    const inUse = await countRecordsInUse(trx, id, ranges);
    if (inUse > 0) throw recordsInUse({ count: inUse });
    const holders = await permitHoldersOf(trx, ranges);
    const deleted = await deleteImportedRecords(trx, id, ranges);
    for (const personId of holders) await markSupersededPermits(trx, personId);
    const now = new Date().toISOString();
    const changed = await updateImportIfVersion(trx, id, version, { status: 'undone', undoneAt: now, undoneBy: userIdOf(actor) }, now);
    if (!changed) throw staleVersion(row.version);
    await audit(trx, actor, 'update', row, { step: 'undo', deleted });
  });
  return readImport(ctx, actor, id);
}

// --- the server's start ---------------------------------------------------------------------------

/** On start: an import a stopped server left analysing or importing is failed (nothing was half-written). */
export async function markInterruptedImports(db: Db): Promise<number> {
  const rows = await findUnfinishedImports(db);
  const stamp = new Date().toISOString();
  for (const row of rows) {
    await updateImport(
      db,
      row.id,
      { status: 'failed', failure: JSON.stringify({ code: 'import.interrupted', params: { during: row.status } }) },
      stamp,
    );
    await recordAudit(db, {
      userId: null,
      centreId: row.centreId,
      action: 'update',
      entity: 'import',
      entityId: row.id,
      details: { step: 'interrupted', during: row.status },
    });
  }
  return rows.length;
}
