/**
 * One factory for both databases: the embedded SQLite file (the default) or PostgreSQL
 * when DATABASE_URL starts with postgres://. Above this file the code is dialect-free, but for
 * the migrations (identity columns, collation, triggers) and the error handler (unique-violation codes).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

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

function sqlitePath(url: string): string {
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
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses at most the last commits, never corrupts
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  return { db, dialect: 'sqlite', description: `sqlite:${path}`, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs as much as running a small insert. The app
 * runs a few hundred distinct SQL texts, so prepared statements are kept and reused by text
 * (the oldest dropped past the limit). Kysely never streams from these, so reuse is safe.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
