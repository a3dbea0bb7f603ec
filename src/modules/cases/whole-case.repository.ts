/**
 * Reading cases in SQL: whole (members, periods, plan, the diary the reader may read, referrals)
 * in one query per part whatever the number of cases, and the list of cases, one page at a time.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Case, CaseListItem, CaseMember, CasePeriod } from '../../contracts/cases.js';
import type { CaseArea, CaseClosingReason, CaseStatus, Gender, ReferralSource } from '../../contracts/enums.js';
import { groupsOf, joinPersonNames, personOf, userOf } from '../../db/joined.js';
import { type ItemsPage, readCentresPage } from '../../db/paging.js';
import { whereEqual, whereLinked } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import type { CaseRow } from './cases.repository.js';
import { diariesOf, type Reader } from './diary.repository.js';
import { plansOf } from './plan.repository.js';
import { referralsOf } from './referrals.repository.js';

type Db = Kysely<Database>;

/** Cases (of the query given) with the names they show: the person's, the household's, the responsible's. */
function caseHeads(cases: SelectQueryBuilder<Database, 'cases', object>) {
  return cases
    .leftJoin('people', 'people.id', 'cases.personId')
    .leftJoin('households', 'households.id', 'cases.householdId')
    .leftJoin('users as responsible', 'responsible.id', 'cases.responsibleId')
    .selectAll('cases')
    .select(['people.givenNames', 'people.familyNames', 'households.name as householdName', 'responsible.displayName as responsibleName']);
}
type CaseHead = CaseRow & {
  givenNames: string | null;
  familyNames: string | null;
  householdName: string | null;
  responsibleName: string | null;
};

function headOf(row: CaseHead) {
  return {
    id: row.id,
    centreId: row.centreId,
    status: row.status as CaseStatus,
    person: personOf(row),
    household: row.householdId !== null && row.householdName !== null ? { id: row.householdId, name: row.householdName } : null,
    responsible: userOf(row.responsibleId, row.responsibleName),
    areas: JSON.parse(row.areas) as CaseArea[],
    referralSource: row.referralSource as ReferralSource,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    version: row.version,
  };
}

function membersOf(db: Db, caseIds: number[]): Promise<Map<number, CaseMember[]>> {
  return groupsOf(
    caseIds,
    (ids) => {
      const members = db
        .selectFrom('caseMembers')
        .select(['caseMembers.id', 'caseMembers.caseId', 'caseMembers.personId', 'caseMembers.relation', 'caseMembers.gender'])
        .where('caseMembers.caseId', 'in', ids)
        .orderBy('caseMembers.id');
      return joinPersonNames(members, 'caseMembers.personId').execute();
    },
    (row) => row.caseId,
    (row) => ({ id: row.id, person: personOf(row), relation: row.relation, gender: row.gender as Gender }),
  );
}

function periodsOf(db: Db, caseIds: number[]): Promise<Map<number, Array<CasePeriod & { caseId: number }>>> {
  return groupsOf(
    caseIds,
    (ids) =>
      db
        .selectFrom('casePeriods')
        .select(['id', 'caseId', 'openedOn', 'closedOn', 'closingReason', 'closingNotes'])
        .where('caseId', 'in', ids)
        .orderBy('openedOn')
        .orderBy('id')
        .execute(),
    (p) => p.caseId,
    (row) => ({ ...row, closingReason: row.closingReason as CaseClosingReason | null }),
  );
}

/** Whole cases (members, periods, plan, the diary the reader may read, referrals), in the order given. */
async function wholeCases(db: Db, heads: CaseHead[], reader: Reader): Promise<Case[]> {
  const ids = heads.map((h) => h.id);
  const [members, periods, plans, diaries, referrals] = await Promise.all([
    membersOf(db, ids),
    periodsOf(db, ids),
    plansOf(db, ids),
    diariesOf(db, new Map(heads.map((h) => [h.id, h.responsibleId])), reader),
    referralsOf(db, ids),
  ]);
  return heads.map((head) => ({
    ...headOf(head),
    members: members.get(head.id) ?? [],
    summary: head.summary,
    visitId: head.visitId,
    periods: (periods.get(head.id) ?? []).map(({ caseId: _, ...period }) => period),
    goals: plans.get(head.id) ?? [],
    notes: diaries.get(head.id)?.notes ?? [],
    hiddenNotes: diaries.get(head.id)?.hidden ?? 0,
    referrals: referrals.get(head.id) ?? [],
    createdAt: head.createdAt,
    updatedAt: head.updatedAt,
  }));
}

/** One whole case, if it is in one of the centres. */
export async function loadCase(db: Db, id: number, centreIds: readonly number[], reader: Reader): Promise<Case | undefined> {
  if (centreIds.length === 0) return undefined;
  const head = await caseHeads(db.selectFrom('cases'))
    .where('cases.id', '=', id)
    .where('cases.centreId', 'in', centreIds)
    .executeTakeFirst();
  if (!head) return undefined;
  return (await wholeCases(db, [head], reader))[0];
}

/** Every case naming the person (in the centres), newest first, whole. */
export async function loadCasesOfPerson(db: Db, personId: number, centreIds: readonly number[], reader: Reader): Promise<Case[]> {
  if (centreIds.length === 0) return [];
  const heads = await caseHeads(db.selectFrom('cases'))
    .where('cases.centreId', 'in', centreIds)
    .where((eb) =>
      eb('cases.id', 'in', eb.selectFrom('caseMembers').select('caseMembers.caseId').where('caseMembers.personId', '=', personId)),
    )
    .orderBy('cases.openedOn', 'desc')
    .orderBy('cases.id', 'desc')
    .execute();
  return wholeCases(db, heads, reader);
}

export interface CaseFilter {
  centreIds: readonly number[];
  status?: string;
  responsibleId?: number;
  personId?: number;
  householdId?: number;
}

function filteredCases(db: Db, filter: CaseFilter) {
  const query = whereEqual(db.selectFrom('cases').where('cases.centreId', 'in', filter.centreIds), {
    'cases.status': filter.status,
    'cases.responsibleId': filter.responsibleId,
    'cases.householdId': filter.householdId,
  });
  return whereLinked(query, 'caseMembers', 'cases.id', filter.personId);
}

export async function listCases(db: Db, filter: CaseFilter, page: number, pageSize: number): Promise<ItemsPage<CaseListItem>> {
  const ordered = caseHeads(filteredCases(db, filter)).orderBy('cases.openedOn', 'desc').orderBy('cases.id', 'desc');
  return readCentresPage(filter.centreIds, ordered, filteredCases(db, filter), page, pageSize, async (heads) => {
    const members = await membersOf(
      db,
      heads.map((h) => h.id),
    );
    return heads.map((head) => ({ ...headOf(head), members: members.get(head.id) ?? [] }));
  });
}
