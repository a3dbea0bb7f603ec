import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Generated, Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';
import { type CheckpointResult, startCheckpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect, type GroupCommitSqliteDriver } from './sqlite-group-commit.js';

interface Tables {
  notes: { id: Generated<number>; text: string };
  parents: { id: number };
  children: { id: number; parent_id: number };
}

let dir: string;
let file: string;
let db: Kysely<Tables>;
let driver: GroupCommitSqliteDriver;
/** A second connection, as another process would see the file: only committed data. */
let observer: SQLite.Database;

const textsSeenByObserver = () =>
  (observer.prepare('select text from notes order by id').all() as Array<{ text: string }>).map((r) => r.text);
const addNote = (text: string, fail = false) =>
  db.transaction().execute(async (trx) => {
    await trx.insertInto('notes').values({ text }).execute();
    if (fail) throw new Error(`${text} failed`);
    return text;
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'approdo-group-commit-'));
  file = join(dir, 'test.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const dialect = new GroupCommitSqliteDialect(sqlite);
  driver = dialect.driver;
  db = new Kysely<Tables>({ dialect });
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
  await sql`create table parents (id integer primary key)`.execute(db);
  // Deferred: checked by the COMMIT, so that a test can make a batch's COMMIT fail.
  await sql`create table children (id integer primary key, parent_id integer not null references parents (id) deferrable initially deferred)`.execute(
    db,
  );
  observer = new SQLite(file, { readonly: true });
});

afterEach(async () => {
  observer.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite group commit', () => {
  it('commits the transactions started together with one COMMIT, and tells each saved only once it is committed', async () => {
    const before = { ...driver.stats };
    const texts = Array.from({ length: 10 }, (_, i) => `note ${i}`);
    const seenWhenSaved = await Promise.all(texts.map(async (text) => (await addNote(text)) && textsSeenByObserver().includes(text)));
    expect(seenWhenSaved).toEqual(texts.map(() => true));
    expect(driver.stats.transactions - before.transactions).toBe(10);
    expect(driver.stats.commits - before.commits).toBe(1);
    expect(textsSeenByObserver()).toEqual(texts);
  });

  it('rolls back a failed transaction alone: the others of its batch are committed', async () => {
    const results = await Promise.allSettled([addNote('first'), addNote('broken', true), addNote('third')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('broken failed'));
    expect(textsSeenByObserver()).toEqual(['first', 'third']);
  });

  it('rolls back a failed first transaction of a batch alone too', async () => {
    const results = await Promise.allSettled([addNote('broken', true), addNote('second'), addNote('third')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(textsSeenByObserver()).toEqual(['second', 'third']);
  });

  it('fails every transaction of a batch whose COMMIT fails, keeps none of their rows, and goes on afterwards', async () => {
    const orphan = db.transaction().execute((trx) => trx.insertInto('children').values({ id: 1, parent_id: 999 }).execute());
    const results = await Promise.allSettled([orphan, addNote('innocent bystander')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(textsSeenByObserver()).toEqual([]);
    expect(observer.prepare('select count(*) as n from children').get()).toEqual({ n: 0 });

    await addNote('later');
    expect(textsSeenByObserver()).toEqual(['later']);
  });

  it('answers a statement run outside a transaction, while a batch is open, only after that batch is committed', async () => {
    const saved = addNote('pending');
    const commitsBefore = driver.stats.commits;
    const counted = db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const { n } = await counted;
    // It read the batch's row, and it was not answered before that row was committed.
    expect(n).toBe(1);
    expect(driver.stats.commits).toBe(commitsBefore + 1);
    expect(textsSeenByObserver()).toEqual(['pending']);
    await saved;
  });

  it('commits transactions one after the other each in their own turn', async () => {
    const before = driver.stats.commits;
    await addNote('one');
    await addNote('two');
    expect(driver.stats.commits - before).toBe(2);
    expect(textsSeenByObserver()).toEqual(['one', 'two']);
  });

  it('keeps savepoints and controlled transactions working inside a batch', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ text: 'kept' }).execute();
    const withSavepoint = await trx.savepoint('before_mistake').execute();
    await withSavepoint.insertInto('notes').values({ text: 'mistake' }).execute();
    await withSavepoint.rollbackToSavepoint('before_mistake').execute();
    await trx.commit().execute();
    expect(textsSeenByObserver()).toEqual(['kept']);

    const abandoned = await db.startTransaction().execute();
    await abandoned.insertInto('notes').values({ text: 'abandoned' }).execute();
    await abandoned.rollback().execute();
    await addNote('after');
    expect(textsSeenByObserver()).toEqual(['kept', 'after']);
  });
});

describe('SQLite checkpoints in a worker', () => {
  it('copies the WAL into the database file while the connection never checkpoints by itself', async () => {
    const sqlite = new SQLite(join(dir, 'checkpointed.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table t (x text)');
    let resolveCheckpoint: (result: CheckpointResult) => void = () => undefined;
    const checkpointed = new Promise<CheckpointResult>((resolve) => {
      resolveCheckpoint = resolve;
    });
    const checkpointer = startCheckpointer(sqlite, join(dir, 'checkpointed.sqlite'), {
      everyMs: 50,
      onCheckpoint: (result) => {
        if (result.log > 0 && result.checkpointed === result.log) resolveCheckpoint(result);
      },
    });
    try {
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const insert = sqlite.prepare('insert into t values (?)');
      for (let i = 0; i < 100; i++) insert.run(`row ${i}`);
      const result = await checkpointed;
      expect(result.busy).toBe(0);
    } finally {
      await checkpointer.stop();
      sqlite.close();
    }
  });

  it('gives checkpointing back to the connection when the worker cannot run', async () => {
    const sqlite = new SQLite(join(dir, 'fallback.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    const warn = console.warn;
    const warned = new Promise<string>((resolve) => {
      console.warn = (message: string) => resolve(message);
    });
    try {
      // The worker's connection needs the file to exist: this one does not.
      const checkpointer = startCheckpointer(sqlite, join(dir, 'missing', 'nothing.sqlite'));
      expect(await warned).toMatch(/checkpoint worker stopped/);
      await checkpointer.stop();
    } finally {
      console.warn = warn;
    }
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    sqlite.close();
  });

  it('runs for a database file made by createDatabase, and stops when it closes', async () => {
    const database = createDatabase(`sqlite:${join(dir, 'app.sqlite')}`);
    await sql`create table t (x text)`.execute(database.db);
    await sql`insert into t values ('a')`.execute(database.db);
    const walPages = (await sql<{ n: number }>`pragma wal_autocheckpoint`.execute(database.db)).rows[0];
    expect(Object.values(walPages ?? {})).toEqual([0]);
    await database.close();
    const reopened = new SQLite(join(dir, 'app.sqlite'), { readonly: true });
    expect(reopened.prepare('select x from t').all()).toEqual([{ x: 'a' }]);
    reopened.close();
  });
});
