/**
 * The benchmark's data set: generated once into bench/.cache/ and reused while the seed, the
 * sizes and the generator's and migrations' sources are the same (their hash is in the name).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { populateActivities } from '../src/demo/activities-generator.js';
import { type GeneratedOrganisation, generateOrganisation } from '../src/demo/generator.js';
import { CACHE_DIR, ROOT, removeSqlite, sizeOf } from './lib.js';

export interface DatasetSpec {
  seed: number;
  centres: number;
  people: number;
  visits: number;
  years: number;
  endDate: string;
}

export interface DatasetMeta extends DatasetSpec {
  key: string;
  file: string;
  generatedAt: string;
  loadSeconds: number;
  sizeBytes: number;
  organisationId: number;
  centreList: Array<{ id: number; code: string; people: number; visits: number }>;
  rows: { people: number; visits: number; visitTopics: number; nameTokens: number };
}

/** Hash of what decides the data: the generator and the schema. A change regenerates. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['src/demo', 'src/db/migrations']) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(ROOT, dir, name)));
    }
  }
  hash.update(readFileSync(join(ROOT, 'src/db/migrate.ts')));
  return hash.digest('hex').slice(0, 10);
}

export function datasetKey(spec: DatasetSpec): string {
  return `s${spec.seed}-c${spec.centres}-p${spec.people}-v${spec.visits}-y${spec.years}-${spec.endDate}-${sourceHash()}`;
}

function centreListOf(result: GeneratedOrganisation) {
  return result.centres.map((c) => ({ id: c.id, code: c.code, people: c.people, visits: c.visits }));
}

/** Generates into a PostgreSQL or SQLite database that is already migrated and empty. */
export async function generateInto(databaseUrl: string, spec: DatasetSpec, log: (line: string) => void) {
  const database = createDatabase(databaseUrl);
  try {
    await migrateToLatest(database.db, database.dialect);
    const started = performance.now();
    let lastReport = started;
    const onProgress = (phase: string, done: number, total: number) => {
      const now = performance.now();
      if (now - lastReport > 5000 || done === total) {
        lastReport = now;
        log(`    ${((now - started) / 1000).toFixed(1)} s  ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
      }
    };
    const result = await generateOrganisation(database.db, { ...spec, now: new Date(`${spec.endDate}T20:00:00Z`), onProgress });
    // The centres' years (calendar, staff, courses, events…), so that the annual report has all its sections.
    await populateActivities(database.db, {
      seed: spec.seed,
      centres: result.centres.map((centre, i) => ({ centreId: centre.id, stream: i + 1, userIds: centre.userIds })),
      startDate: result.startDate,
      endDate: result.endDate,
      onProgress,
    });
    const loadSeconds = (performance.now() - started) / 1000;
    if (database.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
      await sql`pragma optimize`.execute(database.db);
    } else {
      // As autovacuum would in a while: the counters' upserts (visit_day_counts) leave dead rows
      // that an index-only scan would otherwise visit.
      await sql`vacuum analyze`.execute(database.db);
    }
    return { result, loadSeconds };
  } finally {
    await database.close();
  }
}

/** The cached SQLite file for the spec, generating it if needed. */
export async function ensureSqliteDataset(spec: DatasetSpec, log: (line: string) => void): Promise<{ meta: DatasetMeta; reused: boolean }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = datasetKey(spec);
  const file = join(CACHE_DIR, `dataset-${key}.sqlite`);
  const metaFile = `${file}.meta`; // JSON, under a name linters and formatters leave alone
  if (existsSync(file) && existsSync(metaFile) && process.env.BENCH_REGENERATE !== '1') {
    return { meta: JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta, reused: true };
  }
  // Data sets made by an older generator or schema can never be reused: remove them (they are large).
  const current = `-${sourceHash()}.sqlite`;
  for (const name of readdirSync(CACHE_DIR)) {
    if (/^dataset-.*\.sqlite$/.test(name) && !name.endsWith(current)) {
      log(`  removing an outdated data set: ${name}`);
      removeSqlite(join(CACHE_DIR, name));
      rmSync(join(CACHE_DIR, `${name}.meta`), { force: true });
    }
  }
  // Written under a temporary name, renamed when complete.
  const partial = `${file}.partial`;
  removeSqlite(partial);
  log(`  generating ${spec.people.toLocaleString('en')} people and ${spec.visits.toLocaleString('en')} visits into ${file}`);
  const { result, loadSeconds } = await generateInto(`sqlite:${partial}`, spec, log);
  removeSqlite(file);
  renameSync(partial, file);
  removeSqlite(partial);
  const meta: DatasetMeta = {
    ...spec,
    key,
    file,
    generatedAt: new Date().toISOString(),
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    sizeBytes: sizeOf(file),
    organisationId: result.organisationId,
    centreList: centreListOf(result),
    rows: { people: result.people, visits: result.visits, visitTopics: result.visitTopics, nameTokens: result.nameTokens },
  };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { meta, reused: false };
}

/**
 * The same data set in PostgreSQL, for the optional search run. The database must be empty or
 * one the bench made before (it keeps a bench_meta table); anything else is left alone.
 */
export async function ensurePostgresDataset(
  url: string,
  spec: DatasetSpec,
  log: (line: string) => void,
): Promise<{ reused: boolean; loadSeconds: number } | { notMeasured: string }> {
  const key = datasetKey(spec);
  const database = createDatabase(url);
  try {
    const tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
        database.db,
      )
    ).rows.map((r) => r.name);
    if (tables.includes('bench_meta')) {
      const meta = (await sql<{ key: string; loadSeconds: number }>`select key, load_seconds from bench_meta`.execute(database.db)).rows[0];
      if (meta?.key === key) return { reused: true, loadSeconds: Number(meta.loadSeconds) };
      log('  the PostgreSQL bench data set is from another spec or generator: recreating it');
      await sql`drop schema public cascade`.execute(database.db);
      await sql`create schema public`.execute(database.db);
    } else if (tables.length > 0) {
      return { notMeasured: `${database.description} is not empty and was not made by the bench: give an empty database` };
    }
  } finally {
    await database.close();
  }
  log(`  generating into ${url.replace(/\/\/[^@]*@/, '//')}`);
  const { loadSeconds } = await generateInto(url, spec, log);
  const again = createDatabase(url);
  try {
    await sql`create table bench_meta (key text not null, load_seconds double precision not null, generated_at text not null)`.execute(
      again.db,
    );
    await sql`insert into bench_meta values (${key}, ${loadSeconds}, ${new Date().toISOString()})`.execute(again.db);
  } finally {
    await again.close();
  }
  return { reused: false, loadSeconds };
}
