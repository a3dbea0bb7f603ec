/**
 * The writers of one import, inside its transaction: the records a row describes written as the
 * desk writes them (a visit's snapshot: gender, citizenship, age band on its date, origin group
 * by its date; a case with its first period and its member's snapshot; permits; enrolments with
 * their snapshot) through the bulk writer's multi-row inserts, with ids handed out in blocks;
 * every row written leaves its fingerprint, and the records' ids are kept as runs (for undo).
 * A row is written without waiting on anything: the ids are reserved and the batches written
 * between rows (`prepare`, `flushFull`), so that a 100,000-row register is not 100,000 × several
 * awaits.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { BULK_COLUMNS, PeopleWriters, WriteSession } from '../../demo/bulk.js';
import { ageBandOn, romeInstant } from '../../domain/dates.js';
import { originGroupOf } from '../../domain/origin-group.js';
import { decisionsPending } from './imports.errors.js';
import { IdAllocator, type ImportedEntity, type ImportedRanges, type ImportRow, insertRecordRanges } from './imports.repository.js';
import type { FilePerson } from './people-matching.js';
import type { ParsedCase, ParsedEnrolment, ParsedPermit, ParsedPerson, ParsedRow, ParsedVisit } from './read/types.js';

type Db = Kysely<Database>;

/** Who runs the import: a user, or nobody (the command line). */
export interface ImportRunner {
  userId: number | null;
  organisationId: number;
}

/**
 * The parameters of one multi-row INSERT: a quarter of the demo loader's, so that the statements
 * the SQLite driver keeps prepared (one per batch size) stay small in the server's memory.
 */
const IMPORT_PARAMETERS = 8000;

/** A person's facts a record's snapshot takes. */
export interface Snapshot {
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
}

function snapshotOfParsed(p: ParsedPerson): Snapshot {
  return {
    gender: p.gender,
    citizenship: p.citizenship,
    birthDate: p.birthDate,
    residenceKind: p.residence.kind,
    residenceComune: p.residence.kind === 'comune' ? p.residence.comuneIstat : null,
  };
}

/** The writers of one import, inside its transaction. */
export class ImportWriters {
  readonly people;
  readonly visits;
  readonly topics;
  readonly cases;
  readonly periods;
  readonly members;
  readonly permits;
  readonly enrolments;
  readonly rows;
  readonly ids;
  private readonly writers: ReadonlyArray<{ readonly full: boolean; flushFull(): Promise<void>; flush(): Promise<void> }>;
  /** The runs of ids of the records written, by kind. */
  readonly ranges: ImportedRanges = { person: [], visit: [], case: [], permit: [], enrolment: [] };
  readonly snapshots = new Map<number, Snapshot>();
  private readonly instants = new Map<string, string>();

  constructor(
    private readonly trx: Db,
    private readonly importRow: ImportRow,
    private readonly runner: ImportRunner,
    private readonly stamp: string,
  ) {
    // The import's transaction: the session writes in it and never commits on its own.
    const session = new WriteSession(trx, undefined, IMPORT_PARAMETERS);
    this.people = new PeopleWriters(session);
    this.visits = session.writer('visits', BULK_COLUMNS.visits, this.people.people);
    this.topics = session.writer('visitTopics', ['visitId', 'topicId'], this.visits);
    this.cases = session.writer('cases', BULK_COLUMNS.cases, this.people.people);
    this.periods = session.writer(
      'casePeriods',
      ['caseId', 'openedOn', 'closedOn', 'closingReason', 'closingNotes', 'createdAt'],
      this.cases,
    );
    this.members = session.writer(
      'caseMembers',
      [
        'caseId',
        'personId',
        'anonymousKey',
        'relation',
        'gender',
        'citizenship',
        'birthDate',
        'residenceKind',
        'residenceComune',
        'snapshotOn',
      ],
      this.cases,
    );
    this.permits = session.writer('residencePermits', BULK_COLUMNS.residencePermits, this.people.people);
    this.enrolments = session.writer(
      'enrolments',
      [
        'id',
        'courseId',
        'personId',
        'programme',
        'enrolledOn',
        'withdrawnOn',
        'gender',
        'citizenship',
        'createdAt',
        'updatedAt',
        'version',
      ],
      this.people,
    );
    this.rows = session.writer('importRows', ['importId', 'rowNumber', 'centreId', 'kind', 'fingerprint']);
    this.ids = {
      people: new IdAllocator(trx, 'people'),
      visits: new IdAllocator(trx, 'visits'),
      cases: new IdAllocator(trx, 'cases'),
      permits: new IdAllocator(trx, 'residencePermits'),
      enrolments: new IdAllocator(trx, 'enrolments'),
    };
    this.writers = [
      this.people.people,
      this.people.tokens,
      this.visits,
      this.topics,
      this.cases,
      this.periods,
      this.members,
      this.permits,
      this.enrolments,
      this.rows,
    ];
  }

  private get centreId() {
    return this.importRow.centreId;
  }

  /** How many records of each kind were written: the ids of their runs. */
  get created() {
    const count = (runs: ReadonlyArray<[number, number]>) => runs.reduce((n, [first, last]) => n + last - first + 1, 0);
    const { person, visit, case: cases, permit, enrolment } = this.ranges;
    return { people: count(person), visits: count(visit), cases: count(cases), permits: count(permit), enrolments: count(enrolment) };
  }

  private recordCreated(entity: ImportedEntity, id: number) {
    const runs = this.ranges[entity];
    const last = runs[runs.length - 1];
    if (last && last[1] === id - 1) last[1] = id;
    else runs.push([id, id]);
  }

