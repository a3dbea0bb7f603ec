/**
 * Checkpoints SQLite's write-ahead log from a worker thread, so that no request waits for it.
 *
 * By default SQLite copies the WAL back into the database file inside the commit that takes
 * the WAL past 1,000 pages, and syncs the file to disk there: that commit blocks the event loop
 * for milliseconds, and every request behind it waits (decision 006). Here the app's connection
 * never checkpoints (wal_autocheckpoint = 0). A worker thread opens its own connection and runs
 * a PASSIVE checkpoint every second: it copies what it can without blocking the writer or any
 * reader, and once all of the WAL is copied the next commit starts the WAL again from its start.
 * When the app's connection closes, SQLite checkpoints the rest and removes the WAL.
 *
 * If the worker cannot run, the connection goes back to checkpointing by itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const EVERY_MS = 1000;
/** The WAL file is cut back to this size when it starts again (it never shrinks otherwise). */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

// CommonJS source for an eval worker: it runs the same way from dist/, under tsx and in Vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: result });
  } catch (error) {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** What a PASSIVE checkpoint reports: WAL frames in all, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  sqlite: SQLite.Database,
  file: string,
  options: { everyMs?: number; onCheckpoint?: (result: CheckpointResult) => void } = {},
): Checkpointer {
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? EVERY_MS },
  });
  // A process that forgets to close its database still exits.
  worker.unref();
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { failed?: string; checkpointed?: CheckpointResult }) => {
    if (message.checkpointed) options.onCheckpoint?.(message.checkpointed);
    if (message.failed) console.warn(`SQLite checkpoint failed (${message.failed}); it will be tried again`);
  });
  const giveBack = (why: string) => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000'); // SQLite's default
    console.warn(`The SQLite checkpoint worker stopped (${why}); the connection checkpoints by itself`);
  };
  worker.on('error', (error) => giveBack(error.message));
  worker.on('exit', (code) => giveBack(`exit code ${code}`));
  return {
    async stop() {
      if (running) {
        running = false;
        worker.ref(); // wait for it to close its connection
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
