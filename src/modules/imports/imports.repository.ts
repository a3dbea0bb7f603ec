/**
 * All the SQL of imports: the import rows, their rejects and saved mappings, the keys the
 * matching reads (the centre's people, the fingerprints of rows imported before), the ids the
 * writing allocates, and what undo checks and deletes.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/database.js';
import { inIdBatches, readPage } from '../../db/paging.js';
import { saveRowByKey, withUserName } from '../../db/queries.js';
import type { ImportsTable } from '../../db/schema/imports.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export type ImportRow = Omit<ImportsTable, 'id' | 'version' | 'progressDone' | 'progressTotal'> & {
  id: number;
  version: number;
  progressDone: number;
  progressTotal: number;
};

export type ImportRowWithCreator = ImportRow & { creatorName: string | null };

export type NewImportRow = Omit<ImportRow, 'id' | 'version' | 'progressDone' | 'progressTotal' | 'createdAt' | 'updatedAt'>;

export async function insertImport(db: Db, values: NewImportRow, stamp: string): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({ ...values, createdAt: stamp, updatedAt: stamp, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const selectImports = (db: Db) => withUserName(db, 'imports', 'createdBy', 'creatorName');

/** One import, if of one of these centres. */
export async function findImport(db: Db, id: number, centreIds: readonly number[]): Promise<ImportRowWithCreator | undefined> {
  if (centreIds.length === 0) return undefined;
  return (await selectImports(db).where('imports.id', '=', id).where('imports.centreId', 'in', centreIds).executeTakeFirst()) as
    | ImportRowWithCreator
    | undefined;
}

export async function listImports(db: Db, centreIds: readonly number[], page: number, pageSize: number) {
  if (centreIds.length === 0) return { rows: [] as ImportRowWithCreator[], total: 0 };
  const { rows, total } = await readPage(
    selectImports(db).where('imports.centreId', 'in', centreIds).orderBy('imports.createdAt', 'desc').orderBy('imports.id', 'desc'),
    db.selectFrom('imports').where('centreId', 'in', centreIds),
    page,
    pageSize,
  );
  return { rows: rows as ImportRowWithCreator[], total };
}

/** Changes an import's columns and moves its version on; false if the version read is not the stored one. */
export async function updateImportIfVersion(
  db: Db,
  id: number,
  version: number,
  changes: Partial<ImportRow>,
  stamp: string,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ ...changes, updatedAt: stamp, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Changes an import's columns (a job's progress and outcome): the version moves on, a stale page learns it. */
export async function updateImport(db: Db, id: number, changes: Partial<ImportRow>, stamp: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ ...changes, updatedAt: stamp, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Progress only: no new version (the page polls it; a change it made is not lost to it). */
export async function updateProgress(db: Db, id: number, done: number, total: number): Promise<void> {
  await db.updateTable('imports').set({ progressDone: done, progressTotal: total }).where('id', '=', id).execute();
}

export async function deleteImportRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('importRejects').where('importId', '=', id).execute();
  await db.deleteFrom('importRecordRanges').where('importId', '=', id).execute();
  await db.deleteFrom('importRows').where('importId', '=', id).execute();
  await db.deleteFrom('imports').where('id', '=', id).execute();
}

/** Imports a job was running when the server stopped. */
export async function findUnfinishedImports(db: Db) {
  return db.selectFrom('imports').select(['id', 'status', 'centreId']).where('status', 'in', ['analysing', 'importing']).execute();
}

// --- rejects ------------------------------------------------------------------------------------

export interface RejectToStore {
  rowNumber: number;
  columnName: string | null;
  code: string;
  params: string | null;
  cells: string;
}

export async function deleteRejects(db: Db, importId: number): Promise<void> {
  await db.deleteFrom('importRejects').where('importId', '=', importId).execute();
}

/** Stores a batch of rejects (a few hundred at a time: under both databases' parameter limits). */
export async function insertRejects(db: Db, importId: number, rejects: readonly RejectToStore[]): Promise<void> {
  for (let start = 0; start < rejects.length; start += 500) {
    await db
      .insertInto('importRejects')
      .values(rejects.slice(start, start + 500).map((r) => ({ importId, ...r })))
      .execute();
  }
}

