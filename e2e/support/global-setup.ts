/**
 * Starts the BUILT app (dist/server/main.js, after `npm run build`) on a free port with a fresh
 * SQLite database in a temporary directory, captures the one-time setup link it prints on
 * stdout, and shares both with the tests (see state.ts). global-teardown.ts stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../../test/support/oidc-provider.js';
import { E2E_IDENTITIES } from './sso.js';
import { BASE_URL_ENV, type E2EState, STATE_ENV } from './state.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'server', 'main.js');
const WEB_ENTRY = join(ROOT, 'dist', 'web', 'index.html');
const START_TIMEOUT_MS = 30_000;
const SETUP_LINK = /(https?:\/\/\S+\/setup#[A-Za-z0-9_-]+)/;

/** The running server, for global-teardown.ts (same runner process). */
export interface RunningServer {
  child: ChildProcess;
  state: E2EState;
  /** The Comune's identity provider the app signs in with (a real OpenID provider on a local port). */
  idp: TestProvider;
}
const globals = globalThis as typeof globalThis & { approdoE2EServer?: RunningServer };
export function runningServer(): RunningServer | undefined {
  return globals.approdoE2EServer;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('could not find a free port'))));
    });
  });
}

export default async function globalSetup(_config: FullConfig): Promise<void> {
  for (const file of [SERVER_ENTRY, WEB_ENTRY]) {
    if (!existsSync(file)) {
      throw new Error(`e2e: ${file} is missing. Build the app first:\n\n    npm run build && npx playwright test\n`);
    }
  }

  const tempDir = mkdtempSync(join(tmpdir(), 'approdo-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const databaseUrl = `sqlite:${join(tempDir, 'approdo.db')}`;
  const idp = await startTestProvider({ appUrl: baseURL, accounts: E2E_IDENTITIES });
  const serverLog = join(tempDir, 'server.log');
  const log = createWriteStream(serverLog);

  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      COOKIE_SECURE: 'false',
      TRUST_PROXY: 'false',
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let output = '';
  const setupUrl = await new Promise<string>((resolveLink, reject) => {
    const timer = setTimeout(() => fail(`no setup link on stdout within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = SETUP_LINK.exec(output);
      if (match?.[1]) {
        cleanup();
        resolveLink(match[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`the server exited (code ${code}, signal ${signal})`);
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(reason: string) {
      cleanup();
      child.kill('SIGKILL');
      void idp.close();
      reject(new Error(`e2e: could not start ${SERVER_ENTRY}: ${reason}.\nIts output (also in ${serverLog}):\n${output}`));
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });

  // The link is printed after listen(); check the app answers before any test runs.
  const health = await fetch(`${baseURL}/api/health`).catch((e: unknown) => e as Error);
  if (health instanceof Error || !health.ok) {
    child.kill('SIGKILL');
    await idp.close();
    throw new Error(`e2e: ${baseURL}/api/health did not answer 200: ${health instanceof Error ? health.message : health.status}`);
  }

  const state: E2EState = { baseURL, setupUrl, tempDir, databaseUrl, serverLog, pid: child.pid ?? 0 };
  const stateFile = join(tempDir, 'e2e-state.json');
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  // Inherited by the worker processes, which are started after global setup.
  process.env[STATE_ENV] = stateFile;
  process.env[BASE_URL_ENV] = baseURL;
  globals.approdoE2EServer = { child, state, idp };
}
