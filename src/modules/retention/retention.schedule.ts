/**
 * The daily retention run, started by the server (main.ts): every hour it asks whether an
 * organisation with retention on has had today's scheduled run, and runs it if not. A run is
 * alone per organisation whatever the instances (retention.usecases.ts): an instance that finds
 * another's run going logs a skipped run and tries again the next hour.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { runScheduledRetention } from './retention.usecases.js';

const HOUR = 3_600_000;

/** Starts the hourly check (the first a minute after the start); the function returned stops it. */
export function startRetentionSchedule(db: Kysely<Database>, log: FastifyBaseLogger, every = HOUR): () => void {
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const run of await runScheduledRetention(db)) {
        log.info({ retentionRunId: run.id, outcome: run.outcome, peopleRemoved: run.peopleRemoved }, 'scheduled retention run');
      }
    } catch (error) {
      log.error({ err: error }, 'scheduled retention run failed');
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(check, Math.min(every, 60_000));
  const timer = setInterval(check, every);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
