/**
 * npm run bench: figures and ratios measured in one run, printed and written to
 * bench/results/latest.json. Never part of npm test; nothing here asserts a time.
 *
 *   a. data: 20 centres, 100,000 people, 1,000,000 visits over five years, generated once
 *      into bench/.cache/ (SQLite) and reused while seed, sizes and generator are the same;
 *   b. person search through the HTTP API, for one centre and for a multi-centre user;
 *   c. recording visits under load (autocannon), the application against a bare route;
 *   d. the front-desk page in Chromium: JS transferred and time to a usable form;
 *   e. with BENCH_PG_URL, (b) on PostgreSQL too;
 *   h. the annual report's data: a Jesi-size centre-year and the whole organisation's year, beside
 *      the bare SQL aggregation queries (bench/report.ts; on PostgreSQL too with BENCH_PG_URL);
 *   i. importing a 100,000-row visits register (dry run, then the import) through the API, beside
 *      the demo's bulk loader (bench/imports.ts; on PostgreSQL too with BENCH_PG_URL). Alone:
 *      `npx tsx bench/run.ts --only imports` (BENCH_IMPORT_ROWS, default 100000).
 *   k. the coordinator's home page through the API, for one centre and for all twenty (bench/home.ts;
 *      on PostgreSQL too with BENCH_PG_URL). Alone: `npx tsx bench/run.ts --only home` (BENCH_HOME_READS).
 *
 * Settings (environment): BENCH_SEED, BENCH_CENTRES, BENCH_PEOPLE, BENCH_VISITS, BENCH_YEARS,
 * BENCH_END_DATE, BENCH_SEARCHES, BENCH_LOAD_SECONDS, BENCH_CONNECTIONS, BENCH_LOAD_ROUNDS, BENCH_PROFILE
 * (1: always profile the visit load, 0: never; default: when a target is missed),
 * BENCH_REGENERATE=1, BENCH_BUILD (1: always build, 0: never; default: when dist/web is missing),
 * BENCH_PG_URL, BENCH_REPORT_RUNS (timed runs of the report, default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { randomPassword } from '../src/demo/demo.js';
import { createApiToken, createUser } from '../src/modules/accounts/accounts.usecases.js';
import { TOPICS } from '../src/modules/catalogues/catalogues.js';
import { listCatalogue } from '../src/modules/catalogues/catalogues.repository.js';
import { type GetRun, growHeavyPerson, HEAVY_NOTES, HEAVY_VISITS, timeGets } from './care.js';
import { COURSES, type CoursesRun, giveJesiCalendar, LEARNERS, runCourses } from './courses.js';
import { type DatasetMeta, type DatasetSpec, ensurePostgresDataset, ensureSqliteDataset } from './dataset.js';
import { type FrontDeskResult, measureFrontDesk, WEB_DIR } from './front-desk.js';
import { type HomeBenchResult, homeVerdicts, runHomeBench } from './home.js';
import { type ImportsBenchResult, importVerdicts, runImportsBench } from './imports.js';
import { CACHE_DIR, copySqlite, fmt, processCpuMs, RESULTS_DIR, ROOT, removeSqlite, startServer } from './lib.js';
import { type ProfileSummary, summariseProfile } from './profile.js';
import { type ReportBenchResult, reportVerdicts, runReportBench } from './report.js';
import { buildQueries, runSearches, type SearchQuery, type SearchRun } from './search.js';
import { type LoadRun, loadVisits } from './visits-load.js';

const TARGETS = {
  loadSeconds: 120,
  searchP95Ms: 30,
  visitsPerSecond: 1000,
  apiToBareRatio: 0.5,
  frontDeskJsKB: 200,
  personFileP95Ms: 50,
  deadlinesP95Ms: 50,
  lessonGenerationP95Ms: 50,
  attendanceP95Ms: 50,
};

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const spec: DatasetSpec = {
  seed: Number(env('BENCH_SEED', '2024')),
  centres: Number(env('BENCH_CENTRES', '20')),
  people: Number(env('BENCH_PEOPLE', '100000')),
  visits: Number(env('BENCH_VISITS', '1000000')),
  years: Number(env('BENCH_YEARS', '5')),
  // Fixed, so that the data (and the cache) do not change from one day to the next.
  endDate: env('BENCH_END_DATE', '2026-06-30'),
};
const SEARCHES = Number(env('BENCH_SEARCHES', '300'));
const LOAD_SECONDS = Number(env('BENCH_LOAD_SECONDS', '10'));
const CONNECTIONS = Number(env('BENCH_CONNECTIONS', '20'));
const LOAD_ROUNDS = Number(env('BENCH_LOAD_ROUNDS', '2'));

const log = (line = '') => console.log(line);
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const runId = stamp();
const work = (name: string) => join(CACHE_DIR, `work-${name}.sqlite`);

interface Results {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  /** How busy the machine was (other processes) when each phase began, the bench itself idle. */
  machineBusy: Record<string, { cpuBusyPercent: number | null; loadAverage: number }>;
  dataset?: DatasetMeta & { reused: boolean };
  search?: { sqlite?: SearchRun[]; postgres?: SearchRun[] | { notMeasured: string }; postgresLoadSeconds?: number };
  visits?: {
    api: LoadRun;
    bare: LoadRun;
    ratio: number;
    runs: { api: LoadRun[]; bare: LoadRun[] };
    rowsInserted: number;
    profile?: ProfileSummary & { file: string };
  };
  frontDesk?: FrontDeskResult;
  care?: { heavyPerson: { personId: number; caseId: number }; personFile: GetRun; deadlines: GetRun };
  courses?: CoursesRun;
  report?: ReportBenchResult;
  imports?: ImportsBenchResult;
  home?: HomeBenchResult;
  verdicts?: Array<{ figure: string; value: string; target: string; met: boolean | null }>;
  errors: string[];
}

