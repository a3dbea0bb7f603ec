/**
 * [k] The coordinator's home page (GET /api/v1/home, issue 15) on the bench's data set (20
 * centres, 1,000,000 visits over five years), through the API, timed one request after another:
 *   - a coordinator of one centre (the data set's first, a twentieth of it);
 *   - a coordinator of all twenty centres.
 * Target: p95 ≤ 50 ms each, on SQLite and, with BENCH_PG_URL, on PostgreSQL. The home counts
 * the year so far to today's date against last year's same days: the data set ends on its
 * fixed end date, so this year holds the months up to it.
 * The people in care are counted again only when a centre's care data moved, each centre's part
 * apart (decision 014, migration 0019), so each run also times the answers that pay for it,
 * beside the p95 of the answers one after another (warm):
 *   - cold, after a change in every centre: each answer after every centre's care version moved
 *     (as any write of a case, period or member moves its centre's), all rows read and counted
 *     (as after the server starts);
 *   - cold, after a change in the first centre alone: its part read again, the whole put
 *     together again (the answer a coordinator gets after a colleague's write): a target too;
 *   - on the data set's last day, counted in the bench's process (no HTTP): the server answers
 *     at today's date, after the data set's end, when no course runs; on that day they do. The
 *     running courses' figures are counted again only when a centre's course data moved
 *     (migration 0021), so also cold: after a change of the first centre's course data alone.
 *
 * Alone: `npx tsx bench/run.ts --only home` (BENCH_HOME_READS, default 200; BENCH_HOME_COLD_READS, default 30).
 */
import { randomUUID } from 'node:crypto';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Actor } from '../src/modules/auth/actor.js';
import { homeFor } from '../src/modules/home/home.usecases.js';
import { type GetRun, timeGets } from './care.js';
import { type DatasetMeta, type DatasetSpec, ensurePostgresDataset } from './dataset.js';
import { CACHE_DIR, copySqlite, fmt, type LatencySummary, removeSqlite, startServer, summarise } from './lib.js';

export const HOME_TARGET_P95_MS = 50;

type Db = ReturnType<typeof createDatabase>['db'];

/** Makes a user of these centres with an API token (run.ts's makeToken). */
export type MakeToken = (
  db: Db,
  organisationId: number,
  role: 'coordinator',
  centreIds: number[],
  name: string,
) => Promise<{ token: string }>;

export interface HomeRun extends GetRun {
  dialect: 'sqlite' | 'postgres';
  centres: number;
  /** The answers after a change of every centre's care data: everything read and counted again. */
  coldAll: LatencySummary;
  /** The answers after a change of the first centre's care data alone: everything read and counted again too. */
  coldOne: LatencySummary;
  /** The home counted in the bench's process (no HTTP) on the data set's last day, when its courses run. */
  onLastDay: LatencySummary & { coursesRunning: number };
  /** The same after a change of the first centre's course data: the running courses' figures counted again. */
  onLastDayCold: LatencySummary;
}

export interface HomeBenchResult {
  runs: HomeRun[];
  errors: string[];
}

/** What one answer held: this year's and last year's visits and people in care, the courses. */
function answered(body: unknown): string {
  const home = body as {
    yearSoFar?: { current: { visits: number; inCare: number }; previous: { visits: number; inCare: number } };
    courses?: unknown[];
  };
  if (!home.yearSoFar) return JSON.stringify(body).slice(0, 200);
  const { current, previous } = home.yearSoFar;
  return `${current.visits.toLocaleString('en')} visits and ${current.inCare.toLocaleString('en')} in care so far; last year ${previous.visits.toLocaleString('en')} and ${previous.inCare.toLocaleString('en')}; ${home.courses?.length ?? 0} courses running`;
}

