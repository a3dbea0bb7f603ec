/**
 * approdo <command>: administration from the shell, on the database of DATABASE_URL
 * (default: the SQLite file under ./data).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { centreCreateInput, email as emailSchema, newPassword } from '../contracts/auth.js';
import { centrePlaceFields } from '../contracts/centres.js';
import { GROUPED_TABLES, REPORT_FORMATS, type ReportFormat } from '../contracts/reports.js';
import { backupSqlite } from '../db/backup.js';
import { type AppDatabase, createDatabase, dialectOf, sqlitePath } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { inTransaction } from '../db/transaction.js';
import { fillDemo } from '../demo/demo.js';
import { ROLES, type Role } from '../domain/permissions.js';
import { renderReport, reportTableCsv } from '../exports/report/index.js';
import { createApiToken, createUser, ensureCentre, listApiTokens, revokeApiToken } from '../modules/accounts/accounts.usecases.js';
import { comuneFromText } from '../modules/accounts/centres.usecases.js';
import { importFromCli } from '../modules/imports/imports.cli.js';
import { coverImageForScope } from '../modules/reports/report-exports.usecases.js';
import { reportDataForScope } from '../modules/reports/reports.usecases.js';
import { loadConfig } from '../server/config.js';
import { APP_VERSION } from '../version.js';

async function withDatabase<T>(work: (database: AppDatabase) => Promise<T>): Promise<T> {
  const database = createDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database.db, database.dialect);
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('approdo').version(APP_VERSION).description('Approdo administration');

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(() =>
    withDatabase(async (database) => {
      console.log(`Database ${database.description} is up to date.`);
    }),
  );

// Not through withDatabase: a backup opens the file read-only and neither migrates nor writes it.
program
  .command('backup')
  .description('Copy the SQLite database into a new file, also while the server runs and writes, and verify the copy')
  .argument('<file>', 'the new file (never overwritten), e.g. backup/approdo-2025-01-31.db')
  .action(async (file: string) => {
    const url = loadConfig().databaseUrl;
    if (dialectOf(url) === 'postgres') {
      throw new Error('approdo backup copies the SQLite file; on PostgreSQL use pg_dump -Fc (see Backup in the README)');
    }
    const result = await backupSqlite(sqlitePath(url), file);
    const size = result.bytes >= 1e6 ? `${(result.bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(result.bytes / 1e3)} kB`;
    console.log(`Backup written to ${file} (${size}, integrity ok, schema ${result.migration}, ${result.seconds.toFixed(1)} s).`);
  });

const user = program.command('user').description('User accounts');
user
  .command('add')
  .description('Create a user (and the centre, if it does not exist yet)')
  .requiredOption('--email <address>', 'e-mail address, used to log in')
  .addOption(new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory())
  .requiredOption('--centre <code>', 'code of the centre the user works in')
  .option('--centre-name <name>', 'name of the centre, if it must be created')
  .option('--organisation <name>', 'name of the organisation, if one must be created', 'Comune')
  .option('--name <display name>', 'name shown in the app')
  .option('--comune <ISTAT code or name>', 'for a new centre: its comune, by 6-digit ISTAT code or name (a frazione gives its comune)')
  .option('--address <address>', 'for a new centre: its address')
  .option('--phone <telephone>', 'for a new centre: its telephone')
  .option('--centre-email <address>', "for a new centre: its e-mail (--email is the user's)")
  .option(
    '--password-stdin',
    'read the password from standard input (otherwise the user has none and logs in once an administrator sets one)',
  )
  .option('--token', 'also create an API token and print it alone on the last line')
  .action(async (options) => {
    const address = emailSchema.parse(options.email);
    let password: string | undefined;
    if (options.passwordStdin) password = newPassword.parse(readFileSync(0, 'utf8').replace(/\r?\n$/, ''));
    const code = centreCreateInput.shape.code.parse(options.centre);
    const comune = options.comune === undefined ? undefined : comuneFromText(options.comune);
    const place = {
      comuneIstat: comune?.istat,
      address: options.address === undefined ? undefined : centrePlaceFields.address.parse(options.address),
      phone: options.phone === undefined ? undefined : centrePlaceFields.phone.parse(options.phone),
      email: options.centreEmail === undefined ? undefined : centrePlaceFields.email.parse(options.centreEmail),
    };
    // All or nothing: a refused user leaves no new centre behind.
    await withDatabase((database) =>
      inTransaction(database.db, async (db) => {
        const { centre, created: newCentre } = await ensureCentre(db, {
          code,
          name: options.centreName ?? code,
          organisationName: options.organisation,
          ...place,
        });
        if (newCentre) {
          console.log(`Created centre ${centre.code} (${centre.name}${comune ? `, Comune di ${comune.name}` : ''}).`);
        } else if (Object.values(place).some((value) => value !== undefined)) {
          console.error(
            `Centre ${centre.code} exists already: its comune and contacts are not changed here (Amministrazione › Impostazioni del centro).`,
          );
        }
        const created = await createUser(
          db,
          {
            organisationId: centre.organisationId,
            email: address,
            displayName: options.name ?? address,
            role: options.role as Role,
            centreIds: [centre.id],
            password,
          },
          null,
        );
        console.log(`Created user ${created.email} (${created.role}) in centre ${centre.code}.`);
        if (options.token) {
          const token = await createApiToken(db, { userId: created.id, name: 'CLI' }, null);
          console.log('API token (shown once; send it as "Authorization: Bearer <token>"):');
          console.log(token.token);
        }
      }),
    );
  });

const token = program.command('token').description('Personal API tokens');
token
  .command('create')
  .description('Create an API token for an existing user; prints it alone on the last line')
  .requiredOption('--email <address>')
  .option('--name <name>', 'what the token is for', 'CLI')
  .action((options) =>
    withDatabase(async ({ db }) => {
      const found = await db.selectFrom('users').select('id').where('email', '=', emailSchema.parse(options.email)).executeTakeFirst();
      if (!found) throw new Error(`No user with e-mail ${options.email}`);
      const created = await createApiToken(db, { userId: found.id, name: options.name }, null);
      console.log(created.token);
    }),
  );
token
  .command('list')
  .description('List API tokens (never their secret)')
  .action(() =>
    withDatabase(async ({ db }) => {
      for (const row of await listApiTokens(db)) {
        const state = row.revokedAt ? `revoked ${row.revokedAt}` : `last used ${row.lastUsedAt ?? 'never'}`;
        console.log(`${row.id}\t${row.tokenPrefix}…\t${row.userEmail}\t${row.name}\t${state}`);
      }
    }),
  );
token
  .command('revoke')
  .description('Revoke an API token by its id (see token list)')
  .requiredOption('--id <id>')
  .action((options) =>
    withDatabase(async ({ db }) => {
      await revokeApiToken(db, null, Number(options.id));
      console.log(`Revoked token ${options.id}.`);
    }),
  );

program
  .command('demo')
  .description("Fill a demo centre with realistic synthetic people, visits, cases, permits and the centre's year (hours, courses, events)")
  .option('--centre <code>', 'code of the demo centre', 'DEMO')
  .option('--people <n>', 'how many people', '300')
  .option('--visits <n>', 'how many visits', '1500')
  .option('--seed <n>', 'random seed (same seed, same data)', '42')
  .action((options) =>
    withDatabase(async ({ db }) => {
      const result = await fillDemo(db, {
        centreCode: options.centre,
        people: Number(options.people),
        visits: Number(options.visits),
        seed: Number(options.seed),
      });
      console.log(
        `Demo centre ${options.centre}: ${result.people} people, ${result.visits} visits, ${result.cases} cases in care, ${result.permits} residence permits, ${result.courses} courses with ${result.enrolments} enrolments, ${result.events} events.`,
      );
      for (const account of result.accounts) console.log(`  ${account.role}: ${account.email} / password: ${account.password}`);
    }),
  );

program
  .command('report')
  .description('Write the annual report of one or more centres and a year as PDF, DOCX, XLSX, JSON or CSV (one table)')
  .requiredOption('--centre <code...>', 'code of the centre (repeat or list several for a report over them)')
  .requiredOption('--year <year>', 'the year, e.g. 2024')
  .addOption(new Option('--format <format>', 'document format').choices(REPORT_FORMATS as unknown as string[]).default('pdf'))
  .requiredOption('--out <file>', 'where to write it (- for standard output)')
  .option('--published <n>', 'the published version n (default: the draft computed now, with the texts saved in the app)')
  .option('--table <id>', 'for CSV: the table to write (e.g. visits.byCountry)')
  .option(
    '--grouping <n>',
    'group categories under n as "Altro" in every table that groups (default: the report\'s settings, table by table)',
  )
  .option('--disclosure <n>', 'for publication: show counts under n as "< n" (default: the report\'s setting, 0)')
  .action((options) =>
    withDatabase(async ({ db }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new Error(`--year: expected a year such as 2024, not ${options.year}`);
      const codes: string[] = options.centre;
      const centres = await db.selectFrom('centres').select(['id', 'code', 'organisationId']).where('code', 'in', codes).execute();
      const missing = codes.filter((code) => !centres.some((c) => c.code === code));
      if (missing.length > 0) throw new Error(`No centre with code ${missing.join(', ')}`);
      const organisationIds = new Set(centres.map((c) => c.organisationId));
      if (organisationIds.size > 1) throw new Error('The centres belong to different organisations: one report covers one organisation');
      const count = (name: string, value: string | undefined) => {
        if (value === undefined) return undefined;
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`--${name}: expected a whole number from 0 to 1000`);
        return n;
      };
      const grouping = count('grouping', options.grouping);
      const disclosure = count('disclosure', options.disclosure);
      const scope = { organisationId: centres[0]?.organisationId as number, centreIds: centres.map((c) => c.id), year };
      const data = await reportDataForScope(db, scope, {
        ...(options.published !== undefined ? { version: count('published', options.published) } : {}),
        settings: {
          ...(grouping !== undefined ? { groupingThresholds: Object.fromEntries(GROUPED_TABLES.map((table) => [table, grouping])) } : {}),
          ...(disclosure !== undefined ? { disclosureThreshold: disclosure } : {}),
        },
        // Progress on standard error: standard output may be the document itself.
        onProgress: (done, total, section) => process.stderr.write(`[${done}/${total}] ${section}\n`),
      });
      const format = options.format as ReportFormat;
      let body: Buffer | string;
      if (format === 'json') body = `${JSON.stringify(data, null, 2)}\n`;
      else if (format === 'csv') {
        if (!options.table) throw new Error('--table: CSV is written one table at a time (see the JSON for the table ids)');
        const csv = reportTableCsv(data, options.table);
        if (csv === undefined) throw new Error(`No table ${options.table} in the report`);
        body = csv;
      } else {
        process.stderr.write(`Rendering the ${format.toUpperCase()}…\n`);
        body = await renderReport(data, format, { coverImage: await coverImageForScope(db, scope, data) });
      }
      if (options.out === '-') process.stdout.write(body);
      else {
        writeFileSync(options.out, body);
        process.stderr.write(`Wrote ${options.out} (${Buffer.byteLength(body).toLocaleString('it-IT')} bytes).\n`);
      }
    }),
  );

program
  .command('import')
  .description(
    'Import a register (XLSX or CSV) into a centre: a dry run, then all its accepted rows written together. Exit 0: imported (or dry run done); 3: imported, some rows rejected; 2: doubtful people to decide; 1: refused or failed',
  )
  .argument('<kind>', 'people, visits, cases, permits or enrolments')
  .argument('<file>', 'the register, .xlsx or .csv')
  .requiredOption('--centre <code>', 'code of the centre the records go to')
  .option('--mapping <file>', 'a JSON file: the columns\' mapping { "0": "visitDate", … }, or { mapping, valueMappings, decisions }')
  .option('--dry-run', 'read and check only: print the counts and the rejected rows, write nothing')
  .option('--json', 'print the import and its rejected rows as JSON')
  .action((kind: string, file: string, options) =>
    withDatabase(async ({ db }) => {
      process.exitCode = await importFromCli(db, loadConfig().importDir, {
        kind,
        file,
        centre: options.centre,
        mapping: options.mapping,
        dryRun: options.dryRun,
        json: options.json,
      });
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
