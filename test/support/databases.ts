/**
 * The databases the data-layer and HTTP tests run on, after Kysely's own tests: one suite,
 * every dialect, the list taken from the environment.
 *
 *   for (const dialect of DIALECTS) {
 *     describeDialect(dialect)(`${dialect}: people`, () => { ... });
 *   }
 *
 * - APPRODO_TEST_DIALECTS: comma-separated, default `sqlite,postgres`.
 * - APPRODO_TEST_PG_URL: an admin URL of a PostgreSQL server on which the tests may
 *   CREATE DATABASE, default postgres://postgres@127.0.0.1:5432/postgres.
 *
 * SQLite runs in memory. PostgreSQL gets a fresh database per call, dropped on close.
 * Without a reachable PostgreSQL the postgres half is skipped with a loud warning, unless CI
 * is set: then it fails, so that a CI without its database cannot pass silently.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';
import { describe } from 'vitest';
import { type AppDatabase, createDatabase, type DialectName } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';

const KNOWN_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

function dialectsFromEnv(value = 'sqlite,postgres'): DialectName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !KNOWN_DIALECTS.includes(name as DialectName));
  if (unknown.length > 0) {
    throw new Error(`APPRODO_TEST_DIALECTS: unknown dialect ${unknown.join(', ')} (known: ${KNOWN_DIALECTS.join(', ')})`);
  }
  if (names.length === 0) throw new Error('APPRODO_TEST_DIALECTS is empty: name at least one of sqlite, postgres');
  return [...new Set(names)] as DialectName[];
}

export const DIALECTS: readonly DialectName[] = dialectsFromEnv(process.env.APPRODO_TEST_DIALECTS);

export const PG_ADMIN_URL = process.env.APPRODO_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The admin URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** Runs `work` on a fresh admin connection to the test server. */
export async function withPostgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it can. */
async function probePostgres(): Promise<string | null> {
  try {
    await withPostgresAdmin((client) => client.query('select 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  }
}

const postgresProblem: string | null = DIALECTS.includes('postgres') ? await probePostgres() : null;
/** CI=true (or 1, yes…) as CI services set it; CI=false or 0 does not count. */
const inCi = !['', '0', 'false', 'no'].includes((process.env.CI ?? '').trim().toLowerCase());

function unreachableMessage(): string {
  return `PostgreSQL is not reachable at ${describeUrl(PG_ADMIN_URL)} (${postgresProblem}). Start it, set APPRODO_TEST_PG_URL, or run only SQLite with APPRODO_TEST_DIALECTS=sqlite.`;
}

/** Warns once per test run: test files run in workers (forks or threads) of one vitest process. */
function warnOnce(message: string): void {
  const runner = isMainThread ? process.ppid : process.pid;
  const marker = join(tmpdir(), `approdo-test-pg-warning-${runner}`);
  try {
    closeSync(openSync(marker, 'wx'));
  } catch {
    return; // another worker of this run has warned already
  }
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPING THE POSTGRESQL HALF OF THE SUITE\n!! ${message}\n!! (With CI set, this fails the run instead.)\n${line}\n`,
  );
}

/**
 * `describe` for a dialect's half of a test file: `describe.skip` (with a warning) when
 * PostgreSQL is unreachable outside CI. In CI the suite runs and createTestDatabase fails
 * with the reason, so the run fails.
 */
export function describeDialect(dialect: DialectName): ReturnType<typeof describe.skipIf> {
  const skip = dialect === 'postgres' && postgresProblem !== null && !inCi;
  if (skip) warnOnce(unreachableMessage());
  return describe.skipIf(skip);
}

/**
 * A new, empty database of the dialect, migrated to the latest schema (or up to the migration
 * `upTo`, to test the next one's data step). Close it when done.
 */
export async function createTestDatabase(dialect: DialectName, upTo?: string): Promise<AppDatabase> {
  const migrate = (database: AppDatabase) =>
    upTo ? migrateTo(database.db, database.dialect, upTo) : migrateToLatest(database.db, database.dialect);
  if (dialect === 'sqlite') {
    const database = createDatabase('sqlite::memory:');
    await migrate(database);
    return database;
  }

  if (postgresProblem !== null) {
    throw new Error(`${unreachableMessage()}${inCi ? ' CI is set, so the PostgreSQL tests fail instead of being skipped.' : ''}`);
  }
  const name = `approdo_t_${randomBytes(6).toString('hex')}`;
  await withPostgresAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString());
  const drop = () =>
    withPostgresAdmin(async (client) => {
      // The pool's clients end a moment after close() resolves: let them go before forcing the rest.
      for (let i = 0; i < 40; i++) {
        const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
    });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    ...database,
    async close() {
      try {
        await database.close();
      } finally {
        await drop();
      }
    },
  };
}
