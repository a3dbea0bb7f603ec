/**
 * The import itself: the file read again and every accepted row written in ONE transaction
 * (all or nothing: on any error it rolls back and the import is failed with its reason). The
 * records are written as the desk writes them (a visit's snapshot: gender, citizenship, age band
 * on its date, origin group by its date; a case with its first period and its member's
 * snapshot; permits with `superseded` kept; enrolments with their snapshot), through the bulk
 * writer's multi-row inserts with ids handed out in blocks. Every row written leaves its
 * fingerprint (the same file again adds nothing), and the records' ids are kept as runs (for undo).
 */
import { rm, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { ImportSummary } from '../../contracts/imports.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.repository.js';
import { markSupersededPermits } from '../documents/documents.repository.js';
import { emptyTally, planInput, tallyAccepted } from './analyse.usecases.js';
import { type ImportRowWithCreator, permitHoldersOf, updateImport } from './imports.repository.js';
import { importJob, type JobProgress } from './job-failure.js';
import type { FilePerson } from './people-matching.js';
import { plannedRows, planPathOf, planRows } from './plan.js';
import { type ImportRunner, ImportWriters } from './record-writers.js';

type Db = Kysely<Database>;

const PROGRESS_EVERY = 1000;
/** The ids reserved at a time (PostgreSQL takes them from the sequences in one query). */
const ID_BLOCK = 2000;

/** The uploaded file and the dry run's plan beside it. */
export async function removeStoredFile(storedPath: string): Promise<void> {
  await rm(storedPath, { force: true });
  await rm(planPathOf(storedPath), { force: true });
}

/**
 * Writes an import (status importing): all its accepted rows in one transaction, then marks it
 * imported (the file removed) or failed (nothing written).
 */
export const writeImport = importJob<ImportRunner>(
  { code: 'import.write_failed', what: 'the import failed and wrote nothing' },
  writeAcceptedRows,
);

async function writeAcceptedRows(db: Db, row: ImportRowWithCreator, runner: ImportRunner, progress: JobProgress): Promise<void> {
  const analysed = JSON.parse(row.summary ?? 'null') as ImportSummary | null;
  const total = analysed?.rows ?? 0;
  const stamp = new Date().toISOString();
  // The dry run's accepted rows, if it kept them (else the file is read and parsed again).
  const planPath = row.storedPath ? planPathOf(row.storedPath) : null;
  const fromPlan = Boolean(planPath && analysed && (await stat(planPath).catch(() => null)));
  const summary = await inTransaction(db, async (trx) => {
    const input = await planInput(trx, row, runner.organisationId);
    const writers = new ImportWriters(trx, row, runner, stamp);
    const existing = (id: number) => {
      const p = input.people.register.byId.get(id);
      return (
        p && {
          gender: p.gender,
          citizenship: p.citizenship,
          birthDate: p.birthDate,
          residenceKind: p.residenceKind,
          residenceComune: p.residenceComune,
        }
      );
    };
    const tally = emptyTally();
    const counted = new Set<FilePerson>();
    if (fromPlan && analysed) {
      // The rows the dry run rejected or found imported before are not in its plan: counted as it counted them.
      tally.rows = analysed.rejected + analysed.alreadyImported;
      tally.rejected = analysed.rejected;
      tally.alreadyImported = analysed.alreadyImported;
    }
    for await (const planned of planRows(input, fromPlan ? plannedRows(planPath as string) : undefined)) {
      tally.rows++;
      if (planned.status === 'rejected') tally.rejected++;
      else if (planned.status === 'already') tally.alreadyImported++;
      else {
        // The rows are written without an await; the ids are reserved and the batches written between them.
        if (!writers.readyForRow) await writers.prepare(ID_BLOCK);
        const personId = planned.person ? writers.personId(planned.person, existing) : null;
        tallyAccepted(tally, row.kind, planned.person, counted);
        const parsed = planned.row;
        if (parsed.visit) writers.visit(parsed.visit, personId);
        else if (personId !== null && parsed.case) writers.case(parsed.case, personId);
        else if (personId !== null && parsed.permit) writers.permit(parsed.permit, personId);
        else if (personId !== null && parsed.enrolment) writers.enrolment(parsed.enrolment, personId);
        writers.rowWritten(parsed);
        if (writers.full) await writers.flushFull();
      }
      if (tally.rows % PROGRESS_EVERY === 0) progress(tally.rows, Math.max(total, tally.rows));
    }
    await writers.flush();
    if (row.kind === 'permits') {
      for (const personId of await permitHoldersOf(trx, writers.ranges)) await markSupersededPermits(trx, personId);
    }
    const done: ImportSummary = { ...(analysed as ImportSummary), ...tally };
    await recordAudit(trx, {
      userId: runner.userId,
      centreId: row.centreId,
      action: 'update',
      entity: 'import',
      entityId: row.id,
      details: { step: 'run', kind: row.kind, rows: tally.rows, written: tally.accepted, ...writers.created },
    });
    await updateImport(
      trx,
      row.id,
      {
        status: 'imported',
        summary: JSON.stringify(done),
        failure: null,
        finishedAt: new Date().toISOString(),
        storedPath: null,
        progressDone: tally.rows,
        progressTotal: tally.rows,
      },
      new Date().toISOString(),
    );
    return done;
  });
  progress(summary.rows, summary.rows);
  if (row.storedPath) await removeStoredFile(row.storedPath);
}
