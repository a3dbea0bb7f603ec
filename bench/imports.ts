/**
 * [i] Importing a register: a visits XLSX of BENCH_IMPORT_ROWS rows (default 100,000; Italian
 * headers, dates as Excel dates, people coming back several times) written with exceljs's
 * streaming writer, then uploaded to a running server (bench/server.ts) and taken through its
 * dry run and its import over the HTTP API, as the web page does; on SQLite, and on PostgreSQL
 * with BENCH_PG_URL. Beside it, the demo's bulk loader (writePeopleAndVisits, through
 * populateCentres) writes the same number of visits and a like number of people into a fresh
 * database in the same run: its visits per second are the floor the import is compared with.
 * The server's memory: its resident set sampled every 100 ms and its peak (VmHWM) at the end.
 *
 * Targets: dry run and import each ≤ 60 s; import ≥ 0.5 × the bulk loader's visits per second;
 * server peak RSS < 400 MB.
 *
 * Alone: `npx tsx bench/run.ts --only imports` (BENCH_IMPORT_ROWS=10000 for a quick run).
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { JESI_ISTAT } from '../src/demo/generator.js';
import { populateCentres } from '../src/demo/populate-centres.js';
import { createApiToken, createCentre, createOrganisation, createUser } from '../src/modules/accounts/accounts.usecases.js';
import { CACHE_DIR, type ChildServer, fmt, removeSqlite, startServer } from './lib.js';

export const IMPORT_TARGETS = { seconds: 60, toBulkRatio: 0.5, rssMB: 400 };

export interface ImportRun {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  dryRunSeconds: number;
  importSeconds: number;
  /** Visits written per second by the import (the run alone, not the dry run). */
  visitsPerSecond: number;
  accepted: number;
  newPeople: number;
  peakRssMB: number;
  /** The resident set sampled every 100 ms during each phase (the peak above is the process's VmHWM). */
  peakRssByPhaseMB: { dryRun: number; import: number };
  /** The server's RSS when it had started, before the upload. */
  idleRssMB: number;
}

type BulkRun = { visits: number; people: number; seconds: number; visitsPerSecond: number };

export interface ImportsBenchResult {
  rows: number;
  fileMB: number;
  writeFileSeconds: number;
  /** The demo's bulk loader on SQLite, and on PostgreSQL when measured there. */
  bulk: BulkRun;
  bulkPostgres?: BulkRun;
  runs: ImportRun[];
  errors: string[];
}

const HEADERS = [
  'Data',
  'Ora',
  'Cognome',
  'Nome',
  'Sesso',
  'Nazionalità',
  'Data di nascita',
  'Codice fiscale',
  'Tipologia richiesta',
  'Inviato da',
  'Canale',
  'Note',
];
const FAMILIES = [
  'El Amrani',
  'Popescu',
  'Rossi',
  'Hoxha',
  'Okafor',
  'Khan',
  'Kovalenko',
  'Ben Ali',
  'Diop',
  'Rahman',
  'Bianchi',
  'Ionescu',
  'Mensah',
  'Singh',
  'Yilmaz',
  'Traoré',
  'Shevchenko',
  'Gashi',
  'Mohamed',
  'Esposito',
];
const GIVEN = [
  'Youssef',
  'Ana',
  'Mario',
  'Elira',
  'Chinedu',
  'Ayesha',
  'Olena',
  'Karim',
  'Awa',
  'Rafiq',
  'Giulia',
  'Maria',
  'Kwame',
  'Harpreet',
  'Emre',
  'Fatoumata',
  'Taras',
  'Arben',
  'Amina',
  'Luca',
];
const COUNTRIES = ['Marocco', 'Romania', 'Italia', 'Albania', 'Nigeria', 'Pakistan', 'Ucraina', 'Tunisia', 'Senegal', 'Bangladesh'];
const TOPICS = ['Lavoro', 'Casa', 'Permesso di soggiorno', 'Salute', 'Scuola', 'Lavoro, Casa', 'Corsi di italiano', 'Cittadinanza'];
const REFERRALS = ['Spontaneo', 'Servizi sociali', 'Altro ente', ''];
const CHANNELS = ['Di persona', 'Telefono', 'Di persona', 'Email'];

