/**
 * How a background job of an import (the dry run, the writing) ends when it fails: the import is
 * marked failed with the reason (a problem's code and values, which the page words); anything
 * unexpected is logged (its message only: no row's data) and kept as the job's own code.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors/index.js';
import { updateImport } from './imports.repository.js';

export async function failImport(
  db: Kysely<Database>,
  importId: number,
  error: unknown,
  unexpected: { code: string; what: string },
): Promise<void> {
  let failure: { code: string; params?: Record<string, unknown> };
  if (error instanceof AppError) failure = { code: error.code, params: error.extra };
  else {
    console.error(`Import ${importId}: ${unexpected.what}`, error instanceof Error ? error.message : error);
    failure = { code: unexpected.code };
  }
  await updateImport(db, importId, { status: 'failed', failure: JSON.stringify(failure) }, new Date().toISOString());
}
