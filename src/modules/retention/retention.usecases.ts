/**
 * Retention (issue 14): the organisation's settings (administrators set them, audited), the
 * preview of the files due for removal (a list of people: logged), and the run that removes
 * them, by hand or by the daily schedule, one at a time per organisation, each logged.
 *
 * A file is removed the way an erasure removes it (people.repository deletePersonRow: visits,
 * cases, enrolments, applications and events stay as anonymous records, so the statistics and
 * every past report stay the same), in transactions of RUN_BATCH people, each person re-read
 * in its transaction (a case opened since the preview keeps them) and its removal audited.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  RetentionCandidate,
  RetentionPreview,
  RetentionPreviewQuery,
  RetentionRun,
  RetentionRunsQuery,
  RetentionSettings,
  RetentionSettingsInput,
  RetentionTrigger,
} from '../../contracts/retention.js';
import { isPostgres } from '../../db/database.js';
import { userOf } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { romeDateOf, todayInRome } from '../../domain/dates.js';
import { type RetentionSettings as Rule, retentionVerdict } from '../../domain/retention.js';
import { recordAudit, recordChange, recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { deletePersonRow } from '../people/people.repository.js';
import { retentionOff, runInProgress } from './retention.errors.js';
import {
  centresOf,
  countRemoved,
  finishRun,
  insertEndedRun,
  insertRunningRun,
  interruptRunsStartedBefore,
  lastScheduledCompletion,
  organisationsWithRetention,
  type PersonDatesRow,
  peopleDates,
  runById,
  runsPage,
  saveSettingsRow,
  settingsRow,
  withRunLock,
} from './retention.repository.js';

type Db = Kysely<Database>;

/** An organisation that never set them: off, with the years the form suggests. */
export const DEFAULT_RETENTION: Rule = { enabled: false, yearsAfterContact: 5, yearsAfterCase: 10 };

/** People removed per transaction. */
export const RUN_BATCH = 100;

/** On SQLite, a run found running longer than this is taken to have died with its server. */
export const STALE_RUN_HOURS = 6;

/** An organisation's settings (the defaults, off, when never set): also for the register of processing. */
export async function settingsOf(db: Db, organisationId: number): Promise<RetentionSettings> {
  const row = await settingsRow(db, organisationId);
  if (!row) return { ...DEFAULT_RETENTION, updatedBy: null, updatedAt: null };
  return {
    enabled: row.enabled === 1,
    yearsAfterContact: row.yearsAfterContact,
    yearsAfterCase: row.yearsAfterCase,
    updatedBy: userOf(row.updatedBy, row.updatedByName),
    updatedAt: row.updatedAt,
  };
}

export function retentionSettingsFor(db: Db, actor: Actor): Promise<RetentionSettings> {
  return settingsOf(db, actor.organisationId);
}

/** Sets the organisation's settings; audited with the values set (years and on/off: no personal data). */
export async function setRetentionSettings(db: Db, actor: Actor, input: RetentionSettingsInput): Promise<RetentionSettings> {
  return inTransaction(db, async (trx) => {
    const before = await settingsOf(trx, actor.organisationId);
    await saveSettingsRow(trx, {
      organisationId: actor.organisationId,
      enabled: input.enabled ? 1 : 0,
      yearsAfterContact: input.yearsAfterContact,
      yearsAfterCase: input.yearsAfterCase,
      updatedBy: actor.userId,
      updatedAt: new Date().toISOString(),
    });
    const fields = (['enabled', 'yearsAfterContact', 'yearsAfterCase'] as const).filter((key) => input[key] !== before[key]);
    await recordChange(
      trx,
      actor,
      'update',
      'retention_settings',
      { id: actor.organisationId, centreId: null },
      { details: { fields, ...input } },
    );
    return settingsOf(trx, actor.organisationId);
  });
}

/** The people of these rows due for removal on `today`, with why. */
function dueOf(rows: readonly PersonDatesRow[], settings: Rule, today: string): RetentionCandidate[] {
  return rows.flatMap((row) => {
    const verdict = retentionVerdict(
      settings,
      { contacts: [row.lastDay, romeDateOf(new Date(row.lastAt))], openCase: row.openCases > 0, hadCase: row.cases > 0 },
      today,
    );
    if (!verdict.due) return [];
    const { personId, givenNames, familyNames, centreId } = row;
    return [
      { personId, givenNames, familyNames, centreId, lastContact: verdict.lastContact, reason: verdict.reason, dueOn: verdict.dueOn },
    ];
  });
}

/**
 * The files a run would remove on `today`: a page of those in the reader's centres (the list is
 * logged, as every list of people is), and how many in the whole organisation.
 */
export async function previewRetention(
  db: Db,
  actor: Actor,
  query: RetentionPreviewQuery,
  today = todayInRome(),
): Promise<RetentionPreview> {
  const scope = centreScope(actor, query.centreId);
  const settings = await settingsOf(db, actor.organisationId);
  const due = dueOf(await peopleDates(db, { centreIds: await centresOf(db, actor.organisationId) }), settings, today);
  const visible = due.filter((candidate) => scope.includes(candidate.centreId));
  const items = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  await recordListing(
    db,
    actor.userId,
    'retention_preview',
    items.map((item) => item.personId),
  );
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total: visible.length,
    today,
    enabled: settings.enabled,
    dueInOrganisation: due.length,
  };
}

