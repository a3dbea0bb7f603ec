/** Small helpers of the benchmark: servers in child processes, percentiles, files. */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = join(ROOT, 'bench');
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const RESULTS_DIR = join(BENCH_DIR, 'results');

export interface ChildServer {
  port: number;
  url: string;
  process: ChildProcess;
  /** Sends a signal to this child (and nothing else). */
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** Starts bench/server.ts in its own Node process and waits for its port. */
/**
 * Starts a bench server in its own process: `api` (the app from the sources, through tsx), `bare`
 * (the floor), or `compiled` (the app as deployed: dist/ in plain Node; build it first).
 */
export async function startServer(
  mode: 'api' | 'bare' | 'compiled',
  target: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildServer> {
  const args =
    mode === 'compiled'
      ? [join(BENCH_DIR, 'compiled-server.mjs'), target]
      : ['--import', 'tsx', join(BENCH_DIR, 'server.ts'), mode, target];
  // BENCH_SERVER_NODE_ARGS: Node flags for the server alone (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', ...extraEnv },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start within 120 s`)), 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch {
        reject(new Error(`${mode} server said: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${mode} server exited with code ${code} before listening`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    signal(name) {
      if (child.exitCode === null) child.kill(name);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU time (user + system, every thread) a process has used, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields after the command name: state is 3rd, utime the 14th and stime the 15th of the line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

export function removeSqlite(file: string): void {
  for (const suffix of SQLITE_SIDE_FILES) rmSync(file + suffix, { force: true });
}

/** A working copy of a checkpointed SQLite file (the cache itself is never written to). */
export function copySqlite(from: string, to: string): void {
  removeSqlite(to);
  copyFileSync(from, to);
}

export function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

export const seconds = (ms: number) => Math.round(ms / 10) / 100;
export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
