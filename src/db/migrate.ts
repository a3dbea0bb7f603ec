import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { DialectName } from './database.js';
import { foundation } from './migrations/0001-foundation.js';
import { care } from './migrations/0002-care.js';
import { activitiesCalendar } from './migrations/0003-activities-calendar.js';
import { reports } from './migrations/0004-reports.js';
import { reportIndexes } from './migrations/0005-report-indexes.js';
import { loginAttemptIndex } from './migrations/0006-login-attempt-index.js';
import { importsHistory } from './migrations/0007-imports-history.js';
import { importLedger } from './migrations/0008-import-ledger.js';
import { privacyRecords } from './migrations/0009-privacy-records.js';
import { sessionDevices } from './migrations/0010-session-devices.js';
import { secondFactor } from './migrations/0011-second-factor.js';
import { singleSignOn } from './migrations/0012-single-sign-on.js';
import { retention } from './migrations/0013-retention.js';
import { processingRegister } from './migrations/0014-processing-register.js';
import { reminders } from './migrations/0015-reminders.js';
import { centreLogos } from './migrations/0016-centre-logos.js';
import { permitContacts } from './migrations/0017-permit-contacts.js';
import { visitDayCounts } from './migrations/0018-visit-day-counts.js';
import { careVersions } from './migrations/0019-care-versions.js';
import { reportVersionLogos } from './migrations/0020-report-version-logos.js';
import { courseVersions } from './migrations/0021-course-versions.js';

/** Migrations in order. Each is frozen once released: add a new one, never edit an old one. */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-foundation': foundation(dialect),
    '0002-care': care(dialect),
    '0003-activities-calendar': activitiesCalendar(dialect),
    '0004-reports': reports(dialect),
    '0005-report-indexes': reportIndexes(dialect),
    '0006-login-attempt-index': loginAttemptIndex(dialect),
    '0007-imports-history': importsHistory(dialect),
    '0008-import-ledger': importLedger(dialect),
    '0009-privacy-records': privacyRecords(dialect),
    '0010-session-devices': sessionDevices(dialect),
    '0011-second-factor': secondFactor(dialect),
    '0012-single-sign-on': singleSignOn(dialect),
    '0013-retention': retention(dialect),
    '0014-processing-register': processingRegister(dialect),
    '0015-reminders': reminders(dialect),
    '0016-centre-logos': centreLogos(dialect),
    '0017-permit-contacts': permitContacts(dialect),
    '0018-visit-day-counts': visitDayCounts(dialect),
    '0019-care-versions': careVersions(dialect),
    '0020-report-version-logos': reportVersionLogos(dialect),
    '0021-course-versions': courseVersions(dialect),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
function migratorOf(db: Kysely<any>, dialect: DialectName): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<MigrationResultSet> {
  const result = await migratorOf(db, dialect).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Migrates up or down to the named migration (the tests of a migration that moves data). */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
export async function migrateTo(db: Kysely<any>, dialect: DialectName, name: string): Promise<MigrationResultSet> {
  const result = await migratorOf(db, dialect).migrateTo(name);
  if (result.error) throw result.error;
  return result;
}
