/**
 * `approdo import <kind> FILE --centre CODE [--mapping FILE] [--dry-run] [--json]`: the same use
 * cases as the server's routes, for an actor that stands for the command line (no user: the
 * audit rows name nobody, as the CLI's other writes do). The jobs run in this process and are
 * awaited. Exit codes: 0 all rows imported (or a dry run done), 3 imported but rows were
 * rejected (left out: fix them from the list and import them again), 2 doubtful people wait for
 * a decision (nothing imported), 1 refused or failed (nothing imported).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  IMPORT_FIELD_KEYS,
  IMPORT_KINDS,
  type Import,
  type ImportKind,
  type ImportReject,
  importUpdateInput,
} from '../../contracts/imports.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { discardImport, getImport, type ImportContext, runImport, updateImportFor, uploadImport } from './imports.usecases.js';
import { ImportJobs } from './jobs.js';
import { listRejectsFor, reasonIt } from './rejects.usecases.js';

export interface CliImportOptions {
  kind: string;
  file: string;
  centre: string;
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** A --mapping file: the column mapping alone, or with the value mappings and decisions. */
const mappingFile = z.union([
  z.strictObject({
    mapping: importUpdateInput.shape.mapping,
    valueMappings: importUpdateInput.shape.valueMappings,
    decisions: importUpdateInput.shape.decisions,
  }),
  z.record(z.string().regex(/^\d{1,3}$/), z.enum(IMPORT_FIELD_KEYS).nullable()).transform((mapping) => ({ mapping })),
]);

const MAX_PRINTED_REJECTS = 200;

async function allRejects(ctx: ImportContext, actor: Actor, id: number, limit: number): Promise<{ items: ImportReject[]; total: number }> {
  const items: ImportReject[] = [];
  let total = 0;
  for (let page = 1; items.length < limit; page++) {
    const result = await listRejectsFor(ctx, actor, id, { page, pageSize: 200 });
    total = result.total;
    items.push(...result.items);
    if (result.items.length < 200) break;
  }
  return { items: items.slice(0, limit), total };
}

function printSummary(item: Import, rejects: { items: ImportReject[]; total: number }, write: (line: string) => void): void {
  const s = item.summary;
  write(`Import ${item.id} (${item.kind}, ${item.fileName}): ${item.status}`);
  if (item.failure) write(`  failure: ${item.failure.code}${item.failure.params ? ` ${JSON.stringify(item.failure.params)}` : ''}`);
  if (!s) return;
  write(`  rows ${s.rows}: accepted ${s.accepted}, rejected ${s.rejected}, already imported ${s.alreadyImported}`);
  write(`  people: new ${s.newPeople}, matched ${s.matchedPeople}; records ${s.records}`);
  for (const u of s.unmatched)
    write(`  unmatched ${u.field} "${u.value}" × ${u.count}${u.mappedTo !== undefined && u.mappedTo !== null ? ` → ${u.mappedTo}` : ''}`);
  for (const d of s.doubtful) {
    const candidates = d.candidates.map((c) => `${c.id} ${c.familyNames} ${c.givenNames} ${c.birthDate ?? '-'}`).join('; ');
    write(`  doubtful "${d.key}" (rows ${d.rowNumbers.join(', ')}): ${d.decision ?? 'undecided'} [${candidates}]`);
  }
  for (const r of rejects.items) write(`  riga ${r.rowNumber}: ${reasonIt(r.code, r.params, r.column)}`);
  if (rejects.total > rejects.items.length) write(`  … ${rejects.total - rejects.items.length} more rejected rows`);
}

/** Runs the command; returns the exit code. */
export async function importFromCli(
  db: Kysely<Database>,
  importDir: string,
  options: CliImportOptions,
  write = console.log,
): Promise<number> {
  const kind = z.enum(IMPORT_KINDS).parse(options.kind) as ImportKind;
  const centre = await db.selectFrom('centres').select(['id', 'organisationId']).where('code', '=', options.centre).executeTakeFirst();
  if (!centre) throw new Error(`No centre with code ${options.centre}`);
  const changes = options.mapping ? mappingFile.parse(JSON.parse(await readFile(options.mapping, 'utf8'))) : undefined;
  const actor: Actor = {
    userId: 0,
    email: 'cli',
    displayName: 'approdo import',
    role: 'admin',
    locale: 'it',
    organisationId: centre.organisationId,
    centreIds: [centre.id],
  };
  const ctx: ImportContext = { db, jobs: new ImportJobs(), importDir };
  const size = (await stat(options.file)).size;
  const started = await uploadImport(
    ctx,
    actor,
    { kind, centreId: centre.id, fileName: basename(options.file) },
    createReadStream(options.file),
    size,
  );
  await started.job;
  let item = await getImport(ctx, actor, started.import.id);
  if (changes && item.status !== 'failed') {
    const updated = await updateImportFor(ctx, actor, item.id, { version: item.version, ...changes });
    await updated.job;
    item = await getImport(ctx, actor, item.id);
  }
  const report = async (code: number) => {
    const rejects = await allRejects(ctx, actor, item.id, options.json ? 10_000 : MAX_PRINTED_REJECTS);
    if (options.json)
      write(JSON.stringify({ import: item, rejects: rejects.items, rejectedTotal: rejects.total, exitCode: code }, null, 2));
    else printSummary(item, rejects, write);
    return code;
  };
  if (item.status === 'failed') return report(1);
  if (options.dryRun) {
    const code = await report(0);
    // A dry run leaves nothing behind but its audit rows.
    await discardImport(ctx, actor, item.id);
    return code;
  }
  if ((item.summary?.undecided ?? 0) > 0) {
    const code = await report(2);
    if (!options.json) write('Doubtful people need a decision: give "decisions": { key: "new" | personId } in the --mapping file.');
    await discardImport(ctx, actor, item.id);
    return code;
  }
  const run = await runImport(ctx, actor, item.id, item.version);
  await run.job;
  item = await getImport(ctx, actor, item.id);
  if (item.status !== 'imported') return report(1);
  return report((item.summary?.rejected ?? 0) > 0 ? 3 : 0);
}
