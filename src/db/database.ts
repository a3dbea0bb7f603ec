/**
 * One factory for both databases: the embedded SQLite file (the default) or PostgreSQL
 * when DATABASE_URL starts with postgres://. Above this file the code is dialect-free, but for
 * the migrations (identity columns, collation, triggers) and the error handler (unique-violation codes).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';

export type DialectName = 'sqlite' | 'postgres';

export interface AppDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it lives, without any password. */
  description: string;
  close(): Promise<void>;
}

export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** True when the database speaks PostgreSQL: for the few queries written per dialect. */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The file of a sqlite: DATABASE_URL (`sqlite:PATH` or `sqlite://PATH`). */
export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/, '');
}

/** pg parses these types into JS values that match what SQLite returns. */
const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value); // int8, numeric
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createDatabase(url: string): AppDatabase {
  const plugins = [new CamelCasePlugin()];
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10, types: PG_TYPES });
    // The server may cut an idle connection (restart, failover, a firewall): the pool drops it and
    // opens a new one on the next query. Without this listener pg's 'error' event crashes the process.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection (${error.message}); a new one will be opened`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    const parsed = new URL(url);
    return {
      db,
      dialect: 'postgres',
      description: `postgres://${parsed.host}${parsed.pathname}`,
      close: () => db.destroy(),
    };
  }

  const path = sqlitePath(url);
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses at most the last commits, never corrupts
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoint and statement journals in memory, not in temporary files (group commit runs transactions in savepoints).
  sqlite.pragma('temp_store = MEMORY');
  const checkpointer = inMemory ? undefined : startCheckpointer(sqlite, path);
  // Transactions of the same moment share one commit (group commit: sqlite-group-commit.ts).
  const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(sqlite), plugins });
  return {
    db,
    dialect: 'sqlite',
    description: `sqlite:${path}`,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
