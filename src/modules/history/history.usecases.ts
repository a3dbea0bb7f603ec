/**
 * The years before the records: the figures a centre published before Approdo, typed by its
 * coordinator (reports.write) and read by everyone of the centre (statistics.read: they are
 * aggregates). Bounded by the actor's centres, checked by domain/history.ts, audited.
 * The report reads them through historicalComparison (reports/sections/historical.ts).
 */
import type { Kysely } from 'kysely';
import type {
  HistoricalFigures,
  HistoricalFiguresCreateInput,
  HistoricalFiguresQuery,
  HistoricalFiguresUpdateInput,
} from '../../contracts/history.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, deleteVersioned, insertVersioned, updateVersioned } from '../../db/versioned.js';
import { HISTORICAL_VALUE_KEYS, type HistoricalValues, historicalProblems } from '../../domain/history.js';
import { staleVersion, validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { yearTaken } from './history.errors.js';
import {
  centreYear,
  findHistoricalFigures,
  type HistoricalFiguresRow,
  historicalFiguresIdOf,
  listHistoricalFigures,
  type RecordYears,
  recordYears,
} from './history.repository.js';

type Db = Kysely<Database>;

const ENTITY = 'historical_figures';

const valuesOf = (from: Partial<HistoricalValues>, fallback?: HistoricalValues): HistoricalValues =>
  Object.fromEntries(
    HISTORICAL_VALUE_KEYS.map((key) => [key, from[key] !== undefined ? from[key] : (fallback?.[key] ?? null)]),
  ) as unknown as HistoricalValues;

function check(values: HistoricalValues): void {
  const problems = historicalProblems(values);
  if (problems.length > 0) throw validationFailed(problems);
}

const withRecords = (row: HistoricalFiguresRow, records: RecordYears): HistoricalFigures => {
  const key = centreYear(row.centreId, row.year);
  return { ...row, records: { visits: records.visits.has(key), inCare: records.inCare.has(key), enrolments: records.enrolments.has(key) } };
};

async function readWithRecords(db: Db, rows: HistoricalFiguresRow[]): Promise<HistoricalFigures[]> {
  if (rows.length === 0) return [];
  const years = rows.map((r) => r.year);
  const centres = [...new Set(rows.map((r) => r.centreId))];
  const records = await recordYears(db, centres, Math.min(...years), Math.max(...years));
  return rows.map((row) => withRecords(row, records));
}

async function readOne(db: Db, id: number, centreId: number): Promise<HistoricalFigures> {
  const row = await orNotFound(findHistoricalFigures(db, id, [centreId]), 'historical figures');
  return (await readWithRecords(db, [row]))[0] as HistoricalFigures;
}

/** A centre's (or all the actor's centres') published figures, newest year first, each saying whether records cover its year. */
export async function listHistoricalFiguresFor(db: Db, actor: Actor, query: HistoricalFiguresQuery): Promise<HistoricalFigures[]> {
  return readWithRecords(db, await listHistoricalFigures(db, centreScope(actor, query.centreId)));
}

export async function createHistoricalFigures(
  db: Db,
  actor: Actor,
  input: HistoricalFiguresCreateInput,
  now = new Date(),
): Promise<HistoricalFigures> {
  const centreId = targetCentre(actor, input.centreId);
  const values = valuesOf(input);
  check(values);
  const id = await inTransaction(db, async (trx) => {
    if ((await historicalFiguresIdOf(trx, centreId, input.year)) !== undefined) throw yearTaken(input.year);
    const id = await insertVersioned(
      trx,
      'historicalFigures',
      { centreId, year: input.year, ...values, source: input.source || null, createdBy: actor.userId },
      now.toISOString(),
    );
    await recordChange(trx, actor, 'create', ENTITY, { id, centreId }, { details: { year: input.year }, at: now });
    return id;
  });
  return readOne(db, id, centreId);
}

export async function updateHistoricalFigures(
  db: Db,
  actor: Actor,
  id: number,
  input: HistoricalFiguresUpdateInput,
  now = new Date(),
): Promise<HistoricalFigures> {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findHistoricalFigures(trx, id, actor.centreIds), 'historical figures');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const next = {
      year: input.year ?? existing.year,
      ...valuesOf(input, existing),
      source: input.source !== undefined ? input.source || null : existing.source,
    };
    check(next);
    if (next.year !== existing.year) {
      const other = await historicalFiguresIdOf(trx, existing.centreId, next.year);
      if (other !== undefined && other !== id) throw yearTaken(next.year);
    }
    const fields = changedFields(next, existing);
    await updateVersioned(trx, 'historicalFigures', id, input.version, { ...next, updatedAt: now.toISOString() }, 'historical figures');
    await recordChange(
      trx,
      actor,
      'update',
      ENTITY,
      { id, centreId: existing.centreId },
      { details: { year: next.year, fields }, at: now },
    );
    return existing.centreId;
  });
  return readOne(db, id, centreId);
}

/** Deletes a year's figures (typed for the wrong year or centre): the report counts that year from the records again. */
export async function deleteHistoricalFigures(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findHistoricalFigures(trx, id, actor.centreIds), 'historical figures');
    await deleteVersioned(trx, 'historicalFigures', id, version, 'historical figures');
    await recordChange(trx, actor, 'delete', ENTITY, { id, centreId: existing.centreId }, { details: { year: existing.year }, at: now });
  });
}
