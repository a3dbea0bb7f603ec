/** Starts Approdo: migrate, listen, and on first run print the one-time setup link. */
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { startReminderSchedule } from '../modules/reminders/reminders.job.js';
import { startRetentionSchedule } from '../modules/retention/retention.schedule.js';
import { issueSetupToken } from '../modules/setup/setup.usecases.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const database = createDatabase(config.databaseUrl);
await migrateToLatest(database.db, database.dialect);
const app = await buildApp(database, config);
await app.listen({ port: config.port, host: config.host });
app.log.info({ database: database.description }, 'Approdo is listening');
// The daily retention run (checked every hour; it does nothing while the organisation's retention is off).
const stopRetention = startRetentionSchedule(database.db, app.log);
// The daily reminders (checked every hour: each user's digest made once a day, e-mails that failed tried again).
const stopReminders = startReminderSchedule(database.db, config, app.log);

const setupToken = await issueSetupToken(database.db);
if (setupToken) {
  // Printed on the console only, not in the structured log; valid once, for 24 hours.
  process.stdout.write(
    `\n  Approdo has no administrator yet. Create the first one here (valid once, 24 hours):\n\n    ${config.publicUrl}/setup#${setupToken}\n\n  Or from the command line: npx approdo user add --email ADDRESS --role admin --centre CODE --token\n\n`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await stopRetention();
    await stopReminders();
    await app.close();
    await database.close();
    process.exit(0);
  });
}
