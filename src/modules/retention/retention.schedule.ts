/**
 * The daily retention run, started by the server (main.ts) as one of its daily jobs
 * (server/daily-job.ts): every hour it asks whether an organisation with retention on has had
 * today's scheduled run, and runs it if not. A run is alone per organisation whatever the
 * instances (retention.usecases.ts): an instance that finds another's run going logs a skipped
 * run and tries again the next hour.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { HOUR_MS, startDailyJob } from '../jobs/daily-job.js';
import { runScheduledRetention } from './retention.usecases.js';

/** Starts the hourly check (the first a minute after the start); the function returned stops it. */
export function startRetentionSchedule(db: Kysely<Database>, log: FastifyBaseLogger, every = HOUR_MS): () => Promise<void> {
  return startDailyJob(
    {
      name: 'retention',
      run: async (now) => {
        for (const run of await runScheduledRetention(db, now)) {
          log.info({ retentionRunId: run.id, outcome: run.outcome, peopleRemoved: run.peopleRemoved }, 'scheduled retention run');
        }
      },
    },
    log,
    every,
  );
}
