/** The reminders' daily run as one of the server's daily jobs, with its SMTP transport (none when SMTP_URL is unset). */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DailyJob, HOUR_MS, startDailyJob } from '../jobs/daily-job.js';
import { createMailer, type SmtpSettings } from './mailer.js';
import { runReminders } from './reminders.usecases.js';

/** What the reminders need of the server's settings. */
interface ReminderSettings {
  smtp: SmtpSettings | null;
  publicUrl: string;
}

export function remindersJob(db: Kysely<Database>, config: ReminderSettings, log: FastifyBaseLogger): DailyJob & { close: () => void } {
  const mailer = config.smtp ? createMailer(config.smtp) : null;
  return {
    name: 'reminders',
    run: async (now) => {
      const run = await runReminders(db, { mailer, publicUrl: config.publicUrl }, now);
      if (run.made + run.sent + run.failed + run.unsent > 0) log.info({ job: 'reminders', ...run }, 'daily reminders');
    },
    close: () => mailer?.close(),
  };
}

/** Starts the hourly reminders; the function returned stops them. */
export function startReminderSchedule(db: Kysely<Database>, config: ReminderSettings, log: FastifyBaseLogger, every = HOUR_MS) {
  const job = remindersJob(db, config, log);
  const stop = startDailyJob(job, log, every);
  return async () => {
    await stop();
    job.close();
  };
}
