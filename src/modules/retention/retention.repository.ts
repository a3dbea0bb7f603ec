/**
 * Retention's SQL: the organisation's settings, each person's dates (last contact, cases), the
 * log of runs and, on PostgreSQL, the advisory lock that keeps a run alone.
 */
import { type Insertable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { RetentionOutcome, RetentionRun, RetentionTrigger } from '../../contracts/retention.js';
import { isPostgres } from '../../db/database.js';
import { userOf } from '../../db/joined.js';
import { type ItemsPage, readPage } from '../../db/paging.js';
import { saveRowByKey, withUserName } from '../../db/queries.js';
import type { Database, RetentionRunsTable } from '../../db/schema.js';

type Db = Kysely<Database>;
// biome-ignore lint/suspicious/noExplicitAny: the dated columns of any table; datesIn types what it returns
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: a select of any table
type AnySelect = SelectQueryBuilder<any, any, any>;

// --- settings

/** The organisation's settings as stored, with who set them; undefined when never set. */
export async function settingsRow(db: Db, organisationId: number) {
  return withUserName(db, 'retentionSettings', 'updatedBy', 'updatedByName')
    .where('retentionSettings.organisationId', '=', organisationId)
    .executeTakeFirst();
}

export async function saveSettingsRow(
  db: Db,
  values: {
    organisationId: number;
    enabled: number;
    yearsAfterContact: number;
    yearsAfterCase: number;
    updatedBy: number;
    updatedAt: string;
  },
): Promise<void> {
  await saveRowByKey(db, 'retentionSettings', 'organisationId', values);
}

/** The organisations whose retention is on (the daily run's). */
export async function organisationsWithRetention(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('retentionSettings')
    .select('organisationId')
    .where('enabled', '=', 1)
    .orderBy('organisationId')
    .execute();
  return rows.map((row) => row.organisationId);
}

// --- a person's dates

/** Which case (own, or of a household the person is or was in) concerns which person. */
function personCases(db: Db) {
  return db
    .selectFrom('cases')
    .select(['cases.id as caseId', 'cases.personId as personId', 'cases.status as status'])
    .where('cases.personId', 'is not', null)
    .unionAll(
      db
        .selectFrom('cases')
        .innerJoin('householdMembers', 'householdMembers.householdId', 'cases.householdId')
        .select(['cases.id as caseId', 'householdMembers.personId as personId', 'cases.status as status']),
    );
}

/**
 * A table, its column naming whom a row concerns (a person, a case) and one of its dates or
 * instants; or, for a table of links, the date of the record each link names (in table `of`,
 * the link's column `via` naming it).
 */
type DatedColumn = readonly [
  table: keyof Database & string,
  whom: string,
  when: string | { of: keyof Database & string; via: string; when: string },
];

/**
 * The rows of each table as `{ [whomAs]: …, [whenAs]: … }`, all together (union all): the dates
 * a person's or a case's records carry, each read from its own table.
 */
function datesIn<Whom extends string, When extends string>(db: Db, whomAs: Whom, whenAs: When, columns: readonly DatedColumn[]) {
  const selects: AnySelect[] = columns.map(([table, whom, when]) => {
    const rows: AnySelect = (db as AnyDb).selectFrom(table);
    if (typeof when === 'string') return rows.select([`${table}.${whom} as ${whomAs}`, `${table}.${when} as ${whenAs}`]);
    const linked = rows.innerJoin(when.of, `${when.of}.id`, `${table}.${when.via}`);
    return linked.select([`${table}.${whom} as ${whomAs}`, `${when.of}.${when.when} as ${whenAs}`]);
  });
  const union = selects.reduce((all, next) => all.unionAll(next));
  return union as SelectQueryBuilder<Database, never, Record<Whom, number | null> & Record<When, string | null>>;
}

/** Every date a case was worked on: opened, closed, each period, diary notes, referrals, the lawyer's consultations. */
function caseDays(db: Db) {
  return datesIn(db, 'caseId', 'day', [
    ['cases', 'id', 'closedOn'],
    ['cases', 'id', 'openedOn'],
    ['casePeriods', 'caseId', 'openedOn'],
    ['casePeriods', 'caseId', 'closedOn'],
    ['caseNotes', 'caseId', 'noteDate'],
    ['referrals', 'caseId', 'referredOn'],
    ['legalConsultationCases', 'caseId', { of: 'legalConsultations', via: 'consultationId', when: 'heldOn' }],
  ]);
}

/**
 * Every calendar date something was recorded with a person: visits, applications, PC station
 * uses, enrolments (enrolled, withdrawn, lessons attended), waiting-list requests and their
 * closing, events taken part in, privacy notices given, and the dates of their cases.
 */
function contactDays(db: Db) {
  return datesIn(db, 'personId', 'day', [
    ['enrolments', 'personId', 'withdrawnOn'],
    ['visits', 'personId', 'visitDate'],
    ['applications', 'personId', 'appliedOn'],
    ['pcStationUses', 'personId', 'usedOn'],
    ['enrolments', 'personId', 'enrolledOn'],
    ['waitingListEntries', 'personId', 'requestedOn'],
    ['waitingListEntries', 'personId', 'closedOn'],
    ['privacyNotices', 'personId', 'givenOn'],
    ['eventParticipants', 'personId', { of: 'events', via: 'eventId', when: 'eventDate' }],
  ])
    .unionAll(
      db
        .selectFrom('attendance')
        .innerJoin('enrolments', 'enrolments.id', 'attendance.enrolmentId')
        .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
        .where('attendance.present', '=', 1)
        .select(['enrolments.personId as personId', 'lessons.lessonDate as day']),
    )
    .unionAll(
      db
        .selectFrom(personCases(db).as('pc'))
        .innerJoin(caseDays(db).as('cd'), 'cd.caseId', 'pc.caseId')
        .select(['pc.personId as personId', 'cd.day as day']),
    );
}

/** The instants a person's records were written at the desk: the file itself, permits and identity documents. */
function contactInstants(db: Db) {
  return datesIn(db, 'personId', 'at', [
    ['people', 'id', 'createdAt'],
    ['residencePermits', 'personId', 'createdAt'],
    ['identityDocuments', 'personId', 'createdAt'],
  ]);
}

export interface PersonDatesRow {
  personId: number;
  centreId: number;
  givenNames: string;
  familyNames: string;
  /** The latest calendar date recorded with the person (null: none). */
  lastDay: string | null;
  /** The latest instant a record of theirs was written (at least the file's own). */
  lastAt: string;
  openCases: number;
  cases: number;
}

export interface PeopleFilter {
  /** The organisation's centres, or the reader's. */
  centreIds: readonly number[];
  /** Only these people (a batch re-read before removal). */
  personIds?: readonly number[];
}

/** Each person's dates, in the centres (or of the people) asked, by family and given names. */
export async function peopleDates(db: Db, filter: PeopleFilter): Promise<PersonDatesRow[]> {
  if (filter.centreIds.length === 0 || filter.personIds?.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .leftJoin(
      db
        .selectFrom(contactDays(db).as('d'))
        .select(['d.personId', (eb) => eb.fn.max('d.day').as('lastDay')])
        .where('d.personId', 'is not', null)
        .groupBy('d.personId')
        .as('days'),
      'days.personId',
      'people.id',
    )
    .innerJoin(
      db
        .selectFrom(contactInstants(db).as('i'))
        .select(['i.personId', (eb) => eb.fn.max('i.at').as('lastAt')])
        .groupBy('i.personId')
        .as('instants'),
      'instants.personId',
      'people.id',
    )
    .leftJoin(
      db
        .selectFrom(personCases(db).as('c'))
        .select([
          'c.personId',
          (eb) => eb.fn.countAll<number>().as('cases'),
          (eb) => eb.fn.sum<number>(eb.case().when('c.status', '=', 'open').then(1).else(0).end()).as('openCases'),
        ])
        .groupBy('c.personId')
        .as('care'),
      'care.personId',
      'people.id',
    )
    .select([
      'people.id as personId',
      'people.centreId',
      'people.givenNames',
      'people.familyNames',
      'days.lastDay',
      'instants.lastAt',
      'care.openCases',
      'care.cases',
    ])
    .where('people.centreId', 'in', filter.centreIds)
    .$if(filter.personIds !== undefined, (query) => query.where('people.id', 'in', filter.personIds as number[]))
    .orderBy('people.familyNames')
    .orderBy('people.givenNames')
    .orderBy('people.id')
    .execute();
  return rows.map((row) => ({
    personId: row.personId,
    centreId: row.centreId,
    givenNames: row.givenNames,
    familyNames: row.familyNames,
    lastDay: (row.lastDay as string | null) ?? null,
    lastAt: String(row.lastAt),
    openCases: Number(row.openCases ?? 0),
    cases: Number(row.cases ?? 0),
  }));
}

/** The ids of an organisation's centres. */
export async function centresOf(db: Db, organisationId: number): Promise<number[]> {
  const rows = await db.selectFrom('centres').select('id').where('organisationId', '=', organisationId).orderBy('id').execute();
  return rows.map((row) => row.id);
}

// --- runs

/** The runs, with the name of who started each. */
const runsQuery = (db: Db) => withUserName(db, 'retentionRuns', 'startedBy', 'startedByName');

type RunRow = Awaited<ReturnType<ReturnType<typeof runsQuery>['executeTakeFirstOrThrow']>>;

const toRun = ({ organisationId: _, startedBy, startedByName, trigger, outcome, ...row }: RunRow): RetentionRun => ({
  ...row,
  trigger: trigger as RetentionTrigger,
  outcome: outcome as RetentionOutcome,
  startedBy: userOf(startedBy, startedByName),
});

export async function runById(db: Db, id: number): Promise<RetentionRun> {
  return toRun(await runsQuery(db).where('retentionRuns.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * Records a run as running, unless one of the organisation is running already: the partial
 * unique index (organisation, outcome running) refuses a second one on both databases. Undefined
 * when refused.
 */
export async function insertRunningRun(db: Db, values: Insertable<RetentionRunsTable>): Promise<number | undefined> {
  const row = await db
    .insertInto('retentionRuns')
    .values({ ...values, outcome: 'running' })
    .onConflict((conflict) => conflict.column('organisationId').where('outcome', '=', sql.lit('running')).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** A run that did not run: logged as it ended at once. */
export async function insertEndedRun(db: Db, values: Insertable<RetentionRunsTable>): Promise<number> {
  const { id } = await db.insertInto('retentionRuns').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function finishRun(
  db: Db,
  id: number,
  values: { outcome: RetentionOutcome; finishedAt: string; peopleRemoved?: number; detail?: string | null },
): Promise<void> {
  await db.updateTable('retentionRuns').set(values).where('id', '=', id).execute();
}

/** The files a running run has removed so far (written with each batch). */
export async function countRemoved(db: Db, id: number, peopleRemoved: number): Promise<void> {
  await db.updateTable('retentionRuns').set({ peopleRemoved }).where('id', '=', id).execute();
}

/** Marks the organisation's running runs started before `before` interrupted (their server stopped); how many. */
export async function interruptRunsStartedBefore(db: Db, organisationId: number, before: string, at: string): Promise<number> {
  const result = await db
    .updateTable('retentionRuns')
    .set({ outcome: 'interrupted', finishedAt: at, detail: 'found running after its server stopped' })
    .where('organisationId', '=', organisationId)
    .where('outcome', '=', 'running')
    .where('startedAt', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The latest run of the schedule that completed, for the organisation. */
export async function lastScheduledCompletion(db: Db, organisationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('retentionRuns')
    .select('startedAt')
    .where('organisationId', '=', organisationId)
    .where('trigger', '=', 'scheduled')
    .where('outcome', '=', 'completed')
    .orderBy('startedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.startedAt;
}

/** A page of the organisation's runs, the latest first. */
export async function runsPage(db: Db, organisationId: number, page: number, pageSize: number): Promise<ItemsPage<RetentionRun>> {
  const { rows, total } = await readPage(
    runsQuery(db)
      .where('retentionRuns.organisationId', '=', organisationId)
      .orderBy('retentionRuns.startedAt', 'desc')
      .orderBy('retentionRuns.id', 'desc'),
    db.selectFrom('retentionRuns').where('organisationId', '=', organisationId),
    page,
    pageSize,
  );
  return { items: rows.map(toRun), total };
}

// --- one run at a time on PostgreSQL

/** The advisory lock's first key: "RETN". The organisation's id is the second. */
const RETENTION_LOCK = 0x5245544e;

/**
 * On PostgreSQL, runs `work` on one connection holding the organisation's advisory lock, or
 * answers undefined at once if another session holds it (another instance's run). The lock goes
 * with the connection if the server dies. On SQLite (one writer) `work` runs as it is.
 */
export async function withRunLock<T>(
  db: Db,
  organisationId: number,
  work: (db: Db) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!isPostgres(db)) return { ran: true as const, value: await work(db) };
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${RETENTION_LOCK}::int, ${organisationId}::int) as locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false as const };
    try {
      return { ran: true as const, value: await work(connection) };
    } finally {
      await sql`select pg_advisory_unlock(${RETENTION_LOCK}::int, ${organisationId}::int)`.execute(connection);
    }
  });
}