const results: Results = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  machineBusy: {},
  errors: [],
};

/** Share of the CPUs busy over `ms`, from /proc/stat (Linux); undefined elsewhere. */
async function cpuBusy(ms = 1000): Promise<number | undefined> {
  const sample = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
      const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
      return { idle, total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const first = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const second = sample();
  if (!first || !second || second.total === first.total) return undefined;
  return 1 - (second.idle - first.idle) / (second.total - first.total);
}

/**
 * Notes how busy the machine is when a phase begins, while the bench itself is idle: what it
 * sees is other processes. Above a quarter of the CPUs, it says that the figures are pessimistic.
 */
async function busyWarning(phase?: string) {
  const busy = await cpuBusy();
  const load = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  if (phase) results.machineBusy[phase] = { cpuBusyPercent: busy === undefined ? null : Math.round(busy * 100), loadAverage: load };
  if (busy !== undefined ? busy > 0.25 : load > cpus().length * 0.75) {
    const what = busy !== undefined ? `${Math.round(busy * 100)}% of the CPUs busy` : `load average ${load}`;
    log(`  ! ${what} before this phase, from other processes: figures are pessimistic`);
  }
}

async function withDb<T>(file: string, work: (db: ReturnType<typeof createDatabase>['db']) => Promise<T>): Promise<T> {
  const database = createDatabase(`sqlite:${file}`);
  try {
    await migrateToLatest(database.db, database.dialect);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function makeToken(
  db: ReturnType<typeof createDatabase>['db'],
  organisationId: number,
  role: 'operator' | 'coordinator',
  centreIds: number[],
  name: string,
  password?: string,
) {
  const user = await createUser(
    db,
    { organisationId, email: `bench-${name}-${runId.toLowerCase()}@example.org`, displayName: `Bench ${name}`, role, centreIds, password },
    null,
  );
  const token = await createApiToken(db, { userId: user.id, name: `bench ${name}` }, null);
  return { userId: user.id, email: user.email, token: token.token };
}

function ensureWebBuild(): string | null {
  const wanted = process.env.BENCH_BUILD;
  if (wanted === '0') return existsSync(join(WEB_DIR, 'index.html')) ? null : 'dist/web is missing (BENCH_BUILD=0: not building)';
  if (wanted !== '1' && existsSync(join(WEB_DIR, 'index.html'))) return null;
  log('  building the app (npm run build) ...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    const output = `${build.stdout}\n${build.stderr}`.split('\n').filter((l) => /error/i.test(l));
    return `npm run build failed: ${(output[0] ?? `exit ${build.status}`).trim().slice(0, 200)}`;
  }
  return existsSync(join(WEB_DIR, 'index.html')) ? null : 'npm run build made no dist/web/index.html';
}

function printSearch(run: SearchRun) {
  log(
    `  ${run.scope.padEnd(34)} p50 ${fmt(run.p50)} ms   p95 ${fmt(run.p95)} ms   p99 ${fmt(run.p99)} ms   (n=${run.count}, mean ${fmt(run.mean)} ms, ~${run.meanTotal} hits/query)`,
  );
  for (const [kind, s] of Object.entries(run.byKind)) log(`      ${kind.padEnd(20)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  (n=${s.count})`);
  log(`      ${run.found}`);
  log(`      slowest: ${run.slowest.map((s) => `"${s.q}" ${s.ms} ms (${s.total} hits)`).join('; ')}`);
}

function printLoad(run: LoadRun) {
  log(
    `  ${run.label.padEnd(34)} ${String(run.requestsPerSecond).padStart(6)} visits/s   latency p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms   (${run.ok} ok, ${run.non2xx} non-2xx, ${run.errors} errors)`,
  );
  if (run.serverCpuMicrosPerRequest !== undefined) log(`      server CPU per request: ${run.serverCpuMicrosPerRequest} µs`);
  if (run.firstFailure) log(`      first failure: ${run.firstFailure}`);
}

function printProfile(profile: ProfileSummary) {
  log(`  where the API process spends its busy time (${profile.sampledMs} ms sampled, ${profile.idlePercent}% idle):`);
  log('    by area (self time):');
  for (const a of profile.areas) log(`      ${fmt(a.percent).padStart(5)}%  ${a.area}`);
  log('    application functions (inclusive):');
  for (const f of profile.appInclusive) log(`      ${fmt(f.percent).padStart(5)}%  ${f.fn}`);
  log('    hottest functions (self):');
  for (const f of profile.selfTop) log(`      ${fmt(f.percent).padStart(5)}%  ${f.fn}`);
}

const IMPORT_ROWS = Number(env('BENCH_IMPORT_ROWS', '100000'));
const onlyIndex = process.argv.indexOf('--only');
const ONLY = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;

/** [i] importing a register (bench/imports.ts). */
async function importsSection() {
  log(
    `\n[i] importing a ${IMPORT_ROWS.toLocaleString('en')}-row visits register through the API (dry run, then the import), beside the demo's bulk loader`,
  );
  await busyWarning('imports');
  mkdirSync(CACHE_DIR, { recursive: true });
  // The import bench runs the compiled server (bench/compiled-server.mjs).
  const buildProblem = ensureWebBuild();
  if (buildProblem) throw new Error(buildProblem);
  results.imports = await runImportsBench(IMPORT_ROWS, process.env.BENCH_PG_URL, log);
  results.errors.push(...results.imports.errors);
  return importVerdicts(results.imports);
}

/** [k] the coordinator's home page (bench/home.ts), on the data set of [a]. */
async function homeSection(meta: DatasetMeta) {
  log(`\n[k] the coordinator's home page through the API: one centre, and all ${meta.centreList.length} centres`);
  await busyWarning('home');
  results.home = await runHomeBench(spec, meta, process.env.BENCH_PG_URL, makeToken, log);
  results.errors.push(...results.home.errors);
  return homeVerdicts(results.home);
}

async function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (ONLY === 'imports' || ONLY === 'home') {
    if (ONLY === 'imports') results.verdicts = await importsSection();
    else {
      const { meta, reused } = await ensureSqliteDataset(spec, log);
      results.dataset = { ...meta, reused };
      results.verdicts = await homeSection(meta);
    }
    log('\nSummary');
    for (const v of results.verdicts) log(`  ${v.met ? '✓' : '✗'} ${v.figure.padEnd(52)} ${v.value.padEnd(34)} target ${v.target}`);
    return;
  }
  if (ONLY !== undefined) throw new Error(`--only: the sections run alone are: imports, home (not ${ONLY})`);
  log(
    `Approdo bench — ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGB} GB, Node ${results.machine.node}`,
  );

  // --- a. data
  log(
    `\n[a] data set: ${spec.centres} centres, ${spec.people.toLocaleString('en')} people, ${spec.visits.toLocaleString('en')} visits, ${spec.years} years to ${spec.endDate}, seed ${spec.seed}`,
  );
  await busyWarning('data');
  const { meta, reused } = await ensureSqliteDataset(spec, log);
  results.dataset = { ...meta, reused };
  log(
    reused
      ? `  reused ${meta.file} (${Math.round(meta.sizeBytes / 2 ** 20)} MB); it loaded in ${fmt(meta.loadSeconds)} s when generated on ${meta.generatedAt} (BENCH_REGENERATE=1 to measure again)`
      : `  load time: ${fmt(meta.loadSeconds)} s (SQLite, ${Math.round(meta.sizeBytes / 2 ** 20)} MB)`,
  );
  const jesi = meta.centreList[0] as DatasetMeta['centreList'][number];
  const allCentres = meta.centreList.map((c) => c.id);

  // --- b + d. search and the front desk, on one working copy
  log('\n[b] person search through the API (SQLite)');
  await busyWarning('search');
  const buildProblem = ensureWebBuild();
  const fileA = work('search');
  copySqlite(meta.file, fileA);
  let queries: { centre: SearchQuery[]; multi: SearchQuery[] };
  const accounts = await withDb(fileA, async (db) => {
    queries = {
      centre: await buildQueries(db, [jesi.id], SEARCHES, spec.seed),
      multi: await buildQueries(db, allCentres, SEARCHES, spec.seed),
    };
    const password = randomPassword();
    return {
      operator: await makeToken(db, meta.organisationId, 'operator', [jesi.id], 'search-operator'),
      coordinator: await makeToken(db, meta.organisationId, 'coordinator', allCentres, 'search-coordinator'),
      frontDesk: { ...(await makeToken(db, meta.organisationId, 'operator', [jesi.id], 'front-desk', password)), password },
    };
  });
  const q = queries!;
  const serverA = await startServer('api', `sqlite:${fileA}`);
  try {
    const runs = [
      await runSearches(
        serverA.url,
        accounts.operator.token,
        q.centre,
        `one centre (${jesi.code}, ${jesi.people.toLocaleString('en')} people)`,
      ),
      await runSearches(serverA.url, accounts.coordinator.token, q.multi, `multi-centre (${allCentres.length} centres)`),
    ];
    results.search = { sqlite: runs };
    for (const run of runs) printSearch(run);

    log('\n[d] front-desk page in Chromium');
    await busyWarning('frontDesk');
    if (buildProblem) {
      results.frontDesk = {
        staticJs: { notMeasured: buildProblem },
        loadedJs: { notMeasured: buildProblem },
        usableFormMs: { notMeasured: buildProblem },
      };
    } else {
      results.frontDesk = await measureFrontDesk(
        serverA.url,
        { email: accounts.frontDesk.email, password: accounts.frontDesk.password },
        5,
        log,
      );
    }
    const fd = results.frontDesk;
    log(
      'notMeasured' in fd.staticJs
        ? `  JS named by index.html: not measured: ${fd.staticJs.notMeasured}`
        : `  JS named by index.html: ${fd.staticJs.gzipKB} KB gz in ${fd.staticJs.files.length} files`,
    );
    log(
      'notMeasured' in fd.loadedJs
        ? `  JS loaded by the page:  not measured: ${fd.loadedJs.notMeasured}`
        : `  JS loaded by the page:  ${fd.loadedJs.gzipKB} KB gz (${fd.loadedJs.files.map((f) => `${f.path} ${Math.round(f.gzipBytes / 102.4) / 10} KB`).join(', ')}); ${fd.loadedJs.wireKB} KB as sent by the server`,
    );
    log(
      'notMeasured' in fd.usableFormMs
        ? `  time to a usable form: not measured: ${fd.usableFormMs.notMeasured}`
        : `  time to a usable form: ${fd.usableFormMs.coldMedian} ms cold (empty cache), ${fd.usableFormMs.warmMedian} ms warm — median of ${fd.usableFormMs.coldRuns.length}`,
    );
  } finally {
    await serverA.stop();
  }

  // --- c. recording visits
  log(`\n[c] recording visits: POST /api/v1/visits, ${CONNECTIONS} connections, ${LOAD_SECONDS} s, linked and anonymous in turn`);
  await busyWarning('visits');
  const fileB = work('api');
  const fileC = work('bare');
  copySqlite(meta.file, fileB);
  copySqlite(meta.file, fileC);
  const plan = await withDb(fileB, async (db) => {
    const operator = await makeToken(db, meta.organisationId, 'operator', [jesi.id], 'visits-operator');
    const personIds = (await db.selectFrom('people').select('id').where('centreId', '=', jesi.id).orderBy('id').limit(5000).execute()).map(
      (p) => p.id,
    );
    const topicIds = (await listCatalogue(db, TOPICS, meta.organisationId, true)).map((t) => t.id);
    const before = await db
      .selectFrom('visits')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    return { operator, personIds, topicIds, maxVisitId: Number(before.m) };
  });
  const visitPlan = { personIds: plan.personIds, topicIds: plan.topicIds, seed: spec.seed };
  const runLoad = async (label: string, mode: 'api' | 'bare', target: string, profileFile?: string) => {
    const server = await startServer(mode, target, profileFile ? { BENCH_CPU_PROFILE: profileFile } : {});
    try {
      await loadVisits(`${label} warm-up`, server.url, plan.operator.token, visitPlan, { seconds: 2, connections: CONNECTIONS });
      if (profileFile) server.signal('SIGUSR2');
      const cpuBefore = processCpuMs(server.process.pid);
      const run = await loadVisits(label, server.url, plan.operator.token, visitPlan, { seconds: LOAD_SECONDS, connections: CONNECTIONS });
      const cpuAfter = processCpuMs(server.process.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined && run.ok > 0) {
        run.serverCpuMicrosPerRequest = Math.round(((cpuAfter - cpuBefore) * 1000) / run.ok);
      }
      return run;
    } finally {
      await server.stop();
    }
  };
  // In turn, LOAD_ROUNDS times each; the best run of each side counts (other processes can only slow a run down).
  const apiRuns: LoadRun[] = [];
  const bareRuns: LoadRun[] = [];
  for (let round = 1; round <= LOAD_ROUNDS; round++) {
    if (round > 1) await busyWarning();
    apiRuns.push(await runLoad(`Approdo API (SQLite), run ${round}`, 'api', `sqlite:${fileB}`));
    printLoad(apiRuns.at(-1) as LoadRun);
    bareRuns.push(await runLoad(`bare Fastify + better-sqlite3, run ${round}`, 'bare', fileC));
    printLoad(bareRuns.at(-1) as LoadRun);
  }
  const best = (runs: LoadRun[]) => runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const api = best(apiRuns);
  const bare = best(bareRuns);
  log(`  best: API ${api.requestsPerSecond}/s, bare ${bare.requestsPerSecond}/s`);
  const ratio = Math.round((api.requestsPerSecond / Math.max(1, bare.requestsPerSecond)) * 100) / 100;
  log(`  ratio API / bare: ${ratio}`);
  const rowsInserted = await withDb(fileB, async (db) =>
    Number(
      (
        await db
          .selectFrom('visits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', '>', plan.maxVisitId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
  log(`  rows really inserted by the API runs (warm-up included): ${rowsInserted.toLocaleString('en')}`);
  results.visits = { api, bare, ratio, runs: { api: apiRuns, bare: bareRuns }, rowsInserted };

  const missed = api.requestsPerSecond < TARGETS.visitsPerSecond || ratio < TARGETS.apiToBareRatio;
  const profileWanted = process.env.BENCH_PROFILE === '1' || (process.env.BENCH_PROFILE !== '0' && missed);
  if (profileWanted) {
    const dir = join(RESULTS_DIR, 'profiles');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `visits-api-${runId}.cpuprofile`);
    log('  profiling the API under the same load (V8 CPU profiler, the load only) ...');
    const profiled = await runLoad('Approdo API (SQLite, profiled)', 'api', `sqlite:${fileB}`, file);
    printLoad(profiled);
    if (existsSync(file)) {
      const profile = summariseProfile(file);
      results.visits.profile = { ...profile, file };
      printProfile(profile);
      log(`  profile: ${file} (open it in Chrome DevTools › Performance, or speedscope)`);
    } else {
      log('  no profile was written');
    }
  }

  // --- f. people in care
  log(
    `\n[f] people in care through the API (SQLite): the person's file (${HEAVY_VISITS} visits, ${HEAVY_NOTES} diary notes) and the Scadenze page`,
  );
  await busyWarning('care');
  const fileF = work('care');
  copySqlite(meta.file, fileF);
  const care = await withDb(fileF, async (db) => ({
    heavy: await growHeavyPerson(db, jesi.id, spec.endDate),
    operator: await makeToken(db, meta.organisationId, 'operator', [jesi.id], 'care-operator'),
    permits: Number(
      (
        await db
          .selectFrom('residencePermits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('centreId', '=', jesi.id)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  }));
  const serverF = await startServer('api', `sqlite:${fileF}`);
  try {
    const personFile = await timeGets(
      serverF.url,
      care.operator.token,
      `/api/v1/people/${care.heavy.personId}/file`,
      SEARCHES,
      "the person's file",
      (body) => {
        const file = body as { visits: { total: number; items: unknown[] }; cases: Array<{ notes: unknown[] }> };
        return `${file.visits.total} visits (${file.visits.items.length} in the answer), ${file.cases.length} case(s) with ${file.cases.reduce((n, c) => n + c.notes.length, 0)} diary notes`;
      },
    );
    const deadlines = await timeGets(
      serverF.url,
      care.operator.token,
      `/api/v1/deadlines?withinDays=60&centreId=${jesi.id}`,
      SEARCHES,
      `Scadenze (${jesi.code}, ${care.permits.toLocaleString('en')} permits)`,
      (body) => {
        const d = body as { expiringTotal: number; expiredTotal: number };
        return `${d.expiringTotal} expiring within 60 days, ${d.expiredTotal} expired`;
      },
    );
    results.care = { heavyPerson: care.heavy, personFile, deadlines };
    for (const run of [personFile, deadlines]) {
      log(
        `  ${run.label.padEnd(34)} p50 ${fmt(run.p50)} ms   p95 ${fmt(run.p95)} ms   p99 ${fmt(run.p99)} ms   (n=${run.count}; ${run.answered})`,
      );
    }
  } finally {
    await serverF.stop();
  }

  // --- g. courses
  const courseYear = Number(spec.endDate.slice(0, 4)) - 1;
  log(
    `\n[g] courses through the API (SQLite): a year of lessons (${courseYear}) for ${COURSES} courses, the attendance screen of ${LEARNERS} learners`,
  );
  await busyWarning('courses');
  const fileG = work('courses');
  copySqlite(meta.file, fileG);
  const coursesSetup = await withDb(fileG, async (db) => {
    await giveJesiCalendar(db, jesi.id, courseYear);
    const kind = await db
      .selectFrom('courseKinds')
      .select('id')
      .where('organisationId', '=', meta.organisationId)
      .where('code', '=', 'language_club')
      .executeTakeFirstOrThrow();
    const people = await db.selectFrom('people').select('id').where('centreId', '=', jesi.id).orderBy('id').limit(LEARNERS).execute();
    return {
      kindId: kind.id,
      personIds: people.map((p) => p.id),
      coordinator: await makeToken(db, meta.organisationId, 'coordinator', [jesi.id], 'courses-coordinator'),
    };
  });
  const serverG = await startServer('api', `sqlite:${fileG}`);
  try {
    const run = await runCourses(serverG.url, coursesSetup.coordinator.token, {
      kindId: coursesSetup.kindId,
      year: courseYear,
      personIds: coursesSetup.personIds,
      reads: SEARCHES,
    });
    results.courses = run;
    log(
      `  generating a year of lessons          p50 ${fmt(run.generation.p50)} ms   p95 ${fmt(run.generation.p95)} ms   (n=${run.generation.count}; ${run.generation.lessons} lessons written, ${run.generation.skipped} dates skipped for closures and holidays)`,
    );
    log(
      `  attendance screen, read               p50 ${fmt(run.attendanceRead.p50)} ms   p95 ${fmt(run.attendanceRead.p95)} ms   (n=${run.attendanceRead.count}; ${run.attendanceRead.learners} learners)`,
    );
    log(
      `  attendance screen, saved              p50 ${fmt(run.attendanceSave.p50)} ms   p95 ${fmt(run.attendanceSave.p95)} ms   (n=${run.attendanceSave.count})`,
    );
  } finally {
    await serverG.stop();
  }

  // --- e. PostgreSQL
  const pgUrl = process.env.BENCH_PG_URL;
  if (pgUrl) {
    log('\n[e] person search through the API (PostgreSQL)');
    await busyWarning('postgres');
    const pg = await ensurePostgresDataset(pgUrl, spec, log);
    if ('notMeasured' in pg) {
      log(`  not measured: ${pg.notMeasured}`);
      results.search = { ...results.search, postgres: pg };
    } else {
      log(
        pg.reused ? `  reused the data set (it loaded in ${fmt(pg.loadSeconds)} s)` : `  load time: ${fmt(pg.loadSeconds)} s (PostgreSQL)`,
      );
      const database = createDatabase(pgUrl);
      const pgAccounts = await (async () => {
        try {
          return {
            operator: await makeToken(database.db, meta.organisationId, 'operator', [jesi.id], 'pg-search-operator'),
            coordinator: await makeToken(database.db, meta.organisationId, 'coordinator', allCentres, 'pg-search-coordinator'),
          };
        } finally {
          await database.close();
        }
      })();
      const server = await startServer('api', pgUrl);
      try {
        const runs = [
          await runSearches(server.url, pgAccounts.operator.token, q.centre, `one centre (${jesi.code})`),
          await runSearches(server.url, pgAccounts.coordinator.token, q.multi, `multi-centre (${allCentres.length} centres)`),
        ];
        results.search = { ...results.search, postgres: runs, postgresLoadSeconds: pg.loadSeconds };
        for (const run of runs) printSearch(run);
      } finally {
        await server.stop();
      }
    }
  }

  // --- h. the annual report
  log(`\n[h] annual report: the report's data (every section as built), beside the bare SQL of sections 2–4`);
  await busyWarning('report');
  results.report = await runReportBench(spec, meta.file, meta.organisationId, pgUrl, log);
  results.errors.push(...results.report.errors);

  // --- i. importing a register
  const importVerdictList = await importsSection();

  // --- k. the coordinator's home page
  const homeVerdictList = await homeSection(meta);

  // --- summary
  const fd = results.frontDesk;
  const sqliteSearch = results.search?.sqlite ?? [];
  const verdicts: NonNullable<Results['verdicts']> = [
    {
      figure: `load time (SQLite${reused ? ', from the cache' : ''})`,
      value: `${fmt(meta.loadSeconds)} s`,
      target: `≤ ${TARGETS.loadSeconds} s`,
      met: meta.loadSeconds <= TARGETS.loadSeconds,
    },
    ...sqliteSearch.map((run) => ({
      figure: `search p95, ${run.scope}`,
      value: `${fmt(run.p95)} ms (p50 ${fmt(run.p50)})`,
      target: `≤ ${TARGETS.searchP95Ms} ms`,
      met: run.p95 <= TARGETS.searchP95Ms,
    })),
    ...(Array.isArray(results.search?.postgres) ? results.search.postgres : []).map((run) => ({
      figure: `search p95 (PostgreSQL), ${run.scope}`,
      value: `${fmt(run.p95)} ms (p50 ${fmt(run.p50)})`,
      target: `≤ ${TARGETS.searchP95Ms} ms`,
      met: run.p95 <= TARGETS.searchP95Ms,
    })),
    {
      figure: 'visits recorded through the API',
      value: `${api.requestsPerSecond}/s`,
      target: `≥ ${TARGETS.visitsPerSecond}/s`,
      met: api.requestsPerSecond >= TARGETS.visitsPerSecond,
    },
    {
      figure: 'API / bare route',
      value: `${ratio} (bare ${bare.requestsPerSecond}/s; server CPU per request: API ${api.serverCpuMicrosPerRequest ?? '?'} µs, bare ${bare.serverCpuMicrosPerRequest ?? '?'} µs)`,
      target: `≥ ${TARGETS.apiToBareRatio}`,
      met: ratio >= TARGETS.apiToBareRatio,
    },
  ];
  if (results.care) {
    const { personFile, deadlines } = results.care;
    verdicts.push(
      {
        figure: "person's file p95 (200 visits, 50 notes)",
        value: `${fmt(personFile.p95)} ms (p50 ${fmt(personFile.p50)})`,
        target: `≤ ${TARGETS.personFileP95Ms} ms`,
        met: personFile.p95 <= TARGETS.personFileP95Ms,
      },
      {
        figure: 'Scadenze p95, one centre',
        value: `${fmt(deadlines.p95)} ms (p50 ${fmt(deadlines.p50)})`,
        target: `≤ ${TARGETS.deadlinesP95Ms} ms`,
        met: deadlines.p95 <= TARGETS.deadlinesP95Ms,
      },
    );
  }
  if (results.courses) {
    const { generation, attendanceRead, attendanceSave } = results.courses;
    verdicts.push(
      {
        figure: `a year of lessons, one course (of ${COURSES}), p95`,
        value: `${fmt(generation.p95)} ms (p50 ${fmt(generation.p50)})`,
        target: `≤ ${TARGETS.lessonGenerationP95Ms} ms`,
        met: generation.p95 <= TARGETS.lessonGenerationP95Ms,
      },
      {
        figure: `attendance screen (${LEARNERS} learners) p95, read`,
        value: `${fmt(attendanceRead.p95)} ms (p50 ${fmt(attendanceRead.p50)})`,
        target: `≤ ${TARGETS.attendanceP95Ms} ms`,
        met: attendanceRead.p95 <= TARGETS.attendanceP95Ms,
      },
      {
        figure: `attendance screen (${LEARNERS} learners) p95, saved`,
        value: `${fmt(attendanceSave.p95)} ms (p50 ${fmt(attendanceSave.p50)})`,
        target: `≤ ${TARGETS.attendanceP95Ms} ms`,
        met: attendanceSave.p95 <= TARGETS.attendanceP95Ms,
      },
    );
  }
  if (results.report) verdicts.push(...reportVerdicts(results.report));
  verdicts.push(...importVerdictList);
  verdicts.push(...homeVerdictList);
  if (fd) {
    const js = 'notMeasured' in fd.loadedJs ? fd.staticJs : fd.loadedJs;
    verdicts.push(
      'notMeasured' in js
        ? { figure: 'front-desk JS', value: `not measured: ${js.notMeasured}`, target: `≤ ${TARGETS.frontDeskJsKB} KB gz`, met: null }
        : {
            figure: 'front-desk JS',
            value: `${js.gzipKB} KB gz`,
            target: `≤ ${TARGETS.frontDeskJsKB} KB gz`,
            met: js.gzipKB <= TARGETS.frontDeskJsKB,
          },
      'notMeasured' in fd.usableFormMs
        ? { figure: 'time to a usable form', value: `not measured: ${fd.usableFormMs.notMeasured}`, target: '(figure)', met: null }
        : {
            figure: 'time to a usable form',
            value: `${fd.usableFormMs.coldMedian} ms cold, ${fd.usableFormMs.warmMedian} ms warm`,
            target: '(figure)',
            met: null,
          },
    );
  }
  results.verdicts = verdicts;
  log('\nSummary');
  for (const v of verdicts)
    log(`  ${v.met === null ? '·' : v.met ? '✓' : '✗'} ${v.figure.padEnd(52)} ${v.value.padEnd(34)} target ${v.target}`);
}

try {
  await main();
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  results.errors.push(message);
  console.error(`\nbench failed: ${message}`);
  process.exitCode = 1;
} finally {
  results.finishedAt = new Date().toISOString();
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, `bench-${runId}.json`), `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwritten: bench/results/latest.json`);
  for (const name of ['search', 'api', 'bare', 'care', 'courses']) removeSqlite(work(name));
  rmSync(join(CACHE_DIR, 'tmp'), { recursive: true, force: true });
}
