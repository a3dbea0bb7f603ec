/**
 * The dry run: the register read row by row as the import would read it, nothing written but
 * the import's own row (counts, preview, values that matched nothing, doubtful people) and its
 * rejected rows. Streamed: the file is never whole in memory; the register's people are read
 * once into a map, the fingerprints of earlier imports into a set.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { ImportSummary } from '../../contracts/imports.js';
import type { Database } from '../../db/schema.js';
import type { ImportFieldKey } from '../../domain/imports/fields.js';
import { splitTopics } from '../../domain/imports/values.js';
import { findComune, findCountry } from '../../reference/index.js';
import {
  centrePeople,
  deleteRejects,
  type ImportRow,
  importedFingerprints,
  importLookups,
  insertRejects,
  peopleWithOpenCase,
  type RejectToStore,
  updateImport,
  updateProgress,
} from './imports.repository.js';
import { importJob, type JobProgress } from './job-failure.js';
import { type Decision, FilePeople, type FilePerson, Register } from './people-matching.js';
import { type PlanInput, planPathOf, planRows } from './plan.js';
import type { ColumnMapping, ImportLookups, ParsedRow, ValueMappings } from './read/types.js';

type Db = Kysely<Database>;

/** The first rows shown as they will be stored. */
const PREVIEW_ROWS = 20;
/** At most this many distinct unmatched values and doubtful people are listed (the counts are whole). */
export const MAX_LISTED = 500;
/** Progress is written every so many rows. */
const PROGRESS_EVERY = 1000;
/** Rejects are stored a batch at a time. */
const REJECTS_BATCH = 1000;

/** What the plan of an import needs from the database, read once. */
export async function planInput(db: Db, row: ImportRow, organisationId: number): Promise<PlanInput> {
  const register = new Register();
  for await (const batch of centrePeople(db, row.centreId)) for (const person of batch) register.add(person);
  const [alreadyImported, lookups, withOpenCase] = await Promise.all([
    importedFingerprints(db, row.centreId, row.kind, row.id),
    importLookups(db, organisationId, row.centreId),
    row.kind === 'cases' ? peopleWithOpenCase(db, row.centreId) : Promise.resolve(new Set<number>()),
  ]);
  const info = {
    format: row.format as 'xlsx' | 'csv',
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: JSON.parse(row.headers) as string[],
  };
  return {
    kind: row.kind as PlanInput['kind'],
    path: row.storedPath as string,
    info,
    mapping: JSON.parse(row.mapping) as ColumnMapping,
    valueMappings: JSON.parse(row.valueMappings) as ValueMappings,
    lookups,
    people: new FilePeople(register, JSON.parse(row.decisions) as Record<string, Decision>),
    alreadyImported,
    withOpenCase,
  };
}

/** A row's values as the app will show them: names of countries, comuni, topics and courses, dates as ISO. */
export function previewValues(row: ParsedRow, lookups: ImportLookups): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  const country = (code: string | null) => (code ? (findCountry(code)?.it ?? code) : null);
  const p = row.person;
  if (p) {
    Object.assign(values, {
      familyNames: p.familyNames,
      givenNames: p.givenNames,
      gender: p.gender,
      birthDate: p.birthDate,
      citizenship: country(p.citizenship),
      birthCountry: country(p.birthCountry),
      fiscalCode: p.fiscalCode,
      residence:
        p.residence.kind === 'comune' && p.residence.comuneIstat
          ? (findComune(p.residence.comuneIstat)?.name ?? p.residence.comuneIstat)
          : p.residence.kind,
      phone: p.phone,
      email: p.email,
    });
  }
  if (row.visit) {
    const v = row.visit;
    Object.assign(values, {
      visitDate: v.date,
      visitTime: v.time,
      topics: v.topicIds.map((id) => lookups.topics.find((t) => t.id === id)?.labelIt ?? String(id)).join(', '),
      referralSource: v.referralSource,
      channel: v.channel,
      notes: v.notes,
    });
    if (v.anonymous)
      Object.assign(values, {
        gender: v.anonymous.gender,
        citizenship: country(v.anonymous.citizenship),
        birthDate: v.anonymous.birthDate,
      });
  }
  if (row.case)
    Object.assign(values, {
      openedOn: row.case.openedOn,
      closedOn: row.case.closedOn,
      referralSource: row.case.referralSource,
      caseSummary: row.case.summary,
    });
  if (row.permit) {
    Object.assign(values, {
      permitType: row.permit.permitType,
      permitNumber: row.permit.number,
      issuedOn: row.permit.issuedOn,
      expiresOn: row.permit.expiresOn,
    });
  }
  if (row.enrolment) {
    const e = row.enrolment;
    Object.assign(values, {
      course: lookups.courses.find((c) => c.id === e.courseId)?.title ?? String(e.courseId),
      programme: e.programme,
      enrolledOn: e.enrolledOn,
      withdrawnOn: e.withdrawnOn,
    });
  }
  return values;
}