export async function listRejects(db: Db, importId: number, page: number, pageSize: number) {
  const matching = db.selectFrom('importRejects').where('importId', '=', importId);
  return readPage(
    matching.select(['rowNumber', 'columnName', 'code', 'params', 'cells']).orderBy('rowNumber').orderBy('id'),
    matching,
    page,
    pageSize,
  );
}

/** Every reject of an import in row order, a batch at a time (the spreadsheet of rejected rows). */
export function streamRejects(db: Db, importId: number) {
  const rejects = db
    .selectFrom('importRejects')
    .select(['id', 'rowNumber', 'columnName', 'code', 'params', 'cells'])
    .where('importId', '=', importId);
  return inIdBatches(rejects, 'id', 1000);
}

// --- saved mappings -----------------------------------------------------------------------------

export async function findSavedMapping(db: Db, organisationId: number, kind: string, headerKey: string) {
  return db
    .selectFrom('importMappings')
    .select(['mapping', 'valueMappings'])
    .where('organisationId', '=', organisationId)
    .where('kind', '=', kind)
    .where('headerKey', '=', headerKey)
    .executeTakeFirst();
}

export async function saveMapping(
  db: Db,
  values: { organisationId: number; kind: string; headerKey: string; mapping: string; valueMappings: string },
  stamp: string,
): Promise<void> {
  await saveRowByKey(db, 'importMappings', ['organisationId', 'kind', 'headerKey'], { ...values, updatedAt: stamp });
}

// --- what the rows are matched against ----------------------------------------------------------

export interface RegisterPerson {
  id: number;
  givenNames: string;
  familyNames: string;
  birthDate: string | null;
  fiscalCode: string | null;
  gender: string;
  citizenship: string;
  residenceKind: string;
  residenceComune: string | null;
}

/** The keys of every person of a centre, read once (a batch at a time) for the matching. */
export function centrePeople(db: Db, centreId: number): AsyncGenerator<RegisterPerson[]> {
  const people = db
    .selectFrom('people')
    .select(['id', 'givenNames', 'familyNames', 'birthDate', 'fiscalCode', 'gender', 'citizenship', 'residenceKind', 'residenceComune'])
    .where('centreId', '=', centreId);
  return inIdBatches(people, 'id', 10_000);
}

/** The fingerprints of the rows written by the centre's imports of this kind (but `exceptImportId`'s). */
export async function importedFingerprints(db: Db, centreId: number, kind: string, exceptImportId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('importRows')
    .select('fingerprint')
    // By the imports' ids: the rows' primary key starts with them (no index on the fingerprints).
    .where('importId', 'in', (eb) =>
      eb.selectFrom('imports').select('id').where('centreId', '=', centreId).where('kind', '=', kind).where('id', '<>', exceptImportId),
    )
    .execute();
  return new Set(rows.map((r) => r.fingerprint));
}

/** The centre's courses and the organisation's request topics, which values are matched against. */
export async function importLookups(db: Db, organisationId: number, centreId: number) {
  const [topics, courses] = await Promise.all([
    db
      .selectFrom('requestTopics')
      .select(['id', 'code', 'labelIt', 'labelEn'])
      .where('organisationId', '=', organisationId)
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .execute(),
    db.selectFrom('courses').select(['id', 'title', 'startDate']).where('centreId', '=', centreId).orderBy('startDate').execute(),
  ]);
  return { topics, courses };
}

/** The people who have an open case (one open case a person at a time). */
export async function peopleWithOpenCase(db: Db, centreId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('caseMembers')
    .innerJoin('cases', 'cases.id', 'caseMembers.caseId')
    .select('caseMembers.personId')
    .where('cases.centreId', '=', centreId)
    .where('cases.status', '=', 'open')
    .where('caseMembers.personId', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.personId as number));
}

// --- writing ------------------------------------------------------------------------------------

/**
 * Hands out new ids of a table inside the import's transaction: `reserve` (a query now and then)
 * makes sure that ids are ready, `take` hands them out without a query. PostgreSQL: taken from
 * the table's identity sequence, a block at a time (so a desk writing meanwhile never collides);
 * SQLite: after the largest id (the transaction holds the only write lock).
 */