  /** The allocator of the records this import's kind writes (besides people). */
  private get recordIds(): IdAllocator {
    const kind = this.importRow.kind;
    if (kind === 'visits') return this.ids.visits;
    if (kind === 'cases') return this.ids.cases;
    if (kind === 'permits') return this.ids.permits;
    if (kind === 'enrolments') return this.ids.enrolments;
    return this.ids.people;
  }

  /** Whether the ids of one more row (a person and a record at most) are ready. */
  get readyForRow(): boolean {
    return this.ids.people.ready > 0 && this.recordIds.ready > 0;
  }

  /** Makes ready the ids of `rows` more rows. */
  async prepare(rows: number): Promise<void> {
    await this.ids.people.reserve(rows);
    await this.recordIds.reserve(rows);
  }

  /** Whether a writer has a whole batch waiting. */
  get full(): boolean {
    return this.writers.some((writer) => writer.full);
  }

  /** Writes the whole batches waiting. */
  async flushFull(): Promise<void> {
    for (const writer of this.writers) await writer.flushFull();
  }

  /** The person's id: matched, or written now (the first accepted row naming a new person). */
  personId(person: FilePerson, snapshotOfExisting: (id: number) => Snapshot | undefined): number {
    if (person.personId !== undefined) return person.personId;
    const resolution = person.resolution;
    if (resolution.kind === 'doubtful') throw decisionsPending({ count: 1 });
    if (resolution.kind === 'existing') {
      person.personId = resolution.personId;
      const snapshot = snapshotOfExisting(resolution.personId);
      if (snapshot) this.snapshots.set(resolution.personId, snapshot);
      return resolution.personId;
    }
    const p = person.person;
    const id = this.ids.people.take();
    this.people.push({
      ...p,
      id,
      centreId: this.centreId,
      languages: '[]',
      residenceKind: p.residence.kind,
      residenceComune: p.residence.kind === 'comune' ? p.residence.comuneIstat : null,
      createdBy: this.runner.userId,
      createdAt: this.stamp,
    });
    this.recordCreated('person', id);
    this.snapshots.set(id, snapshotOfParsed(p));
    person.personId = id;
    return id;
  }

  private instant(date: string, time: string): string {
    const key = `${date}T${time}`;
    let iso = this.instants.get(key);
    if (iso === undefined) {
      iso = romeInstant(date, time).toISOString();
      this.instants.set(key, iso);
    }
    return iso;
  }

  visit(v: ParsedVisit, personId: number | null): void {
    let visitor: { gender: string; citizenship: string; ageBand: string };
    if (personId !== null) {
      // A snapshot of the person on the visit's day, as createVisit takes it.
      const s = this.snapshots.get(personId) as Snapshot;
      visitor = { gender: s.gender, citizenship: s.citizenship, ageBand: ageBandOn(s.birthDate, v.date) };
    } else {
      const a = v.anonymous as NonNullable<typeof v.anonymous>;
      visitor = { gender: a.gender, citizenship: a.citizenship, ageBand: ageBandOn(a.birthDate, v.date) };
    }
    const id = this.ids.visits.take();
    this.visits.push([
      id,
      this.centreId,
      this.instant(v.date, v.time),
      v.date,
      Number(v.date.slice(0, 4)),
      v.channel,
      personId,
      visitor.gender,
      visitor.citizenship,
      visitor.ageBand,
      originGroupOf(visitor.citizenship, v.date),
      v.referralSource,
      v.notes,
      null,
      this.stamp,
      this.stamp,
      1,
    ]);
    for (const topicId of new Set(v.topicIds)) this.topics.push([id, topicId]);
    this.recordCreated('visit', id);
  }

  case(c: ParsedCase, personId: number): void {
    const id = this.ids.cases.take();
    const status = c.closedOn ? 'closed' : 'open';
    this.cases.push([
      id,
      this.centreId,
      personId,
      null,
      null,
      c.referralSource,
      '[]',
      c.summary,
      null,
      status,
      c.openedOn,
      c.closedOn,
      this.stamp,
      this.stamp,
      1,
    ]);
    this.periods.push([id, c.openedOn, c.closedOn, c.closedOn ? 'other' : null, null, this.stamp]);
    const s = this.snapshots.get(personId) as Snapshot;
    // The member's snapshot as of the case's last change: its closing, or its opening while open.
    this.members.push([
      id,
      personId,
      null,
      null,
      s.gender,
      s.citizenship,
      s.birthDate,
      s.residenceKind,
      s.residenceComune,
      c.closedOn ?? c.openedOn,
    ]);
    this.recordCreated('case', id);
  }

  permit(p: ParsedPermit, personId: number): void {
    const id = this.ids.permits.take();
    this.permits.push([
      id,
      personId,
      this.centreId,
      p.permitType,
      p.number,
      p.issuedOn,
      p.expiresOn,
      'none',
      0,
      null,
      this.stamp,
      this.stamp,
      1,
    ]);
    this.recordCreated('permit', id);
  }

  enrolment(e: ParsedEnrolment, personId: number): void {
    const s = this.snapshots.get(personId) as Snapshot;
    const id = this.ids.enrolments.take();
    this.enrolments.push([
      id,
      e.courseId,
      personId,
      e.programme,
      e.enrolledOn,
      e.withdrawnOn,
      s.gender,
      s.citizenship,
      this.stamp,
      this.stamp,
      1,
    ]);
    this.recordCreated('enrolment', id);
  }

  rowWritten(row: ParsedRow): void {
    this.rows.push([this.importRow.id, row.rowNumber, this.centreId, this.importRow.kind, row.fingerprint]);
  }

  /** Writes everything waiting, and the runs of ids written. */
  async flush(): Promise<void> {
    for (const writer of this.writers) await writer.flush();
    await insertRecordRanges(this.trx, this.importRow.id, this.ranges);
  }
}
