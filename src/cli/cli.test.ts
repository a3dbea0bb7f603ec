import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfText } from '../../test/support/pdf.js';
import type { ReportData } from '../contracts/reports.js';
import { createDatabase } from '../db/database.js';
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
