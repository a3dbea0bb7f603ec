/** Stops the server global-setup.ts started and removes its temporary directory. */
import { rmSync } from 'node:fs';
import { runningServer } from './global-setup.js';
import { readState } from './state.js';

const STOP_TIMEOUT_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const running = runningServer();
  const state = running?.state ?? readState();
  const child = running?.child;

  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM'); // main.ts closes the app and the database on SIGTERM
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  } else if (!child && state.pid && isAlive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
  }

  await running?.idp.close();

  if (process.env.APPRODO_E2E_KEEP) {
    console.log(`e2e: kept ${state.tempDir} (database and server.log)`);
  } else {
    rmSync(state.tempDir, { recursive: true, force: true });
  }
}
