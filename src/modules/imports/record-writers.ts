/**
 * The writers of one import, inside its transaction: the records a row describes written as the
 * desk writes them (a visit's snapshot: gender, citizenship, age band on its date, origin group
 * by its date; a case with its first period and its member's snapshot; permits; enrolments with
 * their snapshot) through the bulk writer's multi-row inserts, with ids handed out in blocks;
 * every row written leaves its fingerprint and every record its entry (for undo).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { BULK_COLUMNS, WriteSession } from '../../demo/bulk.js';
import { ageBandOn, romeInstant } from '../../domain/dates.js';
import { nameIndexEntries } from '../../domain/names.js';
import { originGroupOf } from '../../domain/origin-group.js';
import { decisionsPending } from './imports.errors.js';
import { IdAllocator, type ImportRow } from './imports.repository.js';
import type { FilePerson } from './people-matching.js';
import type { ParsedPerson, ParsedRow } from './read/types.js';

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
  readonly tokens;
  readonly visits;
  readonly topics;
  readonly cases;
  readonly periods;
  readonly members;
  readonly permits;
  readonly enrolments;
  readonly rows;
  readonly records;
  readonly ids;
  readonly snapshots = new Map<number, Snapshot>();
  private readonly instants = new Map<string, string>();
  readonly created = { people: 0, visits: 0, cases: 0, permits: 0, enrolments: 0 };

  constructor(
    trx: Db,
    private readonly importRow: ImportRow,
    private readonly runner: ImportRunner,
    private readonly stamp: string,
  ) {
    // The import's transaction: the session writes in it and never commits on its own.
    const session = new WriteSession(trx, undefined, IMPORT_PARAMETERS);
    this.people = session.writer('people', BULK_COLUMNS.people);
    this.tokens = session.writer('personNameTokens', ['personId', 'centreId', 'token', 'skeleton'], this.people);
    this.visits = session.writer('visits', BULK_COLUMNS.visits, this.people);
    this.topics = session.writer('visitTopics', ['visitId', 'topicId'], this.visits);
    this.cases = session.writer('cases', BULK_COLUMNS.cases, this.people);
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
    this.permits = session.writer(
      'residencePermits',
      [
        'id',
        'personId',
        'centreId',
        'permitType',
        'number',
        'issuedOn',
        'expiresOn',
        'renewalStatus',
        'superseded',
        'notes',
        'createdAt',
        'updatedAt',
        'version',
      ],
      this.people,
    );
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
    this.records = session.writer('importRecords', ['importId', 'entity', 'recordId']);
    this.ids = {
      people: new IdAllocator(trx, 'people'),
      visits: new IdAllocator(trx, 'visits'),
      cases: new IdAllocator(trx, 'cases'),
      permits: new IdAllocator(trx, 'residencePermits'),
      enrolments: new IdAllocator(trx, 'enrolments'),
    };
  }

  private get centreId() {
    return this.importRow.centreId;
  }

  private async recordCreated(entity: string, id: number) {
    await this.records.add(this.importRow.id, entity, id);
  }

  /** The person's id: matched, or written now (the first accepted row naming a new person). */
  async personId(person: FilePerson, snapshotOfExisting: (id: number) => Snapshot | undefined): Promise<number> {
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
    const id = await this.ids.people.next();
    await this.people.add(
      id,
      this.centreId,
      p.givenNames,
      p.familyNames,
      p.gender,
      p.birthDate,
      p.birthCountry,
      p.citizenship,
      p.fiscalCode,
      p.phone,
      p.email,
      '[]',
      p.residence.kind,
      p.residence.kind === 'comune' ? p.residence.comuneIstat : null,
      this.runner.userId,
      this.stamp,
      this.stamp,
      1,
    );
    // Exactly the rows the people repository writes for these names: the search finds them.
    for (const entry of nameIndexEntries(p.givenNames, p.familyNames))
      await this.tokens.add(id, this.centreId, entry.token, entry.skeleton);
    await this.recordCreated('person', id);
    this.created.people++;
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

  async visit(row: ParsedRow, personId: number | null): Promise<void> {
    const v = row.visit;
    if (!v) return;
    let visitor: { gender: string; citizenship: string; ageBand: string };
    if (personId !== null) {
      // A snapshot of the person on the visit's day, as createVisit takes it.
      const s = this.snapshots.get(personId) as Snapshot;
      visitor = { gender: s.gender, citizenship: s.citizenship, ageBand: ageBandOn(s.birthDate, v.date) };
    } else {
      const a = v.anonymous as NonNullable<typeof v.anonymous>;
      visitor = { gender: a.gender, citizenship: a.citizenship, ageBand: ageBandOn(a.birthDate, v.date) };
    }
    const id = await this.ids.visits.next();
    await this.visits.add(
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
    );
    for (const topicId of new Set(v.topicIds)) await this.topics.add(id, topicId);
    await this.recordCreated('visit', id);
    this.created.visits++;
  }

  async case(row: ParsedRow, personId: number): Promise<void> {
    const c = row.case;
    if (!c) return;
    const id = await this.ids.cases.next();
    const status = c.closedOn ? 'closed' : 'open';
    await this.cases.add(
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
    );
    await this.periods.add(id, c.openedOn, c.closedOn, c.closedOn ? 'other' : null, null, this.stamp);
    const s = this.snapshots.get(personId) as Snapshot;
    // The member's snapshot as of the case's last change: its closing, or its opening while open.
    await this.members.add(
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
    );
    await this.recordCreated('case', id);
    this.created.cases++;
  }

  async permit(row: ParsedRow, personId: number): Promise<void> {
    const p = row.permit;
    if (!p) return;
    const id = await this.ids.permits.next();
    await this.permits.add(
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
    );
    await this.recordCreated('permit', id);
    this.created.permits++;
  }

  async enrolment(row: ParsedRow, personId: number): Promise<void> {
    const e = row.enrolment;
    if (!e) return;
    const s = this.snapshots.get(personId) as Snapshot;
    const id = await this.ids.enrolments.next();
    await this.enrolments.add(
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
    );
    await this.recordCreated('enrolment', id);
    this.created.enrolments++;
  }

  async rowWritten(row: ParsedRow): Promise<void> {
    await this.rows.add(this.importRow.id, row.rowNumber, this.centreId, this.importRow.kind, row.fingerprint);
  }

  async flush(): Promise<void> {
    for (const writer of [
      this.people,
      this.tokens,
      this.visits,
      this.topics,
      this.cases,
      this.periods,
      this.members,
      this.permits,
      this.enrolments,
      this.rows,
      this.records,
    ]) {
      await writer.flush();
    }
  }
}
