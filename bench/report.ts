/**
 * [h] The annual report's data (computeReportData, every section as it is built today), timed
 * in this process on the database directly:
 *   - one centre-year of the Jesi size (about 400 visits and 160 people in care a year), a
 *     small data set of its own made by the same generator: target ≤ 100 ms;
 *     and its three documents (PDF, DOCX, XLSX; bench/report-documents.ts): target ≤ 3 s;
 *   - the whole organisation of the bench data set (20 centres, 1,000,000 visits), one full
 *     year with its comparisons over three years: target ≤ 2 s, and at most twice the time of
 *     the bare SQL aggregation queries that sections 2–4 need, run in the same process on the
 *     same data (the GROUP BY queries alone, nothing built from them): the builders of sections
 *     2–4 are compared with them; the whole report is printed beside them too, with its time by
 *     section (the other sections have no bare twin here).
 * On SQLite, and on PostgreSQL with BENCH_PG_URL. Report and bare queries are run in turn, after
 * one warm-up each; the medians are compared.
 *
 * Alone: `npx tsx bench/report.ts` (the same BENCH_* settings as bench/run.ts; BENCH_REPORT_RUNS).
 */
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_REPORT_SETTINGS } from '../src/contracts/reports.js';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { generateOrganisation } from '../src/demo/generator.js';
import { firstDayOf, lastDayOf } from '../src/domain/care.js';
import { careSummary } from '../src/modules/cases/care.repository.js';
import type { ReportContext } from '../src/modules/reports/context.js';
import { computeReportData } from '../src/modules/reports/report-data.js';
import { careSection } from '../src/modules/reports/sections/care.js';
import { topicsSection } from '../src/modules/reports/sections/topics.js';
import { visitsSection } from '../src/modules/reports/sections/visits.js';
import { careMemberPeriods, topicCounts, visitCells, visitsByYear } from '../src/modules/reports/visits-care.repository.js';
import { findComune } from '../src/reference/index.js';
import { type DatasetSpec, ensurePostgresDataset, ensureSqliteDataset } from './dataset.js';
import { CACHE_DIR, copySqlite, fmt, type LatencySummary, removeSqlite, summarise } from './lib.js';
import { benchReportDocuments, REPORT_DOCUMENTS_TARGET_MS, type ReportDocumentsRun } from './report-documents.js';

type Db = Kysely<Database>;

export const REPORT_TARGETS = { jesiMs: 100, organisationMs: 2000, reportToBareRatio: 2 };

/** One centre, sized so that its last full year has about 400 visits and 160 people in care (Jesi 2024: 371 and 163). */
export const JESI_SIZE = { centres: 1, people: 2400, visits: 2000, years: 5 } as const;

export interface ReportTiming {
  label: string;
  dialect: 'sqlite' | 'postgres';
  centres: number;
  year: number;
  /** What the year holds. */
  visits: number;
  inCare: number;
  /** computeReportData, every section. */
  report: LatencySummary;
  /** The builders of sections 2–4 alone. */
  sections234: LatencySummary;
  /** The bare GROUP BY queries of sections 2–4. */
  bare: LatencySummary;
  /** The SQL the builders of sections 2–4 run (the repository calls), without building anything from it. */
  ownQueries: LatencySummary;
  bareQueries: number;
  /** The builders of sections 2–4 (p50) / their bare SQL (p50): what building costs over the queries. */
  ratio: number;
  /** The report p50 / the bare SQL of sections 2–4 (the other sections have no bare twin here). */
  reportToBare: number;
  /** One more run of the report, section by section (ms). */
  bySection: Array<{ section: string; ms: number }>;
}

const personKey = sql<number>`coalesce(m.person_id, -coalesce(m.anonymous_key, m.id))`;

/**
 * The aggregation queries sections 2–4 need, as plain SQL with no application code around them:
 * visits by each attribute, by year and by topic; people in care (distinct) by each attribute in
 * the year, by citizenship in each comparison year, and the new ones. Returns how many it ran.
 */
