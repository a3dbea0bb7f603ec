/**
 * A case in SQL: its row, periods and members (with their snapshot), the one-open-case check,
 * and what erasing a person takes away. Whole cases and lists are read in whole-case.repository,
 * the plan, diary and referrals in their own repositories. No HTTP, no audit.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { rowInCentres } from '../../db/queries.js';
import type { CasesTable, Database } from '../../db/schema.js';
import { insertVersioned, type NewVersioned } from '../../db/versioned.js';

type Db = Kysely<Database>;
export type CaseRow = Selectable<CasesTable>;

/** A case, if it belongs to one of the given centres. */
export function findCaseRow(db: Db, id: number, centreIds: readonly number[]): Promise<CaseRow | undefined> {
  return rowInCentres(db, 'cases', id, centreIds);
}

/** The case a goal, action, note or referral belongs to, if the case is in one of the centres. */
export async function findOwningCase(
  db: Db,
  table: 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals',
  id: number,
  centreIds: readonly number[],
): Promise<CaseRow | undefined> {
  if (centreIds.length === 0) return undefined;
  return db
    .selectFrom('cases')
    .selectAll('cases')
    .where('cases.centreId', 'in', centreIds)
    .where((eb) => eb.exists(eb.selectFrom(table).select('id').where('id', '=', id).whereRef('caseId', '=', 'cases.id')))
    .executeTakeFirst();
}

/** A visit's centre, person and referral source, if it is in one of the centres. */
export function findVisitRef(db: Db, id: number, centreIds: readonly number[]) {
  return rowInCentres(db, 'visits', id, centreIds, ['id', 'centreId', 'personId', 'referralSource']);
}

/**
 * Holds these people's rows until the transaction ends (a write that changes nothing), so that
 * two operators opening a case for the same person at once cannot both pass the open-case
 * check on PostgreSQL. SQLite runs one write transaction at a time already.
 */
export async function lockPeople(db: Db, personIds: readonly number[]): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .updateTable('people')
    .set({ version: sql`version` })
    .where(
      'id',
      'in',
      [...personIds].sort((a, b) => a - b),
    )
    .execute();
}

/** An open case naming one of these people (other than `exceptCaseId`), with the person it names. */
export async function findOpenCaseOf(db: Db, personIds: readonly number[], exceptCaseId?: number) {
  if (personIds.length === 0) return undefined;
  let query = db
    .selectFrom('caseMembers')
    .innerJoin('cases', 'cases.id', 'caseMembers.caseId')
    .select(['cases.id as caseId', 'caseMembers.personId'])
    .where('cases.status', '=', 'open')
    .where('caseMembers.personId', 'in', personIds);
  if (exceptCaseId !== undefined) query = query.where('cases.id', '!=', exceptCaseId);
  return query.orderBy('cases.id').limit(1).executeTakeFirst();
}

/** The identified people these cases name (an erased member names nobody). */
export async function memberPersonIds(db: Db, caseIds: readonly number[]): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('caseMembers')
    .select('personId')
    .distinct()
    .where('caseId', 'in', caseIds)
    .where('personId', 'is not', null)
    .execute();
  return rows.map((row) => row.personId).filter((id): id is number => id !== null);
}

/** What a member's row keeps of the person, as of a date: the counts of past years read it. */
export interface MemberSnapshot {
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
}

/** The snapshot of each of these people now, by person id. */
export async function snapshotsOf(db: Db, personIds: readonly number[]): Promise<Map<number, MemberSnapshot>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'gender', 'citizenship', 'birthDate', 'residenceKind', 'residenceComune'])
    .where('id', 'in', personIds)
    .execute();
  return new Map(rows.map(({ id, ...snapshot }) => [id, snapshot]));
}

export function insertCase(db: Db, values: NewVersioned<'cases'>, stamp: string): Promise<number> {
  return insertVersioned(db, 'cases', values, stamp);
}

export async function insertMembers(
  db: Db,
  members: Array<MemberSnapshot & { caseId: number; personId: number; relation: string | null; snapshotOn: string }>,
): Promise<void> {
  await db.insertInto('caseMembers').values(members).execute();
}

/** Takes the members' snapshot again (at closing); an erased member keeps their last one. */
export async function retakeSnapshots(db: Db, caseId: number, snapshotOn: string): Promise<void> {
  const members = await db.selectFrom('caseMembers').select(['id', 'personId']).where('caseId', '=', caseId).execute();
  const snapshots = await snapshotsOf(
    db,
    members.map((m) => m.personId).filter((p): p is number => p !== null),
  );
  for (const member of members) {
    const snapshot = member.personId !== null ? snapshots.get(member.personId) : undefined;
    if (!snapshot) continue;
    await db
      .updateTable('caseMembers')
      .set({ ...snapshot, snapshotOn })
      .where('id', '=', member.id)
      .execute();
  }
}

/** A new period of the case, open from `openedOn`. */
export async function openPeriod(db: Db, caseId: number, openedOn: string, stamp: string): Promise<void> {
  await db.insertInto('casePeriods').values({ caseId, openedOn, closedOn: null, createdAt: stamp }).execute();
}

/** The period of the case that has not ended (an open case has one). */
export async function findOpenPeriod(db: Db, caseId: number) {
  return db
    .selectFrom('casePeriods')
    .select(['id', 'openedOn'])
    .where('caseId', '=', caseId)
    .where('closedOn', 'is', null)
    .executeTakeFirstOrThrow();
}

export async function closePeriod(
  db: Db,
  periodId: number,
  closing: { closedOn: string; closingReason: string; closingNotes: string | null },
): Promise<void> {
  await db.updateTable('casePeriods').set(closing).where('id', '=', periodId).execute();
}

/**
 * Before a person's file is erased: the cases that name nobody else lose their personal content
 * (diary, plan, referrals, summary, closing notes, the visit link). Their periods and member
 * snapshots stay, the link to the person cleared by the foreign key and an anonymous key in its
 * place, so past counts do not change; the snapshot loses the date of birth, which with the rest
 * could tell who it was. A household case naming other people keeps its content: it is theirs too.
 */
export async function eraseCaseContentOf(db: Db, personId: number, now = new Date()): Promise<void> {
  // The member rows stay anonymous but together: the person still counts once in every year.
  const first = await db
    .selectFrom('caseMembers')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (first?.id == null) return;
  await db
    .updateTable('caseMembers')
    .set({ anonymousKey: Number(first.id), birthDate: null })
    .where('personId', '=', personId)
    .execute();

  const rows = await db
    .selectFrom('caseMembers as m')
    .select('m.caseId')
    .distinct()
    .where('m.personId', '=', personId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('caseMembers as other')
            .select('other.id')
            .whereRef('other.caseId', '=', 'm.caseId')
            // Members already erased (person null) are nobody left to keep the content for.
            .where('other.personId', '!=', personId),
        ),
      ),
    )
    .execute();
  const caseIds = rows.map((r) => r.caseId);
  if (caseIds.length === 0) return;
  await db.deleteFrom('caseNotes').where('caseId', 'in', caseIds).execute();
  await db.deleteFrom('caseActions').where('caseId', 'in', caseIds).execute();
  await db.deleteFrom('caseGoals').where('caseId', 'in', caseIds).execute();
  await db.deleteFrom('referrals').where('caseId', 'in', caseIds).execute();
  await db.updateTable('casePeriods').set({ closingNotes: null }).where('caseId', 'in', caseIds).execute();
  await db
    .updateTable('cases')
    .set({ summary: null, visitId: null, updatedAt: now.toISOString(), version: sql`version + 1` })
    .where('id', 'in', caseIds)
    .execute();
}
