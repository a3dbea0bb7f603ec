/**
 * The home pages' SQL: counts over the caller's centres (visits by day and origin group, what
 * needs attention, the courses running and who waits for them), and the operator's own cases and
 * what is due on them. The people in care are read by the report's own query
 * (reports/visits-care.repository.ts: careMemberPeriods) and counted by the report's rules
 * again only when a centre's care version moved (care-counts.ts), the running courses' figures
 * only when its course version did (kept-figures.ts).
 */
import { type Kysely, sql } from 'kysely';
import { countRows, type DateRange, inCentresAndPeriod, relatedCount } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { OPEN_ACTION_STATUSES } from '../../domain/care.js';
import { LISTED_RENEWAL_STATUSES } from '../../domain/deadlines.js';
import { watchedPermits } from '../documents/documents.repository.js';

type Db = Kysely<Database>;

/**
 * The visits of the days by origin group, as the report counts them (each visit's snapshot),
 * summed from the counts the database keeps by centre, day and origin group (migration 0018).
 */
export async function visitsByOriginGroup(db: Db, centreIds: readonly number[], range: DateRange) {
  if (centreIds.length === 0) return new Map<string, number>();
  const rows = await inCentresAndPeriod(db, 'visitDayCounts', 'visitDate', { ...range, centreIds: [...centreIds] })
    .select(['visitDayCounts.originGroup', (eb) => eb.fn.sum<number>('visitDayCounts.visits').as('n')])
    .groupBy('visitDayCounts.originGroup')
    .execute();
  return new Map(rows.map((r) => [r.originGroup, Number(r.n)]));
}

/** The visits of each day from `from` to `to` (days without visits are absent), from the same counts. */
export async function visitsByDay(db: Db, centreIds: readonly number[], range: DateRange) {
  if (centreIds.length === 0) return [];
  const rows = await inCentresAndPeriod(db, 'visitDayCounts', 'visitDate', { ...range, centreIds: [...centreIds] })
    .select(['visitDayCounts.visitDate as day', (eb) => eb.fn.sum<number>('visitDayCounts.visits').as('n')])
    .groupBy('visitDayCounts.visitDate')
    .execute();
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}

/**
 * The version of each centre's data of one kind: its care data (migration 0019) or its course data
 * (migration 0021). A centre without one has had no such data since.
 */
export async function dataVersionsOf(
  db: Db,
  table: 'careVersions' | 'courseVersions',
  centreIds: readonly number[],
): Promise<Map<number, string>> {
  if (centreIds.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['centreId', 'version']).where('centreId', 'in', centreIds).execute();
  return new Map(rows.map((r) => [Number(r.centreId), r.version]));
}

/** Open cases of the centres (of one responsible operator, when given). */
function openCases(db: Db, centreIds: readonly number[], responsibleId?: number) {
  let query = db.selectFrom('cases as c').where('c.centreId', 'in', centreIds).where('c.status', '=', 'open');
  if (responsibleId !== undefined) query = query.where('c.responsibleId', '=', responsibleId);
  return query;
}

/**
 * Open cases whose last note (or, without one, their opening) is on or before `silentSince`: the
 * reminders' cases silent too long (domain/reminders.ts), counted.
 */
export async function silentCaseCount(db: Db, centreIds: readonly number[], silentSince: string): Promise<number> {
  if (centreIds.length === 0) return 0;
  return countRows(
    openCases(db, centreIds)
      .where('c.openedOn', '<=', silentSince)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('caseNotes as n').select('n.id').whereRef('n.caseId', '=', 'c.id').where('n.noteDate', '>', silentSince))),
      ),
  );
}

/**
 * The permits the Scadenze page lists as expiring from `today` to `until` (its watched permits,
 * documents.repository.ts), counted alone: its count of those expired would read every permit
 * ever expired, and the home does not show it.
 */
export function countExpiringPermits(db: Db, centreIds: readonly number[], window: { today: string; until: string }): Promise<number> {
  if (centreIds.length === 0) return Promise.resolve(0);
  return countRows(watchedPermits(db, centreIds, window.until).where('rp.expiresOn', '>=', window.today));
}