export async function bareQueries(db: Db, centreIds: readonly number[], year: number, comparisonYears: number): Promise<number> {
  const centres = sql.join(centreIds.map((id) => sql`${id}`));
  const visits = (column: string) =>
    sql`select ${sql.ref(column)} as k, count(*) as n from visits where centre_id in (${centres}) and visit_year = ${year} group by ${sql.ref(column)}`;
  const inCare = (y: number) =>
    sql`from case_members m join cases c on c.id = m.case_id join case_periods p on p.case_id = c.id
        where c.centre_id in (${centres}) and p.opened_on <= ${lastDayOf(y)} and (p.closed_on is null or p.closed_on >= ${firstDayOf(y)})`;
  const queries = [
    sql`select count(*) as n from visits where centre_id in (${centres}) and visit_year = ${year}`,
    visits('origin_group'),
    visits('gender'),
    visits('citizenship'),
    visits('referral_source'),
    visits('channel'),
    sql`select visit_year as k, count(*) as n from visits where centre_id in (${centres}) and visit_year between ${year - comparisonYears + 1} and ${year} group by visit_year`,
    sql`select t.topic_id as k, count(*) as n from visits v left join visit_topics t on t.visit_id = v.id where v.centre_id in (${centres}) and v.visit_year = ${year} group by t.topic_id`,
    sql`select m.gender as k, count(distinct ${personKey}) as n ${inCare(year)} group by m.gender`,
    sql`select m.residence_kind as k, m.residence_comune as c, count(distinct ${personKey}) as n ${inCare(year)} group by m.residence_kind, m.residence_comune`,
    ...Array.from(
      { length: comparisonYears },
      (_, i) => sql`select m.citizenship as k, count(distinct ${personKey}) as n ${inCare(year - i)} group by m.citizenship`,
    ),
  ];
  for (const query of queries) await query.execute(db);
  await careSummary(db, centreIds, year); // the new people: its one query
  return queries.length + 1;
}

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Times the report, its sections 2–4 and the bare queries, in turn, `runs` times each after a warm-up. */
export async function timeReport(
  db: Db,
  options: { label: string; dialect: 'sqlite' | 'postgres'; organisationId: number; centreIds: number[]; year: number; runs: number },
): Promise<ReportTiming> {
  const { organisationId, centreIds, year } = options;
  const settings = DEFAULT_REPORT_SETTINGS;
  const input = { organisationId, centreIds, year, settings, narratives: {}, freeBlocks: [] };
  const centre = await db.selectFrom('centres').select('comuneIstat').where('id', 'in', centreIds).orderBy('name').executeTakeFirst();
  const host = centre?.comuneIstat ? findComune(centre.comuneIstat) : undefined;
  // A new context each run: figures shared between sections are computed once per report.
  const context = (): ReportContext => ({
    db,
    organisationId,
    centreIds,
    year,
    settings,
    hostComune: host ? { istat: host.istat, name: host.name } : null,
    shared: new Map(),
  });
  const report = () => computeReportData(db, input);
  const sections = async () => {
    const ctx = context();
    for (const build of [visitsSection, topicsSection, careSection]) await build(ctx);
  };
  const ownQueries = async () => {
    await visitCells(db, centreIds, year);
    await visitsByYear(db, centreIds, year - settings.comparisonYears + 1, year - 1);
    await topicCounts(db, centreIds, year);
    await careMemberPeriods(db, centreIds, year);
  };
  let bareCount = 0;
  const bare = async () => {
    bareCount = await bareQueries(db, centreIds, year, settings.comparisonYears);
  };
  await report();
  await sections();
  await bare();
  await ownQueries();
  const samples = { report: [] as number[], sections: [] as number[], bare: [] as number[], own: [] as number[] };
  for (let i = 0; i < options.runs; i++) {
    samples.report.push(await timeIt(report));
    samples.sections.push(await timeIt(sections));
    samples.bare.push(await timeIt(bare));
    samples.own.push(await timeIt(ownQueries));
  }
  const bySection: Array<{ section: string; ms: number }> = [];
  let last = performance.now();
  await computeReportData(db, {
    ...input,
    onProgress: (_done, _total, section) => {
      const now = performance.now();
      bySection.push({ section, ms: Math.round((now - last) * 10) / 10 });
      last = now;
    },
  });
  const summary = {
    report: summarise(samples.report),
    sections234: summarise(samples.sections),
    bare: summarise(samples.bare),
    ownQueries: summarise(samples.own),
  };
  return {
    label: options.label,
    dialect: options.dialect,
    centres: centreIds.length,
    year,
    visits: (await visitCells(db, centreIds, year)).reduce((sum, cell) => sum + cell.n, 0),
    inCare: (await careSummary(db, centreIds, year)).inCare,
    ...summary,
    bareQueries: bareCount,
    ratio: Math.round((summary.sections234.p50 / Math.max(0.01, summary.bare.p50)) * 100) / 100,
    reportToBare: Math.round((summary.report.p50 / Math.max(0.01, summary.bare.p50)) * 100) / 100,
    bySection,
  };
}

