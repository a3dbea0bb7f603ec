/**
 * How a background job of an import (the dry run, the writing) ends when it fails: the import is
 * marked failed with the reason (a problem's code and values, which the page words); anything
 * unexpected is logged (its message only: no row's data) and kept as the job's own code.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors/index.js';
import { findImportForJob, type ImportRowWithCreator, updateImport } from './imports.repository.js';

type Db = Kysely<Database>;

/** What a job tells of its rows as it goes: how many done, of how many. */
export type JobProgress = (done: number, total: number) => void;

/**
 * A background job of an import made from its `step` (the dry run, the writing): the import's
 * row read (none: nothing to do), the step run with it, and a step that throws ends as
 * failImport says (`unexpected`: the job's own code).
 */
export function importJob<Arg>(
  unexpected: { code: string; what: string },
  step: (db: Db, row: ImportRowWithCreator, arg: Arg, progress: JobProgress) => Promise<void>,
) {
  return async (db: Db, importId: number, arg: Arg, progress: JobProgress = () => {}): Promise<void> => {
    const row = await findImportForJob(db, importId);
    if (!row) return;
    try {
      await step(db, row, arg, progress);
    } catch (error) {
      await failImport(db, importId, error, unexpected);
    }
  };
}

async function failImport(db: Db, importId: number, error: unknown, unexpected: { code: string; what: string }): Promise<void> {
  let failure: { code: string; params?: Record<string, unknown> };
  if (error instanceof AppError) failure = { code: error.code, params: error.extra };
  else {
    console.error(`Import ${importId}: ${unexpected.what}`, error instanceof Error ? error.message : error);
    failure = { code: unexpected.code };
  }
  await updateImport(db, importId, { status: 'failed', failure: JSON.stringify(failure) }, new Date().toISOString());
}