export class IdAllocator {
  private ids: number[] = [];
  private nextSqlite = 0;

  constructor(
    private readonly db: Db,
    private readonly table: 'people' | 'visits' | 'cases' | 'residencePermits' | 'enrolments',
  ) {}

  /** How many ids `take` can hand out now. */
  get ready(): number {
    return this.nextSqlite > 0 ? Number.POSITIVE_INFINITY : this.ids.length;
  }

  /** Makes `count` ids ready at least. */
  async reserve(count: number): Promise<void> {
    if (this.ready >= count) return;
    if (isPostgres(this.db)) {
      const name = this.table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const block = Math.max(2000, count - this.ids.length);
      const { rows } = await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence(${name}, 'id'))::int as id from generate_series(1, ${block})`.execute(this.db);
      // Popped from the end: the ids left from before go first, then the new block in order.
      this.ids = rows
        .map((r) => Number(r.id))
        .reverse()
        .concat(this.ids);
      return;
    }
    const row = await this.db
      .selectFrom(this.table as 'people')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    this.nextSqlite = Number(row.m ?? 0) + 1;
  }

  /** The next id (one was reserved). */
  take(): number {
    if (this.nextSqlite > 0) return this.nextSqlite++;
    const id = this.ids.pop();
    if (id === undefined) throw new Error(`No ${this.table} id reserved`);
    return id;
  }
}

/** The kinds of record an import creates, as its ledger names them. */
export type ImportedEntity = 'person' | 'visit' | 'case' | 'permit' | 'enrolment';

/** The runs of consecutive ids of the records an import created, by kind (a few runs each). */
export type ImportedRanges = Record<ImportedEntity, Array<[number, number]>>;

/** Writes the runs of ids an import created (one row a run). */
export async function insertRecordRanges(db: Db, importId: number, ranges: ImportedRanges): Promise<void> {
  const rows = Object.entries(ranges).flatMap(([entity, runs]) => runs.map(([firstId, lastId]) => ({ importId, entity, firstId, lastId })));
  // A few rows each (the number of values a statement takes is bounded on SQLite).
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('importRecordRanges')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function recordRangesOf(db: Db, importId: number): Promise<ImportedRanges> {
  const rows = await db
    .selectFrom('importRecordRanges')
    .select(['entity', 'firstId', 'lastId'])
    .where('importId', '=', importId)
    .orderBy('entity')
    .orderBy('firstId')
    .execute();
  const ranges: ImportedRanges = { person: [], visit: [], case: [], permit: [], enrolment: [] };
  for (const r of rows) ranges[r.entity as ImportedEntity]?.push([r.firstId, r.lastId]);
  return ranges;
}

/**
 * A condition: `column` is within one of the runs (false when there is none). An OR of ranges on
 * one indexed column: both databases read each range from the index.
 */
function within(column: string, runs: Array<[number, number]>) {
  // biome-ignore lint/suspicious/noExplicitAny: one condition for the columns of every table
  return (eb: any) => eb.or(runs.map(([first, last]) => eb.between(column, first, last)));
}

/** A condition: `column` is not within any of the runs. */
function outside(column: string, runs: Array<[number, number]>) {
  // biome-ignore lint/suspicious/noExplicitAny: one condition for the columns of every table
  return (eb: any) => eb.not(within(column, runs)(eb));
}

/** The people whose permits an import wrote (or is about to remove): which are superseded is set again. */
export async function permitHoldersOf(db: Db, ranges: ImportedRanges): Promise<number[]> {
  if (ranges.permit.length === 0) return [];
  const rows = await db.selectFrom('residencePermits').select('personId').distinct().where(within('id', ranges.permit)).execute();
  return rows.map((r) => r.personId);
}

// --- undo ---------------------------------------------------------------------------------------

async function count(query: { select: (f: (eb: never) => unknown) => unknown }): Promise<number> {
  // biome-ignore lint/suspicious/noExplicitAny: every count reads one column n
  const row = await (query as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many records refer to what the import created without being from it, or changed it
 * since: a visit, case, document, enrolment, membership, application… of one of its people,
 * a correction of one of its visits, cases, permits or enrolments, a note or plan of its cases,
 * attendance of its enrolments. Undo is allowed only at 0.
 */
export async function countRecordsInUse(db: Db, importId: number, ranges: ImportedRanges): Promise<number> {
  const { person: people, visit: visits, case: cases, permit: permits, enrolment: enrolments } = ranges;
  const counts = await Promise.all([
    count(db.selectFrom('visits').where(within('personId', people)).where(outside('id', visits))),
    count(db.selectFrom('visits').where(within('id', visits)).where('version', '>', 1)),
    count(db.selectFrom('caseMembers').where(within('personId', people)).where(outside('caseId', cases))),
    count(db.selectFrom('cases').where(within('id', cases)).where('version', '>', 1)),
    count(db.selectFrom('cases').where(within('visitId', visits))),
    count(db.selectFrom('caseNotes').where(within('caseId', cases))),
    count(db.selectFrom('caseGoals').where(within('caseId', cases))),
    count(db.selectFrom('referrals').where(within('caseId', cases))),
    count(
      db
        .selectFrom('casePeriods')
        .where(within('caseId', cases))
        .where('createdAt', '>', (eb) => eb.selectFrom('imports').select('finishedAt').where('id', '=', importId)),
    ),
    count(db.selectFrom('residencePermits').where(within('personId', people)).where(outside('id', permits))),
    count(db.selectFrom('residencePermits').where(within('id', permits)).where('version', '>', 1)),
    count(db.selectFrom('identityDocuments').where(within('personId', people))),
    count(db.selectFrom('enrolments').where(within('personId', people)).where(outside('id', enrolments))),
    count(db.selectFrom('enrolments').where(within('id', enrolments)).where('version', '>', 1)),
    count(db.selectFrom('attendance').where(within('enrolmentId', enrolments))),
    count(db.selectFrom('householdMembers').where(within('personId', people))),
    count(db.selectFrom('applications').where((eb) => eb.or([within('personId', people)(eb), within('visitId', visits)(eb)]))),
    count(db.selectFrom('pcStationUses').where(within('personId', people))),
    count(db.selectFrom('eventParticipants').where(within('personId', people))),
    count(db.selectFrom('waitingListEntries').where(within('personId', people))),
    count(db.selectFrom('people').where(within('id', people)).where('version', '>', 1)),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/** Deletes what the import created, children first, and its rows' fingerprints (the file may come again). */
export async function deleteImportedRecords(db: Db, importId: number, ranges: ImportedRanges): Promise<Record<string, number>> {
  const { person: people, visit: visits, case: cases, permit: permits, enrolment: enrolments } = ranges;
  const deleted: Record<string, number> = {};
  const run = async (name: string, query: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> }) => {
    const result = await query.executeTakeFirst();
    if (name) deleted[name] = Number(result.numDeletedRows);
  };
  await run('', db.deleteFrom('visitTopics').where(within('visitId', visits)));
  await run('visits', db.deleteFrom('visits').where(within('id', visits)));
  await run('enrolments', db.deleteFrom('enrolments').where(within('id', enrolments)));
  await run('permits', db.deleteFrom('residencePermits').where(within('id', permits)));
  await run('', db.deleteFrom('casePeriods').where(within('caseId', cases)));
  await run('', db.deleteFrom('caseMembers').where(within('caseId', cases)));
  await run('cases', db.deleteFrom('cases').where(within('id', cases)));
  await run('', db.deleteFrom('personNameTokens').where(within('personId', people)));
  await run('people', db.deleteFrom('people').where(within('id', people)));
  await db.deleteFrom('importRecordRanges').where('importId', '=', importId).execute();
  await db.deleteFrom('importRows').where('importId', '=', importId).execute();
  return deleted;
}

/** An import as a background job reads it (by its id alone: the job was started by someone allowed), if still there. */
export async function findImportForJob(db: Db, importId: number): Promise<ImportRowWithCreator | undefined> {
  return (await selectImports(db).where('imports.id', '=', importId).executeTakeFirst()) as ImportRowWithCreator | undefined;
}