export function printReportTiming(run: ReportTiming, log: (line: string) => void) {
  log(
    `  ${run.label.padEnd(46)} report p50 ${fmt(run.report.p50)} ms (max ${fmt(run.report.max)})   sections 2–4 p50 ${fmt(run.sections234.p50)} ms   bare SQL (${run.bareQueries} queries) p50 ${fmt(run.bare.p50)} ms   ratio ${fmt(run.ratio, 2)}   (the builders' own SQL p50 ${fmt(run.ownQueries.p50)} ms; whole report / bare ${fmt(run.reportToBare, 2)})`,
  );
  log(`      by section: ${run.bySection.map((s) => `${s.section} ${fmt(s.ms)}`).join(', ')} (ms)`);
  log(
    `      ${run.year}: ${run.visits.toLocaleString('en')} visits, ${run.inCare.toLocaleString('en')} people in care, ${run.centres} centre(s); n=${run.report.count}`,
  );
}

/** The Jesi-size data set in a database of its own (SQLite in memory, or a new PostgreSQL database), timed, then dropped. */
async function jesiRun(
  spec: DatasetSpec,
  dialect: 'sqlite' | 'postgres',
  pgUrl: string | undefined,
  runs: number,
): Promise<{ timing: ReportTiming; documents?: ReportDocumentsRun }> {
  let url = 'sqlite::memory:';
  let drop: (() => Promise<void>) | undefined;
  if (dialect === 'postgres' && pgUrl) {
    const name = `approdo_bench_report_jesi_${process.pid}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`drop database if exists ${name}`);
    await admin(`create database ${name}`);
    const parsed = new URL(pgUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    drop = () => admin(`drop database if exists ${name} with (force)`);
  }
  const database = createDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    const generated = await generateOrganisation(database.db, {
      seed: spec.seed,
      ...JESI_SIZE,
      endDate: spec.endDate,
      now: new Date(`${spec.endDate}T20:00:00Z`),
    });
    if (dialect === 'postgres') await sql`analyze`.execute(database.db);
    const input = {
      organisationId: generated.organisationId,
      centreIds: generated.centres.map((c) => c.id),
      year: Number(spec.endDate.slice(0, 4)) - 1,
    };
    const timing = await timeReport(database.db, {
      label: `one centre-year, Jesi size (${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
      dialect,
      ...input,
      runs,
    });
    if (dialect !== 'sqlite') return { timing };
    // Its three documents, as the export routes write them: the first round warms the modules up.
    const data = await computeReportData(database.db, {
      ...input,
      settings: DEFAULT_REPORT_SETTINGS,
      narratives: {},
      freeBlocks: [],
    });
    await benchReportDocuments(data);
    return { timing, documents: await benchReportDocuments(data) };
  } finally {
    await database.close();
    await drop?.();
  }
}

export interface ReportBenchResult {
  jesi: ReportTiming[];
  /** The PDF, DOCX and XLSX of the Jesi-size report (SQLite), after a warm-up round. */
  documents?: ReportDocumentsRun;
  organisation: ReportTiming[];
  errors: string[];
}

/**
 * The whole [h] phase: Jesi size and the organisation, on SQLite (a working copy of the cached
 * data set) and, with `pgUrl`, on PostgreSQL (the bench's data set there).
 */