export async function retentionRunsFor(db: Db, actor: Actor, query: RetentionRunsQuery): Promise<Page<RetentionRun>> {
  const { items, total } = await runsPage(db, actor.organisationId, query.page, query.pageSize);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export interface RunRequest {
  organisationId: number;
  trigger: RetentionTrigger;
  /** Who asked (null: the schedule). */
  userId: number | null;
  /** The moment taken as now (tests); its date in Europe/Rome is the day the rule is applied on. */
  now?: Date;
}

/** Removes the due files in batches, each in its transaction with its audit rows and the run's count. */
async function removeDue(db: Db, run: { id: number; userId: number | null; organisationId: number }, settings: Rule, today: string) {
  const centreIds = await centresOf(db, run.organisationId);
  const ids = dueOf(await peopleDates(db, { centreIds }), settings, today).map((candidate) => candidate.personId);
  let removed = 0;
  for (let start = 0; start < ids.length; start += RUN_BATCH) {
    const batch = ids.slice(start, start + RUN_BATCH);
    removed = await inTransaction(db, async (trx) => {
      // Re-read in the transaction: someone may have opened a case since.
      const stillDue = dueOf(await peopleDates(trx, { centreIds, personIds: batch }), settings, today);
      for (const person of stillDue) {
        await deletePersonRow(trx, person.personId);
        await recordAudit(trx, {
          userId: run.userId,
          centreId: person.centreId,
          action: 'delete',
          entity: 'person',
          entityId: person.personId,
          details: { retentionRunId: run.id },
        });
      }
      const total = removed + stillDue.length;
      await countRemoved(trx, run.id, total);
      return total;
    });
  }
  return removed;
}

/**
 * One retention run of an organisation: alone (on PostgreSQL the organisation's advisory lock,
 * on both databases the runs table, which holds one running run per organisation at most), or
 * skipped and logged as such. Settings off: nothing to do, logged as skipped too.
 */
export async function runRetention(db: Db, request: RunRequest): Promise<RetentionRun> {
  const now = request.now ?? new Date();
  const today = todayInRome(now);
  const settings = await settingsOf(db, request.organisationId);
  const base = {
    organisationId: request.organisationId,
    trigger: request.trigger,
    startedBy: request.userId,
    startedAt: now.toISOString(),
    yearsAfterContact: settings.yearsAfterContact,
    yearsAfterCase: settings.yearsAfterCase,
  };
  const skipped = async (detail: string) =>
    runById(db, await insertEndedRun(db, { ...base, outcome: 'skipped', finishedAt: now.toISOString(), detail }));
  if (!settings.enabled) return skipped('retention is off');

  const outcome = await withRunLock(db, request.organisationId, async (conn) => {
    // Holding PostgreSQL's lock, no other run is alive: one still marked running died with its
    // server. On SQLite, only one running for longer than STALE_RUN_HOURS is taken as dead.
    const stale = isPostgres(conn) ? now : new Date(now.getTime() - STALE_RUN_HOURS * 3_600_000);
    await interruptRunsStartedBefore(conn, request.organisationId, stale.toISOString(), now.toISOString());
    const runId = await insertRunningRun(conn, { ...base, outcome: 'running' });
    if (runId === undefined) return undefined;
    const run = { id: runId, userId: request.userId, organisationId: request.organisationId };
    try {
      const removed = await removeDue(conn, run, settings, today);
      await finishRun(conn, runId, { outcome: 'completed', finishedAt: new Date().toISOString(), peopleRemoved: removed });
    } catch (error) {
      await finishRun(conn, runId, { outcome: 'failed', finishedAt: new Date().toISOString(), detail: 'stopped by an error' });
      throw error;
    }
    return runId;
  });
  if (!outcome.ran || outcome.value === undefined) return skipped('another run was going');
  return runById(db, outcome.value);
}

/** "Esegui ora": an administrator's run; refused when retention is off or another run is going (that one logged as skipped). */
export async function runRetentionNow(db: Db, actor: Actor, now?: Date): Promise<RetentionRun> {
  const settings = await settingsOf(db, actor.organisationId);
  if (!settings.enabled) throw retentionOff();
  const run = await runRetention(db, { organisationId: actor.organisationId, trigger: 'manual', userId: actor.userId, now });
  if (run.outcome === 'skipped') throw runInProgress();
  return run;
}

/**
 * The daily run: for each organisation with retention on whose scheduled run has not completed
 * today (Europe/Rome), a run. Called every hour by the server (retention.schedule.ts): a failed
 * or skipped run is tried again the next hour.
 */
export async function runScheduledRetention(db: Db, now = new Date()): Promise<RetentionRun[]> {
  const today = todayInRome(now);
  const runs: RetentionRun[] = [];
  for (const organisationId of await organisationsWithRetention(db)) {
    const last = await lastScheduledCompletion(db, organisationId);
    if (last !== undefined && romeDateOf(new Date(last)) === today) continue;
    runs.push(await runRetention(db, { organisationId, trigger: 'scheduled', userId: null, now }));
  }
  return runs;
}