/** The ids of the courses of the centres running on `day`. */
export async function coursesRunningOn(db: Db, centreIds: readonly number[], day: string): Promise<number[]> {
  if (centreIds.length === 0) return [];
  const rows = await db
    .selectFrom('courses')
    .select('id')
    .where('centreId', 'in', centreIds)
    .where('startDate', '<=', day)
    .where('endDate', '>=', day)
    .execute();
  return rows.map((r) => r.id);
}

/** The people waiting for a course in the centres, by the kind of course they wait for. */
export async function waitingByKind(db: Db, centreIds: readonly number[]): Promise<Map<string, number>> {
  if (centreIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('waitingListEntries')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centreId', 'in', centreIds)
    .where('status', '=', 'waiting')
    .groupBy('kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/** The open cases an operator is responsible for, with who they name, their last note and their overdue actions. */
export async function ownOpenCases(db: Db, centreIds: readonly number[], userId: number, today: string) {
  if (centreIds.length === 0) return [];
  return openCases(db, centreIds, userId)
    .leftJoin('people as p', 'p.id', 'c.personId')
    .leftJoin('households as h', 'h.id', 'c.householdId')
    .select((eb) => [
      'c.id as caseId',
      'c.personId',
      'p.givenNames',
      'p.familyNames',
      'c.householdId',
      'h.name as householdName',
      'c.openedOn',
      eb
        .selectFrom('caseNotes as n')
        .select((n) => n.fn.max('n.noteDate').as('d'))
        .whereRef('n.caseId', '=', 'c.id')
        .as('lastNoteOn'),
      relatedCount(eb, 'caseActions', 'caseActions.caseId', 'c.id')
        .where('caseActions.status', 'in', OPEN_ACTION_STATUSES)
        .where('caseActions.dueOn', '<', today)
        .as('overdueActions'),
    ])
    .orderBy('c.openedOn')
    .orderBy('c.id')
    .execute();
}

/**
 * The plan actions of open cases still to do, due on or before `until` (late ones included), that
 * are the operator's as the overdue list has them (plan.repository.ts): of a case they are
 * responsible for, or assigned to them.
 */
export async function ownActionsDue(db: Db, centreIds: readonly number[], userId: number, until: string) {
  if (centreIds.length === 0) return [];
  return openCases(db, centreIds)
    .innerJoin('caseActions as ca', 'ca.caseId', 'c.id')
    .leftJoin('people as p', 'p.id', 'c.personId')
    .select(['ca.id', sql<string>`ca.due_on`.as('dueOn'), 'ca.caseId', 'c.personId', 'p.givenNames', 'p.familyNames', 'ca.description'])
    .where('ca.status', 'in', OPEN_ACTION_STATUSES)
    .where('ca.dueOn', '<=', until)
    .where((eb) => eb.or([eb('c.responsibleId', '=', userId), eb('ca.assigneeId', '=', userId)]))
    .orderBy('ca.dueOn')
    .orderBy('ca.id')
    .execute();
}

/** The watched permits expiring from `range.from` to `range.to` of the people named by the operator's open cases. */
export async function ownPermitsExpiring(db: Db, centreIds: readonly number[], userId: number, range: Required<DateRange>) {
  if (centreIds.length === 0) return [];
  const theirPeople = openCases(db, centreIds, userId).innerJoin('caseMembers as cm', 'cm.caseId', 'c.id').select('cm.personId');
  return db
    .selectFrom('residencePermits as rp')
    .innerJoin('people as p', 'p.id', 'rp.personId')
    .select(['rp.id', sql<string>`rp.expires_on`.as('dueOn'), 'rp.personId', 'p.givenNames', 'p.familyNames', 'rp.permitType'])
    .where('rp.centreId', 'in', centreIds)
    .where('rp.expiresOn', '>=', range.from)
    .where('rp.expiresOn', '<=', range.to)
    .where('rp.superseded', '=', 0)
    .where('rp.renewalStatus', 'in', LISTED_RENEWAL_STATUSES)
    .where('rp.personId', 'in', theirPeople)
    .orderBy('rp.expiresOn')
    .orderBy('rp.id')
    .execute();
}