export async function runReportBench(
  spec: DatasetSpec,
  sqliteFile: string,
  organisationId: number,
  pgUrl: string | undefined,
  log: (line: string) => void,
  runs = Number(process.env.BENCH_REPORT_RUNS ?? '5'),
): Promise<ReportBenchResult> {
  const result: ReportBenchResult = { jesi: [], organisation: [], errors: [] };
  const year = Number(spec.endDate.slice(0, 4)) - 1;
  for (const dialect of pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    try {
      const { timing, documents } = await jesiRun(spec, dialect, pgUrl, runs * 4);
      result.jesi.push(timing);
      printReportTiming(timing, log);
      if (documents) {
        result.documents = documents;
        log(
          `  its documents: PDF ${documents.pdfMs} ms (${Math.round(documents.sizes.pdf / 1024)} KB), DOCX ${documents.docxMs} ms, XLSX ${documents.xlsxMs} ms: ${documents.totalMs} ms (CPU ${documents.cpuMs} ms)`,
        );
      }
    } catch (error) {
      result.errors.push(`Jesi size (${dialect}): ${error instanceof Error ? error.message : String(error)}`);
      log(`  Jesi size (${dialect}): not measured: ${result.errors.at(-1)}`);
    }
  }

  const work = `${CACHE_DIR}/work-report.sqlite`;
  copySqlite(sqliteFile, work);
  const database = createDatabase(`sqlite:${work}`);
  try {
    await migrateToLatest(database.db, database.dialect);
    const centreIds = (await database.db.selectFrom('centres').select('id').where('organisationId', '=', organisationId).execute()).map(
      (c) => c.id,
    );
    const run = await timeReport(database.db, {
      label: `whole organisation, ${year} (SQLite)`,
      dialect: 'sqlite',
      organisationId,
      centreIds,
      year,
      runs,
    });
    result.organisation.push(run);
    printReportTiming(run, log);
  } finally {
    await database.close();
    removeSqlite(work);
  }

  if (pgUrl) {
    const pgData = await ensurePostgresDataset(pgUrl, spec, log);
    if ('notMeasured' in pgData) {
      result.errors.push(`organisation (PostgreSQL): ${pgData.notMeasured}`);
      log(`  whole organisation (PostgreSQL): not measured: ${pgData.notMeasured}`);
    } else {
      const pgDatabase = createDatabase(pgUrl);
      try {
        const centreIds = (
          await pgDatabase.db.selectFrom('centres').select('id').where('organisationId', '=', organisationId).execute()
        ).map((c) => c.id);
        const run = await timeReport(pgDatabase.db, {
          label: `whole organisation, ${year} (PostgreSQL)`,
          dialect: 'postgres',
          organisationId,
          centreIds,
          year,
          runs,
        });
        result.organisation.push(run);
        printReportTiming(run, log);
      } finally {
        await pgDatabase.close();
      }
    }
  }
  return result;
}

/** Verdict lines for bench/run.ts's summary. */
export function reportVerdicts(result: ReportBenchResult) {
  const documents = result.documents;
  return [
    ...(documents
      ? [
          {
            figure: 'report documents (PDF+DOCX+XLSX), Jesi size',
            value: `${documents.totalMs} ms (CPU ${documents.cpuMs} ms)`,
            target: `≤ ${REPORT_DOCUMENTS_TARGET_MS / 1000} s`,
            met: documents.totalMs <= REPORT_DOCUMENTS_TARGET_MS,
          },
        ]
      : []),
    ...result.jesi.map((run) => ({
      figure: `report data, ${run.label.replace(/^one /, '')}`,
      value: `${fmt(run.report.p50)} ms (p95 ${fmt(run.report.p95)})`,
      target: `≤ ${REPORT_TARGETS.jesiMs} ms`,
      met: run.report.p50 <= REPORT_TARGETS.jesiMs,
    })),
    ...result.organisation.flatMap((run) => [
      {
        figure: `report data, ${run.label}`,
        value: `${fmt(run.report.p50 / 1000, 2)} s (max ${fmt(run.report.max / 1000, 2)})`,
        target: `≤ ${REPORT_TARGETS.organisationMs / 1000} s`,
        met: run.report.p50 <= REPORT_TARGETS.organisationMs,
      },
      {
        figure: `sections 2–4 / bare SQL, ${run.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
        value: `${fmt(run.ratio, 2)} (bare ${fmt(run.bare.p50)} ms)`,
        target: `≤ ${REPORT_TARGETS.reportToBareRatio}`,
        met: run.ratio <= REPORT_TARGETS.reportToBareRatio,
      },
    ]),
  ];
}

// --- alone: npx tsx bench/report.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = (name: string, fallback: string) => process.env[name] ?? fallback;
  const spec: DatasetSpec = {
    seed: Number(env('BENCH_SEED', '2024')),
    centres: Number(env('BENCH_CENTRES', '20')),
    people: Number(env('BENCH_PEOPLE', '100000')),
    visits: Number(env('BENCH_VISITS', '1000000')),
    years: Number(env('BENCH_YEARS', '5')),
    endDate: env('BENCH_END_DATE', '2026-06-30'),
  };
  const log = (line = '') => console.log(line);
  log(`[h] annual report: data set ${spec.centres} centres, ${spec.visits.toLocaleString('en')} visits`);
  const { meta } = await ensureSqliteDataset(spec, log);
  const result = await runReportBench(spec, meta.file, meta.organisationId, process.env.BENCH_PG_URL, log);
  for (const v of reportVerdicts(result)) log(`  ${v.met ? '✓' : '✗'} ${v.figure.padEnd(52)} ${v.value.padEnd(34)} target ${v.target}`);
  if (result.errors.length > 0) process.exitCode = 1;
}