/** The cells of a field's column, as the user's value mappings name them, counted (to list what was mapped). */
class MappedValues {
  private readonly columns: Array<{ column: number; field: ImportFieldKey; answers: Record<string, string | null> }> = [];
  readonly counts = new Map<string, { field: ImportFieldKey; value: string; count: number; mappedTo: string | null }>();

  constructor(mapping: ColumnMapping, valueMappings: ValueMappings) {
    for (const [column, field] of Object.entries(mapping)) {
      const answers = field ? valueMappings[field] : undefined;
      if (field && answers && Object.keys(answers).length > 0) this.columns.push({ column: Number(column), field, answers });
    }
  }

  count(cells: Array<string | null>): void {
    for (const { column, field, answers } of this.columns) {
      const cell = cells[column]?.trim();
      if (!cell) continue;
      const values = Object.hasOwn(answers, cell) ? [cell] : field === 'topics' ? splitTopics(cell) : [];
      for (const value of values) {
        if (!Object.hasOwn(answers, value)) continue;
        const key = `${field}\u0000${value}`;
        const entry = this.counts.get(key);
        if (entry) entry.count++;
        else this.counts.set(key, { field, value, count: 1, mappedTo: answers[value] ?? null });
      }
    }
  }
}

/** The dry run's counts as it goes. */
export interface PlanTally {
  rows: number;
  accepted: number;
  rejected: number;
  alreadyImported: number;
  newPeople: number;
  matchedPeople: number;
  records: number;
}

export function emptyTally(): PlanTally {
  return { rows: 0, accepted: 0, rejected: 0, alreadyImported: 0, newPeople: 0, matchedPeople: 0, records: 0 };
}

/** Counts an accepted row: its person new (first row naming them) or matched (the register, or an earlier row). */
export function tallyAccepted(tally: PlanTally, kind: string, person: FilePerson | null, counted: Set<FilePerson>): void {
  tally.accepted++;
  if (person && person.resolution.kind !== 'doubtful') {
    if (person.resolution.kind === 'new' && !counted.has(person)) {
      counted.add(person);
      tally.newPeople++;
      if (kind === 'people') tally.records++;
    } else tally.matchedPeople++;
  }
  if (kind !== 'people') tally.records++;
}

/**
 * Runs the dry run of an import (status analysing) and stores its outcome: analysed with its
 * summary and rejects, or failed with the reason.
 */
export const analyseImport = importJob<number>(
  { code: 'import.analysis_failed', what: 'the dry run failed' },
  async (db, row, organisationId, progress) => {
    const summary = await dryRun(db, row, organisationId, progress);
    await updateImport(
      db,
      row.id,
      { status: 'analysed', summary: JSON.stringify(summary), failure: null, progressDone: summary.rows, progressTotal: summary.rows },
      new Date().toISOString(),
    );
  },
);

