/**
 * What global setup shares with the tests: the running server's address and its one-time
 * setup link. Written to a JSON file in the run's temporary directory; the file's path
 * travels in an environment variable, which Playwright passes on to its worker processes.
 */
import { readFileSync } from 'node:fs';

export const STATE_ENV = 'APPRODO_E2E_STATE';
export const BASE_URL_ENV = 'APPRODO_E2E_BASE_URL';

export interface E2EState {
  /** e.g. http://127.0.0.1:41234 */
  baseURL: string;
  /** The link the server printed on first start: `${baseURL}/setup#TOKEN`. */
  setupUrl: string;
  /** The temporary directory holding the SQLite database and the server's log. */
  tempDir: string;
  databaseUrl: string;
  serverLog: string;
  pid: number;
}

export function readState(): E2EState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: run the e2e tests with "npx playwright test" (global setup starts the app).`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2EState;
}
