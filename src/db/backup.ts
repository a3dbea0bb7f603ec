/**
 * A verified copy of the live SQLite database (`approdo backup FILE`).
 *
 * Why VACUUM INTO and not SQLite's online backup (`sqlite3 .backup`, better-sqlite3's db.backup()):
 * the online backup copies pages in steps and starts again whenever another connection commits,
 * so under the server's steady writes it may never finish (issue 11: over 90 s). VACUUM INTO runs
 * in one read transaction on its own connection: in WAL mode that is a consistent snapshot which
 * the writers never disturb, and it never restarts. The writers go on meanwhile; the WAL grows
 * until the snapshot ends, as the checkpoint cannot pass it.
 *
 * A file that looks like a backup must be one: the copy is written under a temporary name beside
 * the target, synced, checked (integrity_check and the Approdo schema), and only then given the
 * target's name, never over an existing file. On any failure the temporary file is removed.
 */
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  /** Size of the copy. */
  bytes: number;
  pages: number;
  /** Always 'ok': any other answer of integrity_check fails the backup. */
  integrity: 'ok';
  /** The last migration the copy has, e.g. 0005-report-indexes. */
  migration: string;
  seconds: number;
}

/** The target is there already: said as is, not as a failure of the copy. */
class TargetExists extends Error {
  constructor(target: string) {
    super(`${target} exists already: a backup never overwrites a file, choose a new name`);
  }
}

export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupResult> {
  const started = performance.now();
  if (sourcePath === ':memory:' || !existsSync(sourcePath)) throw new Error(`No SQLite database at ${sourcePath}`);
  if (existsSync(targetPath)) throw new TargetExists(targetPath);
  const directory = dirname(targetPath);
  // Hidden and named .partial: if the process is killed midway, what is left does not pass for a backup.
  const partial = join(directory, `.${basename(targetPath)}.${process.pid}.partial`);
  try {
    mkdirSync(directory, { recursive: true });
    copySnapshot(sourcePath, partial);
    // SQLite does not sync the file VACUUM INTO writes: do it, so that the copy survives a power cut.
    syncFile(partial, 'r+');
    const verified = verify(partial);
    publish(partial, targetPath);
    syncDirectory(directory);
    return { ...verified, bytes: statSync(targetPath).size, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written there (e.g. the directory cannot be made): the error to report is the first one
    }
    if (error instanceof TargetExists) throw error;
    throw new Error(`Backup to ${targetPath} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function copySnapshot(sourcePath: string, partial: string): void {
  // Read-only and never created: a backup does not change the database, nor make one at a wrong path.
  const source = new SQLite(sourcePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000'); // a read may wait a moment while the WAL is reset
    // A bound string: SQLite takes any expression for the file name, so no quoting of the path.
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
}

function verify(file: string): Omit<BackupResult, 'bytes' | 'seconds'> {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const answers = copy.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = answers.map((row) => row.integrity_check).join('; ');
    if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`);
    const tables = new Set(copy.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
    if (!tables.has('kysely_migration') || !tables.has('visits')) {
      throw new Error('the copy has no Approdo schema (no migrations or visits table): is DATABASE_URL the Approdo database?');
    }
    const migration = copy.prepare('select max(name) from kysely_migration').pluck().get() as string | null;
    return { integrity: 'ok', migration: migration ?? '(none)', pages: copy.pragma('page_count', { simple: true }) as number };
  } finally {
    copy.close();
  }
}

/** Gives the verified copy its name. A hard link fails if the target appeared meanwhile; rename would replace it. */
function publish(partial: string, target: string): void {
  try {
    linkSync(partial, target);
    unlinkSync(partial);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExists(target);
    // File systems without hard links (some network shares): check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
    if (existsSync(target)) throw new TargetExists(target);
    renameSync(partial, target);
  }
}

function syncFile(file: string, flags: string): void {
  const fd = openSync(file, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The new name reaches the disk with the directory; not every platform can sync one (Windows), hence best effort. */
function syncDirectory(directory: string): void {
  try {
    syncFile(directory, 'r');
  } catch {
    // the copy itself is synced; only its name may be lost in a power cut
  }
}
