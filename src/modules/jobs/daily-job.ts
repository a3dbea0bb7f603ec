/**
 * The server's daily jobs (retention's scheduled run, the reminders): each is checked every hour,
 * the first time a minute after the start, and decides itself whether today's work is still to
 * do (a row per day or per run in the database), so that a restart, a failed hour or a second
 * instance neither skips a day nor does it twice. A job never overlaps itself on this instance;
 * its failure is logged and never stops the server: the next hour tries again.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface DailyJob {
  /** Named in the log. */
  name: string;
  /** Does what is still due today (`now` as its clock). */
  run: (now: Date) => Promise<void>;
}

export const HOUR_MS = 3_600_000;

/** Runs the job once, unless it is running already (then that run is given); never throws. */
export function dailyJobRunner(job: DailyJob, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<void> | null = null;
  const once = async () => {
    try {
      await job.run(new Date());
    } catch (error) {
      log.error({ job: job.name, err: error }, 'daily job failed: tried again next hour');
    } finally {
      running = null;
    }
  };
  return () => {
    running ??= once();
    return running;
  };
}

/** Starts the hourly check of one job; the function returned stops it and waits for a run going (it uses the database). */
export function startDailyJob(job: DailyJob, log: FastifyBaseLogger, every = HOUR_MS): () => Promise<void> {
  const run = dailyJobRunner(job, log);
  let last: Promise<void> = Promise.resolve();
  const check = () => {
    last = run();
  };
  const first = setTimeout(check, Math.min(every, 60_000));
  const timer = setInterval(check, every);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await last;
  };
}