async function dryRun(db: Db, row: ImportRow, organisationId: number, progress: JobProgress): Promise<ImportSummary> {
  const input = await planInput(db, row, organisationId);
  const tally = emptyTally();
  const counted = new Set<FilePerson>();
  const preview: ImportSummary['preview'] = [];
  const unmatched = new Map<string, { field: ImportFieldKey; value: string; count: number }>();
  let unmatchedOverflow = false;
  const mapped = new MappedValues(input.mapping, input.valueMappings);
  const withAccepted = new Set<FilePerson>();
  let rejects: RejectToStore[] = [];

  await deleteRejects(db, row.id);
  // The accepted rows, kept for the import (which then does not read and parse the file again).
  const planPath = planPathOf(input.path);
  const plan = createWriteStream(planPath, { mode: 0o600 });
  const keep = async (text: string) => {
    if (!plan.write(text)) await once(plan, 'drain');
  };
  try {
    for await (const planned of planRows(input)) {
      tally.rows++;
      if (planned.status === 'rejected') {
        tally.rejected++;
        mapped.count(planned.cells);
        const cells = JSON.stringify(planned.cells);
        for (const reject of planned.rejects) {
          rejects.push({
            rowNumber: planned.rowNumber,
            columnName: reject.column,
            code: reject.code,
            params: reject.params ? JSON.stringify(reject.params) : null,
            cells,
          });
        }
        for (const value of planned.unmatched) {
          const key = `${value.field}\u0000${value.value}`;
          const entry = unmatched.get(key);
          if (entry) entry.count++;
          else if (unmatched.size < MAX_LISTED) unmatched.set(key, { ...value, count: 1 });
          else unmatchedOverflow = true;
        }
        if (rejects.length >= REJECTS_BATCH) {
          await insertRejects(db, row.id, rejects);
          rejects = [];
        }
      } else if (planned.status === 'already') {
        tally.alreadyImported++;
      } else {
        mapped.count(planned.cells);
        tallyAccepted(tally, row.kind, planned.person, counted);
        if (planned.person) withAccepted.add(planned.person);
        if (preview.length < PREVIEW_ROWS)
          preview.push({ rowNumber: planned.row.rowNumber, values: previewValues(planned.row, input.lookups) });
        await keep(`${JSON.stringify(planned.row)}\n`);
      }
      if (tally.rows % PROGRESS_EVERY === 0) {
        progress(tally.rows, 0);
        await updateProgress(db, row.id, tally.rows, 0);
      }
    }
    await insertRejects(db, row.id, rejects);
    plan.end();
    await once(plan, 'finish');
  } catch (error) {
    plan.destroy();
    await rm(planPath, { force: true });
    throw error;
  }

  const doubtful: ImportSummary['doubtful'] = [];
  for (const person of input.people.people) {
    if (!person.doubtful || !withAccepted.has(person)) continue;
    if (doubtful.length >= MAX_LISTED) break;
    doubtful.push({
      key: person.key,
      rowNumbers: person.rowNumbers,
      givenNames: person.person.givenNames,
      familyNames: person.person.familyNames,
      birthDate: person.person.birthDate,
      candidates: person.doubtful.map((c) => ({ id: c.id, givenNames: c.givenNames, familyNames: c.familyNames, birthDate: c.birthDate })),
      decision: person.decision,
    });
  }
  return {
    ...tally,
    preview,
    unmatched: [
      ...[...unmatched.values()].map((u) => ({ ...u, mappedTo: null })).sort((a, b) => b.count - a.count),
      ...[...mapped.counts.values()],
    ],
    ...(unmatchedOverflow && { unmatchedTruncated: true }),
    doubtful,
    undecided: doubtfulUndecided(input.people.people, withAccepted),
  };
}

/** The doubtful people of the file not decided yet (the import waits for them). */
export function doubtfulUndecided(people: readonly FilePerson[], withAccepted: ReadonlySet<FilePerson>): number {
  return people.filter((p) => p.resolution.kind === 'doubtful' && withAccepted.has(p)).length;
}