async function timeHome(
  url: string,
  dialect: HomeRun['dialect'],
  meta: DatasetMeta,
  makeToken: MakeToken,
  reads: number,
  coldReads: number,
  log: (line: string) => void,
): Promise<HomeRun[]> {
  const first = meta.centreList[0] as DatasetMeta['centreList'][number];
  const all = meta.centreList.map((c) => c.id);
  // Also the bench's own connection, that moves the care versions as a write would.
  const database = createDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  const tokens = {
    one: (await makeToken(database.db, meta.organisationId, 'coordinator', [first.id], 'home-one')).token,
    all: (await makeToken(database.db, meta.organisationId, 'coordinator', all, 'home-all')).token,
  };
  const server = await startServer('api', url).catch(async (error) => {
    await database.close();
    throw error;
  });
  try {
    const runs: HomeRun[] = [];
    for (const [token, centreIds, label] of [
      [tokens.one, [first.id], `one centre (${first.code})`],
      [tokens.all, all, `all ${all.length} centres`],
    ] as const) {
      const home = async () => {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/v1/home`, { headers: { authorization: `Bearer ${token}` } });
        await response.json();
        if (!response.ok) throw new Error(`GET /api/v1/home answered ${response.status}`);
        return performance.now() - started;
      };
      // What the triggers do at any write of these centres' cases, periods or members (careVersions), or of
      // their courses, lessons, enrolments or attendance (courseVersions).
      const changeOf = (table: 'careVersions' | 'courseVersions', ids: readonly number[]) =>
        database.db.updateTable(table).set({ version: randomUUID() }).where('centreId', 'in', ids).execute();
      const timedAfter = async (change: () => Promise<unknown>, count: number) => {
        const samples: number[] = [];
        for (let i = 0; i < count; i++) {
          await change();
          samples.push(await home());
        }
        return summarise(samples);
      };
      for (let i = 0; i < 5; i++) await home();
      const coldAll = await timedAfter(() => changeOf('careVersions', centreIds), Math.ceil(coldReads / 3));
      const coldOne = await timedAfter(() => changeOf('careVersions', [first.id]), coldReads);
      const run = await timeGets(server.url, token, '/api/v1/home', reads, `coordinator's home, ${label} (${dialect})`, answered);
      // The server answers at today's date, after the data set's last day: no course runs. On that day they do.
      const actor: Actor = {
        userId: 0,
        email: '',
        displayName: 'bench',
        locale: 'it',
        role: 'coordinator',
        organisationId: meta.organisationId,
        centreIds: [...centreIds],
      };
      const onLastDayOnce = async () => {
        const started = performance.now();
        const answer = await homeFor(database.db, actor, {}, meta.endDate);
        return { ms: performance.now() - started, courses: 'courses' in answer ? answer.courses.length : 0 };
      };
      const lastDaySamples: number[] = [];
      let coursesRunning = 0;
      for (let i = 0; i < 5 + coldReads; i++) {
        const { ms, courses } = await onLastDayOnce();
        if (i >= 5) lastDaySamples.push(ms);
        coursesRunning = courses;
      }
      const onLastDay = { ...summarise(lastDaySamples), coursesRunning };
      const coldLastDaySamples: number[] = [];
      for (let i = 0; i < coldReads; i++) {
        await changeOf('courseVersions', [first.id]);
        coldLastDaySamples.push((await onLastDayOnce()).ms);
      }
      const onLastDayCold = summarise(coldLastDaySamples);
      runs.push({ ...run, dialect, centres: centreIds.length, coldAll, coldOne, onLastDay, onLastDayCold });
      log(`  ${run.label.padEnd(52)} p50 ${fmt(run.p50)} ms   p95 ${fmt(run.p95)} ms   (n=${run.count}; ${run.answered})`);
      const cold = (what: string, summary: LatencySummary) =>
        `  ${`  cold, ${what}`.padEnd(52)} p50 ${fmt(summary.p50)} ms   p95 ${fmt(summary.p95)} ms   (n=${summary.count})`;
      if (centreIds.length > 1) log(cold(`after a change in every centre`, coldAll));
      log(cold(`after a change in ${first.code}`, coldOne));
      log(
        `  ${`  on ${meta.endDate}, ${coursesRunning} courses running (in the process)`.padEnd(52)} p50 ${fmt(onLastDay.p50)} ms   p95 ${fmt(onLastDay.p95)} ms   (n=${onLastDay.count})`,
      );
      log(cold(`on ${meta.endDate}, after a change of ${first.code}'s courses`, onLastDayCold));
    }
    return runs;
  } finally {
    await database.close();
    await server.stop();
  }
}

export async function runHomeBench(
  spec: DatasetSpec,
  meta: DatasetMeta,
  pgUrl: string | undefined,
  makeToken: MakeToken,
  log: (line: string) => void,
  reads = Number(process.env.BENCH_HOME_READS ?? '200'),
  coldReads = Number(process.env.BENCH_HOME_COLD_READS ?? '30'),
): Promise<HomeBenchResult> {
  const result: HomeBenchResult = { runs: [], errors: [] };
  const work = `${CACHE_DIR}/work-home.sqlite`;
  copySqlite(meta.file, work);
  try {
    result.runs.push(...(await timeHome(`sqlite:${work}`, 'sqlite', meta, makeToken, reads, coldReads, log)));
  } catch (error) {
    result.errors.push(`home (SQLite): ${error instanceof Error ? error.message : String(error)}`);
    log(`  not measured on SQLite: ${result.errors.at(-1)}`);
  } finally {
    removeSqlite(work);
  }
  if (pgUrl) {
    try {
      const pg = await ensurePostgresDataset(pgUrl, spec, log);
      if ('notMeasured' in pg) throw new Error(pg.notMeasured);
      result.runs.push(...(await timeHome(pgUrl, 'postgres', meta, makeToken, reads, coldReads, log)));
    } catch (error) {
      result.errors.push(`home (PostgreSQL): ${error instanceof Error ? error.message : String(error)}`);
      log(`  not measured on PostgreSQL: ${result.errors.at(-1)}`);
    }
  } else {
    log('  PostgreSQL: not measured (set BENCH_PG_URL)');
  }
  return result;
}

export function homeVerdicts(result: HomeBenchResult) {
  return result.runs.flatMap((run) => {
    const of = run.label.replace("coordinator's home, ", '');
    const verdict = (figure: string, summary: LatencySummary) => ({
      figure,
      value: `${fmt(summary.p95)} ms (p50 ${fmt(summary.p50)})`,
      target: `≤ ${HOME_TARGET_P95_MS} ms`,
      met: summary.p95 <= HOME_TARGET_P95_MS,
    });
    return [verdict(`home p95, ${of}`, run), verdict(`home p95 after a change in one centre, ${of}`, run.coldOne)];
  });
}
