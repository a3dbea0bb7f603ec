/**
 * A server for the benchmark, in its own process (so that the load generator does not share
 * its CPU): `tsx bench/server.ts api <database-url>` runs the real application (buildApp);
 * `tsx bench/server.ts bare <sqlite-file>` runs a bare Fastify + better-sqlite3 route that
 * inserts a similar visit row, as a floor to compare with. Prints one JSON line
 * {"port": n} when listening; stops cleanly on SIGTERM.
 *
 * With BENCH_CPU_PROFILE=<file>, SIGUSR2 starts the V8 CPU profiler (what --cpu-prof uses) and
 * SIGTERM writes the profile there: it covers the load only, not the start-up.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';

type Stop = () => Promise<void>;

async function apiServer(databaseUrl: string): Promise<{ app: FastifyInstance; stop: Stop }> {
  const database = createDatabase(databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  const app = await buildApp(database, testConfig({ databaseUrl }));
  return {
    app,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}

interface BareVisitBody {
  centreId?: number;
  personId?: number | null;
  anonymous?: { gender: string; citizenship: string; ageBand: string } | null;
  channel?: string;
  referralSource?: string;
  topicIds: number[];
}

/**
 * The floor: HTTP + JSON + one transaction with the visit row and its topics, on the same table and
 * pragmas. It commits each request on its own and lets SQLite checkpoint inside its commits, as a
 * plain route does; the application's group commit and checkpoint worker (decision 006) are part of
 * what the comparison measures.
 */
async function bareServer(file: string): Promise<{ app: FastifyInstance; stop: Stop }> {
  const sqlite = new SQLite(file);
  // The application's pragmas (src/db/database.ts).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  const insertVisit = sqlite.prepare(
    `insert into visits (centre_id, occurred_at, visit_date, visit_year, channel, person_id, gender, citizenship, age_band,
       origin_group, referral_source, notes, operator_id, created_at, updated_at, version)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, 1)`,
  );
  const insertTopic = sqlite.prepare('insert into visit_topics (visit_id, topic_id) values (?, ?)');
  const record = sqlite.transaction((body: BareVisitBody, now: string) => {
    const visitor = body.anonymous ?? { gender: 'female', citizenship: 'MA', ageBand: '30-44' };
    const { lastInsertRowid } = insertVisit.run(
      body.centreId ?? 1,
      now,
      now.slice(0, 10),
      Number(now.slice(0, 4)),
      body.channel ?? 'in_person',
      body.personId ?? null,
      visitor.gender,
      visitor.citizenship,
      visitor.ageBand,
      'non_eu',
      body.referralSource ?? 'spontaneous',
      now,
      now,
    );
    const id = Number(lastInsertRowid);
    for (const topicId of new Set(body.topicIds)) insertTopic.run(id, topicId);
    return id;
  });
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.post('/api/v1/visits', async (request, reply) => {
    const body = request.body as BareVisitBody;
    const now = new Date().toISOString();
    const id = record(body, now);
    return reply.code(201).send({ id, occurredAt: now, personId: body.personId ?? null, topicIds: body.topicIds });
  });
  return {
    app,
    stop: async () => {
      await app.close();
      sqlite.close();
    },
  };
}

const [mode, target] = process.argv.slice(2);
if ((mode !== 'api' && mode !== 'bare') || !target) {
  console.error('usage: tsx bench/server.ts api <database-url> | bare <sqlite-file>');
  process.exit(2);
}
const { app, stop } = mode === 'api' ? await apiServer(target) : await bareServer(target);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);

const profileFile = process.env.BENCH_CPU_PROFILE;
let profiler: Session | undefined;
if (profileFile) {
  process.on('SIGUSR2', () => {
    if (profiler) return;
    profiler = new Session();
    profiler.connect();
    void profiler.post('Profiler.enable').then(() => profiler?.post('Profiler.start'));
  });
}

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  const saveProfile = async () => {
    if (!profiler || !profileFile) return;
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    profiler.disconnect();
  };
  saveProfile()
    .catch((error: unknown) => console.error('could not write the CPU profile:', error))
    .then(stop)
    .finally(() => process.exit(0));
});