/** A small deterministic generator (the file is the same from run to run). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** Writes the register: a person comes back about four times; dates over 2024 and 2025. */
export async function writeVisitsRegister(file: string, rows: number): Promise<{ people: number }> {
  const pick = lcg(2024);
  const people = Math.max(1, Math.round(rows / 4));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Accessi');
  sheet.addRow(HEADERS).commit();
  const start = Date.UTC(2024, 0, 2);
  for (let i = 0; i < rows; i++) {
    const p = pick(people);
    const family = `${FAMILIES[p % FAMILIES.length]}${p >= 400 ? ` ${String.fromCharCode(65 + (((p / 400) % 26) | 0))}${(p / 10400) | 0}` : ''}`;
    const given = GIVEN[(p * 7) % GIVEN.length] as string;
    const birthYear = 1950 + (p % 55);
    const birth = `${String(1 + (p % 28)).padStart(2, '0')}/${String(1 + (p % 12)).padStart(2, '0')}/${birthYear}`;
    const day = new Date(start + Math.floor((i / rows) * 700) * 86_400_000);
    sheet
      .addRow([
        day,
        `${9 + pick(8)}:${String(pick(4) * 15).padStart(2, '0')}`,
        family,
        given,
        p % 2 === 0 ? 'M' : 'F',
        COUNTRIES[p % COUNTRIES.length],
        birth,
        '',
        TOPICS[pick(TOPICS.length)],
        REFERRALS[pick(REFERRALS.length)],
        CHANNELS[pick(CHANNELS.length)],
        pick(10) === 0 ? 'Da richiamare' : '',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return { people };
}

/** A fresh organisation with one centre and a coordinator's API token. */
async function prepare(url: string): Promise<{ token: string; centreId: number; organisationId: number }> {
  const database = createDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    const organisationId = await createOrganisation(database.db, 'Bench imports');
    const centre = await createCentre(database.db, { organisationId, code: `IMP${Date.now() % 100000}`, name: 'Centro import' }, null);
    const user = await createUser(
      database.db,
      {
        organisationId,
        email: `bench-import-${Date.now()}@example.org`,
        displayName: 'Bench import',
        role: 'coordinator',
        centreIds: [centre.id],
      },
      null,
    );
    const token = await createApiToken(database.db, { userId: user.id, name: 'bench import' }, null);
    return { token: token.token, centreId: centre.id, organisationId };
  } finally {
    await database.close();
  }
}

function rssMB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : 0;
  } catch {
    return 0;
  }
}

interface ImportAnswer {
  id: number;
  version: number;
  status: string;
  failure: { code: string } | null;
  summary: { rows: number; accepted: number; rejected: number; newPeople: number } | null;
}

