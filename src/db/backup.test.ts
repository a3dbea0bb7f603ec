/**
 * approdo backup's copy (src/db/backup.ts). Above all: it finishes and verifies while another
 * thread writes visits without pause, where SQLite's online backup restarted at every commit and
 * never finished (issue 11). better-sqlite3 is synchronous, so the writer must be another thread:
 * a writer on this event loop would wait for the VACUUM INTO and prove nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../demo/demo.js';
import { backupSqlite } from './backup.js';
import { type AppDatabase, createDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/** flags[0]: visits committed so far; flags[1]: 1 asks the writer to stop. */
const WRITER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const flags = new Int32Array(workerData.flags);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
// A visit as createVisit records it: the row (a copy of a demo visit, at a new instant), its topics, its audit row.
const visit = db.prepare(\`insert into visits (centre_id, occurred_at, visit_date, visit_year, channel, person_id, gender,
    citizenship, age_band, origin_group, referral_source, notes, operator_id, created_at, updated_at, version)
  select centre_id, @at, visit_date, visit_year, channel, person_id, gender, citizenship, age_band, origin_group,
    referral_source, notes, operator_id, @at, @at, 1 from visits where id = @template\`);
const topics = db.prepare('insert into visit_topics (visit_id, topic_id) select ?, topic_id from visit_topics where visit_id = ?');
const audit = db.prepare("insert into audit_log (at, user_id, centre_id, action, entity, entity_id) select ?, operator_id, centre_id, 'create', 'visit', ? from visits where id = ?");
const record = db.transaction((template) => {
  const at = new Date().toISOString();
  const id = Number(visit.run({ at, template }).lastInsertRowid);
  topics.run(id, template);
  audit.run(at, String(id), id);
});
const templates = db.prepare('select id from visits order by id limit 500').pluck().all();
for (let i = 0; Atomics.load(flags, 1) === 0; i++) {
  record(templates[i % templates.length]);
  Atomics.add(flags, 0, 1);
}
db.close();
`;

const count = (file: string, table: string) => {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`select count(*) from ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backupSqlite (SQLite file)', () => {
  let dir: string;
  let file: string;
  let database: AppDatabase;
  let seeded: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'approdo-backup-'));
    file = join(dir, 'approdo.db');
    // The app's own connection stays open throughout, with its checkpoint worker, as in the server.
    database = createDatabase(`sqlite:${file}`);
    await migrateToLatest(database.db, database.dialect);
    seeded = (await fillDemo(database.db, { centreCode: 'DEMO', people: 3000, visits: 60_000, seed: 11 })).visits;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies and verifies the database while another thread keeps writing visits', async () => {
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const writer = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { file, flags: flags.buffer, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    });
    let failed: Error | undefined;
    writer.on('error', (error) => {
      failed = error;
    });
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    try {
      // Under way first: the backup must meet commits, not an idle database.
      while (Atomics.load(flags, 0) < 500 && !failed) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = Atomics.load(flags, 0);
      const target = join(dir, 'backups', 'under-load.db');
      const result = await backupSqlite(file, target);
      const during = Atomics.load(flags, 0) - before;
      console.info(`backup under load: ${result.seconds.toFixed(2)} s, ${result.bytes} bytes, ${during} visits committed during it`);

      expect(failed).toBeUndefined();
      expect(result).toMatchObject({ integrity: 'ok', migration: expect.stringMatching(/^\d{4}-/) });
      expect(during).toBeGreaterThan(0); // the writer was not held up by the backup
      const copy = new SQLite(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('foreign_key_check')).toEqual([]);
        // Every visit committed before the backup began is in the copy (a snapshot may hold some later ones).
        expect(copy.prepare('select count(*) from visits').pluck().get()).toBeGreaterThanOrEqual(seeded + before);
      } finally {
        copy.close();
      }
    } finally {
      Atomics.store(flags, 1, 1);
      await exited;
    }
    expect(failed).toBeUndefined();
    expect(count(file, 'visits')).toBe(seeded + Atomics.load(flags, 0));
  });

  it('refuses an existing target and leaves it as it was', async () => {
    const target = join(dir, 'taken.db');
    writeFileSync(target, 'an older backup');
    await expect(backupSqlite(file, target)).rejects.toThrow(`${target} exists already`);
    expect(readFileSync(target, 'utf8')).toBe('an older backup');
  });

  it('leaves no file behind when the copy is not an Approdo database', async () => {
    const other = join(dir, 'other.db');
    const db = new SQLite(other);
    db.exec('create table notes (body text); insert into notes values (1)');
    db.close();
    const target = join(dir, 'not-approdo.db');
    await expect(backupSqlite(other, target)).rejects.toThrow(/no Approdo schema/);
    expect(readdirSync(dir).filter((name) => name.includes('not-approdo'))).toEqual([]); // neither the target nor the .partial
  });

  it('refuses a source that does not exist, without creating it', async () => {
    const missing = join(dir, 'missing.db');
    await expect(backupSqlite(missing, join(dir, 'x.db'))).rejects.toThrow(`No SQLite database at ${missing}`);
    expect(readdirSync(dir).filter((name) => name.startsWith('missing') || name.startsWith('x.db'))).toEqual([]);
  });
});
