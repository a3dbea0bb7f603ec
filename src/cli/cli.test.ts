import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../test/support/app.js';
import { pdfFonts, pdfText } from '../../test/support/pdf.js';
import type { ReportData } from '../contracts/reports.js';
import type { VisitCreateInput } from '../contracts/visits.js';
import { type AppDatabase, createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { fillDemo } from '../demo/demo.js';
import { createVisit } from '../modules/visits/visits.usecases.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/config.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, 'main.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

describe('the approdo command (SQLite file)', () => {
  let dir: string;
  let url: string;
  const approdo = (...args: string[]) => run(TSX, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'approdo-cli-'));
    url = `sqlite:${join(dir, 'approdo.db')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate creates the schema', async () => {
    const { stdout } = await approdo('migrate');
    expect(stdout).toContain('is up to date');
  });

  it('user add creates the centre and the administrator, and prints a working token alone on the last line', async () => {
    const { stdout } = await approdo('user', 'add', '--email', 'Anna@Comune.example', '--role', 'admin', '--centre', 'JESI', '--token');
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('Created centre JESI (JESI).');
    const token = lines[lines.length - 1] as string;
    expect(token).toMatch(/^apd_[A-Za-z0-9_-]{43}$/);

    const database = createDatabase(url);
    const app = await buildApp(database, testConfig());
    try {
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email: 'anna@comune.example', role: 'admin', centres: [{ code: 'JESI' }] });

      const { stdout: listed } = await approdo('token', 'list');
      const id = listed.trim().split('\t')[0] as string;
      expect(listed).toContain('anna@comune.example');
      expect(listed).not.toContain(token); // only the prefix is ever shown
      await approdo('token', 'revoke', '--id', id);
      const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('user add gives a new centre its comune (by ISTAT code or by name, a frazione giving its comune) and contacts', async () => {
    const { stdout } = await approdo(
      'user',
      'add',
      '--email',
      'carla@comune.example',
      '--role',
      'coordinator',
      '--centre',
      'MOIE',
      '--centre-name',
      'Sportello di Moie',
      '--comune',
      'Moie',
      '--address',
      'Piazza Kennedy 1',
      '--phone',
      '0731 702994',
      '--centre-email',
      'Sportello@Moie.example',
    );
    expect(stdout).toContain('Created centre MOIE (Sportello di Moie, Comune di Maiolati Spontini).');
    await approdo('user', 'add', '--email', 'omar@comune.example', '--role', 'operator', '--centre', 'ANCONA', '--comune', '042002');
    const db = new SQLite(join(dir, 'approdo.db'), { readonly: true });
    try {
      const centres = db
        .prepare('SELECT code, comune_istat, address, phone, email FROM centres WHERE code IN (?, ?) ORDER BY code')
        .all('ANCONA', 'MOIE');
      expect(centres).toEqual([
        { code: 'ANCONA', comune_istat: '042002', address: null, phone: null, email: null },
        { code: 'MOIE', comune_istat: '042023', address: 'Piazza Kennedy 1', phone: '0731 702994', email: 'sportello@moie.example' },
      ]);
    } finally {
      db.close();
    }
    // A comune that is not one: refused with the candidates, and nothing is created.
    await expect(
      approdo('user', 'add', '--email', 'x@comune.example', '--role', 'operator', '--centre', 'NEW', '--comune', 'Samone'),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Samone (TO)') });
    await expect(
      approdo('user', 'add', '--email', 'x@comune.example', '--role', 'operator', '--centre', 'NEW', '--comune', '999999'),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No comune "999999"') });
    const db2 = new SQLite(join(dir, 'approdo.db'), { readonly: true });
    try {
      expect(db2.prepare('SELECT count(*) AS n FROM centres WHERE code = ?').get('NEW')).toEqual({ n: 0 });
    } finally {
      db2.close();
    }
  });

  it('refuses a second user with the same e-mail and an unknown role, with a message and exit code 1', async () => {
    await expect(approdo('user', 'add', '--email', 'anna@comune.example', '--role', 'operator', '--centre', 'JESI')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('exists already'),
    });
    await expect(approdo('user', 'add', '--email', 'x@comune.example', '--role', 'boss', '--centre', 'JESI')).rejects.toMatchObject({
      code: 1,
    });
  });
  it('report writes the annual report of a centre as JSON, PDF and a CSV table, with its progress on standard error', async () => {
    await approdo('demo', '--centre', 'DEMO', '--people', '120', '--visits', '600', '--seed', '7');
    const year = String(new Date().getFullYear() - 1);
    const json = join(dir, 'report.json');
    const { stderr } = await approdo('report', '--centre', 'DEMO', '--year', year, '--format', 'json', '--out', json);
    expect(stderr).toContain('[10/10] Bisogni rilevati sul territorio');
    const data = JSON.parse(readFileSync(json, 'utf8')) as ReportData;
    expect(data.title).toBe(`Report di Gestione gennaio - dicembre ${year}`);
    expect(data.versionNumber).toBeNull();
    const visits = data.sections.find((s) => s.id === 'visits')?.blocks.find((b) => b.id === 'visits.total');
    const total = visits?.kind === 'figures' ? visits.items[0]?.value : undefined;
    expect(total).toBeGreaterThan(0);

    const pdf = join(dir, 'report.pdf');
    await approdo('report', '--centre', 'DEMO', '--year', year, '--format', 'pdf', '--out', pdf);
    const text = pdfText(readFileSync(pdf));
    expect(text).toContain(`Report di Gestione gennaio - dicembre ${year}`);
    expect(text).toContain('Utenti presi in carico');
    const fonts = pdfFonts(readFileSync(pdf));
    // Not vacuous: a PDF with no font at all would pass an "every font embedded" alone.
    expect(fonts.map((font) => font.name).join(' ')).toMatch(/DejaVu/);
    expect(fonts.every((font) => font.embedded)).toBe(true);

    const { stdout: csv } = await approdo(
      'report',
      '--centre',
      'DEMO',
      '--year',
      year,
      '--format',
      'csv',
      '--table',
      'visits.byGender',
      '--out',
      '-',
    );
    expect(csv).toContain('Totale;');
    await expect(approdo('report', '--centre', 'NOPE', '--year', year, '--out', '-')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No centre with code NOPE'),
    });
    await expect(approdo('report', '--centre', 'DEMO', '--year', year, '--out', '-', '--published', '1')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No such version 1'),
    });
  }, 300_000);
});

describe('approdo backup', () => {
  let dir: string;
  let url: string;
  const approdo = (databaseUrl: string, ...args: string[]) =>
    run(TSX, [CLI, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'approdo-cli-backup-'));
    url = `sqlite:${join(dir, 'approdo.db')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the database while the app records visits, verifies the copy, and never overwrites a file', async () => {
    // The app's own layer (group commit, checkpoint worker) writes in this process; the backup runs in another.
    const database: AppDatabase = createDatabase(url);
    let stop = false;
    let committed = 0;
    const writers: Promise<void>[] = [];
    try {
      await migrateToLatest(database.db, database.dialect);
      const seeded = (await fillDemo(database.db, { centreCode: 'DEMO', people: 200, visits: 3000, seed: 3 })).visits;
      const operator = await database.db.selectFrom('users').select('id').where('role', '=', 'operator').executeTakeFirstOrThrow();
      const actor = await actorOf(database.db, operator.id);
      const topic = await database.db.selectFrom('requestTopics').select('id').where('active', '=', 1).executeTakeFirstOrThrow();
      const input: VisitCreateInput = {
        anonymous: { gender: 'female', citizenship: 'UA', ageBand: '30-44' },
        channel: 'in_person',
        referralSource: 'spontaneous',
        topicIds: [topic.id],
      };
      // Four desks at once, each at most one visit a millisecond (about the server's rate in issue 11),
      // which leaves the shared machine's CPU to the backup's process.
      for (let desk = 0; desk < 4; desk++) {
        writers.push(
          (async () => {
            while (!stop) {
              await createVisit(database.db, actor, input);
              committed++;
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
          })(),
        );
      }
      while (committed < 200) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = committed;
      const target = join(dir, 'backup', 'approdo.db');
      const { stdout } = await approdo(url, 'backup', target);
      const during = committed - before;
      console.info(`${stdout.trim()} ${during} visits recorded meanwhile.`);
      expect(stdout).toMatch(/^Backup written to .*approdo\.db \([\d.]+ [kM]B, integrity ok, schema \d{4}-[\w-]+, [\d.]+ s\)\.\n$/);
      expect(during).toBeGreaterThan(0);
      const copy = new SQLite(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('select count(*) from visits').pluck().get()).toBeGreaterThanOrEqual(seeded + before);
      } finally {
        copy.close();
      }

      const kept = readFileSync(target);
      await expect(approdo(url, 'backup', target)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('exists already'),
      });
      expect(readFileSync(target).equals(kept)).toBe(true);
    } finally {
      stop = true;
      await Promise.all(writers);
      await database.close();
    }
  }, 120_000);

  it('refuses a file it cannot write', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    await expect(approdo(url, 'backup', join(dir, 'a-file', 'approdo.db'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Backup to .* failed: /),
    });
  });

  it('on PostgreSQL refuses and points to pg_dump', async () => {
    await expect(approdo('postgres://postgres@127.0.0.1:5432/postgres', 'backup', join(dir, 'pg.db'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('pg_dump -Fc'),
    });
  });
});