async function waitFor(server: ChildServer, token: string, id: number, done: (status: string) => boolean): Promise<ImportAnswer> {
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as ImportAnswer;
    if (done(body.status)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function importThrough(
  dialect: 'sqlite' | 'postgres',
  url: string,
  file: string,
  rows: number,
  log: (line?: string) => void,
): Promise<ImportRun> {
  const { token, centreId } = await prepare(url);
  // The server as deployed (compiled, plain Node): its memory is the figure.
  const server = await startServer('compiled', url);
  const idleRssMB = rssMB(server.process.pid, 'VmRSS');
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMB(server.process.pid, 'VmRSS'));
  }, 100);
  try {
    const body = readFileSync(file);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/imports?kind=visits&centreId=${centreId}&fileName=registro-accessi.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const created = (await res.json()) as ImportAnswer;
    const analysed = await waitFor(server, token, created.id, (s) => s !== 'analysing');
    const t1 = performance.now();
    const dryRunPeak = peak;
    peak = 0;
    if (analysed.status !== 'analysed') throw new Error(`dry run: ${analysed.status} ${JSON.stringify(analysed.failure)}`);
    log(
      `  ${dialect}: dry run ${fmt((t1 - t0) / 1000)} s: ${analysed.summary?.rows} rows, ${analysed.summary?.accepted} accepted, ${analysed.summary?.rejected} rejected, ${analysed.summary?.newPeople} new people`,
    );
    const run = await fetch(`${server.url}/api/v1/imports/${created.id}/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: analysed.version }),
    });
    if (run.status !== 202) throw new Error(`run: ${run.status} ${await run.text()}`);
    const imported = await waitFor(server, token, created.id, (s) => s !== 'importing');
    const t2 = performance.now();
    if (imported.status !== 'imported') throw new Error(`import: ${imported.status} ${JSON.stringify(imported.failure)}`);
    const importPeak = peak;
    peak = Math.max(dryRunPeak, importPeak, rssMB(server.process.pid, 'VmHWM'));
    const accepted = imported.summary?.accepted ?? 0;
    const result: ImportRun = {
      dialect,
      rows,
      dryRunSeconds: (t1 - t0) / 1000,
      importSeconds: (t2 - t1) / 1000,
      visitsPerSecond: Math.round(accepted / ((t2 - t1) / 1000)),
      accepted,
      newPeople: imported.summary?.newPeople ?? 0,
      peakRssMB: peak,
      peakRssByPhaseMB: { dryRun: dryRunPeak, import: importPeak },
      idleRssMB,
    };
    log(
      `  ${dialect}: import ${fmt(result.importSeconds)} s: ${accepted} visits, ${result.visitsPerSecond} visits/s; server peak RSS ${peak} MB (sampled: dry run ${dryRunPeak}, import ${importPeak} MB; idle before the upload ${idleRssMB} MB)`,
    );
    return result;
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

/** The demo's bulk loader writing `visits` visits and `people` people into a fresh database: the writing alone is timed. */
async function bulkFloor(url: string, visits: number, people: number) {
  const database = createDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    const organisationId = await createOrganisation(database.db, 'Bench bulk');
    const centre = await createCentre(database.db, { organisationId, code: 'BULK', name: 'Centro bulk' }, null);
    let writingFrom = performance.now();
    const result = await populateCentres(database.db, {
      seed: 2024,
      organisationId,
      centres: [{ centreId: centre.id, stream: 0, hostComune: JESI_ISTAT, people, visits, operatorIds: [] }],
      startDate: '2024-01-02',
      endDate: '2025-12-01',
      now: new Date('2026-01-01T12:00:00Z'),
      onProgress: (phase) => {
        // Until the drawing ends; the writing is what is compared.
        if (!phase.includes('written')) writingFrom = performance.now();
      },
    });
    const seconds = (performance.now() - writingFrom) / 1000;
    return { visits: result.visits, people: result.people, seconds, visitsPerSecond: Math.round(result.visits / seconds) };
  } finally {
    await database.close();
  }
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `approdo_bench_import_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function runImportsBench(rows: number, pgUrl: string | undefined, log: (line?: string) => void): Promise<ImportsBenchResult> {
  const errors: string[] = [];
  const file = join(CACHE_DIR, `imports-${rows}.xlsx`);
  const t0 = performance.now();
  const { people } = await writeVisitsRegister(file, rows);
  const writeFileSeconds = (performance.now() - t0) / 1000;
  const fileMB = Math.round((statSync(file).size / 2 ** 20) * 10) / 10;
  log(
    `  register: ${rows.toLocaleString('en')} visits of ~${people.toLocaleString('en')} people, ${fileMB} MB XLSX, written in ${fmt(writeFileSeconds)} s`,
  );

  const bulkFile = join(CACHE_DIR, 'imports-bulk.sqlite');
  removeSqlite(bulkFile);
  const bulk = await bulkFloor(`sqlite:${bulkFile}`, rows, people).finally(() => removeSqlite(bulkFile));
  const describeBulk = (b: BulkRun, where: string) =>
    `  demo bulk loader (${where}): ${b.visits.toLocaleString('en')} visits + ${b.people.toLocaleString('en')} people in ${fmt(b.seconds)} s: ${b.visitsPerSecond} visits/s`;
  log(describeBulk(bulk, 'SQLite'));
  let bulkPostgres: BulkRun | undefined;

  const runs: ImportRun[] = [];
  const sqliteFile = join(CACHE_DIR, 'imports-api.sqlite');
  removeSqlite(sqliteFile);
  try {
    runs.push(await importThrough('sqlite', `sqlite:${sqliteFile}`, file, rows, log));
  } catch (error) {
    errors.push(`imports (SQLite): ${error instanceof Error ? error.message : error}`);
    log(`  sqlite: failed: ${errors.at(-1)}`);
  } finally {
    removeSqlite(sqliteFile);
  }
  if (pgUrl) {
    let pgDb: Awaited<ReturnType<typeof freshPostgres>> | undefined;
    try {
      pgDb = await freshPostgres(pgUrl);
      bulkPostgres = await bulkFloor(pgDb.url, rows, people);
      log(describeBulk(bulkPostgres, 'PostgreSQL'));
      await pgDb.drop();
      pgDb = await freshPostgres(pgUrl);
      runs.push(await importThrough('postgres', pgDb.url, file, rows, log));
    } catch (error) {
      errors.push(`imports (PostgreSQL): ${error instanceof Error ? error.message : error}`);
      log(`  postgres: failed: ${errors.at(-1)}`);
    } finally {
      await pgDb?.drop().catch(() => {});
    }
  } else {
    log('  PostgreSQL: not measured (BENCH_PG_URL is not set)');
  }
  rmSync(file, { force: true });
  const result: ImportsBenchResult = { rows, fileMB, writeFileSeconds, bulk, ...(bulkPostgres && { bulkPostgres }), runs, errors };
  for (const run of runs) {
    log(`  ${run.dialect}: import / bulk loader: ${fmt(run.visitsPerSecond / Math.max(1, bulkOf(result, run).visitsPerSecond), 2)}`);
  }
  return result;
}

/** The bulk loader's run on the same database as the import's. */
function bulkOf(result: ImportsBenchResult, run: ImportRun): BulkRun {
  return (run.dialect === 'postgres' ? result.bulkPostgres : undefined) ?? result.bulk;
}

export function importVerdicts(result: ImportsBenchResult) {
  return result.runs.flatMap((run) => {
    const bulk = bulkOf(result, run);
    const ratio = Math.round((run.visitsPerSecond / Math.max(1, bulk.visitsPerSecond)) * 100) / 100;
    return [
      {
        figure: `import ${run.rows.toLocaleString('en')} rows (${run.dialect}): dry run`,
        value: `${fmt(run.dryRunSeconds)} s`,
        target: `≤ ${IMPORT_TARGETS.seconds} s`,
        met: run.dryRunSeconds <= IMPORT_TARGETS.seconds,
      },
      {
        figure: `import ${run.rows.toLocaleString('en')} rows (${run.dialect}): import`,
        value: `${fmt(run.importSeconds)} s (${run.visitsPerSecond} visits/s)`,
        target: `≤ ${IMPORT_TARGETS.seconds} s`,
        met: run.importSeconds <= IMPORT_TARGETS.seconds,
      },
      {
        figure: `import / demo bulk loader (${run.dialect})`,
        value: `${ratio} (bulk ${bulk.visitsPerSecond} visits/s)`,
        target: `≥ ${IMPORT_TARGETS.toBulkRatio}`,
        met: ratio >= IMPORT_TARGETS.toBulkRatio,
      },
      {
        figure: `import: server peak RSS (${run.dialect})`,
        value: `${run.peakRssMB} MB`,
        target: `< ${IMPORT_TARGETS.rssMB} MB`,
        met: run.peakRssMB < IMPORT_TARGETS.rssMB,
      },
    ];
  });
}
