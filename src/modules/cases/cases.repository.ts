/**
 * Cases in SQL: a case with its periods and members, its plan (goals with actions), its diary
 * and its referrals; the counts of people in care; the overdue actions. No HTTP, no audit.
 */
import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type {
  Case,
  CaseAction,
  CaseGoal,
  CaseListItem,
  CaseMember,
  CaseNote,
  CasePeriod,
  OverdueAction,
  Referral,
} from '../../contracts/cases.js';
import type {
  ActionStatus,
  CaseArea,
  CaseClosingReason,
  CaseStatus,
  Gender,
  GoalStatus,
  NoteRestriction,
  ReferralDirection,
  ReferralService,
  ReferralSource,
  ReferralStatus,
} from '../../contracts/enums.js';
import type { CasesTable, Database } from '../../db/schema.js';
import { type CareMembership, canReadNote, firstDayOf, lastDayOf, OPEN_ACTION_STATUSES } from '../../domain/care.js';

type Db = Kysely<Database>;
export type CaseRow = Selectable<CasesTable>;

/** Who reads a case: restricted notes depend on it. */
export interface Reader {
  userId: number;
  role: string;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** A case, if it belongs to one of the given centres. */
export async function findCaseRow(db: Db, id: number, centreIds: readonly number[]): Promise<CaseRow | undefined> {
  if (centreIds.length === 0) return undefined;
  return db.selectFrom('cases').selectAll().where('id', '=', id).where('centreId', 'in', centreIds).executeTakeFirst();
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
export async function findVisitRef(db: Db, id: number, centreIds: readonly number[]) {
  if (centreIds.length === 0) return undefined;
  return db
    .selectFrom('visits')
    .select(['id', 'centreId', 'personId', 'referralSource'])
    .where('id', '=', id)
    .where('centreId', 'in', centreIds)
    .executeTakeFirst();
}

/** The people rows a case snapshot is taken from. */
export async function peopleForSnapshot(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'centreId', 'gender', 'citizenship', 'birthDate', 'residenceKind', 'residenceComune'])
    .where('id', 'in', personIds)
    .execute();
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

// ---------------------------------------------------------------------------------------------
// Reading cases: heads, then their parts in one query per part (no query per case)
// ---------------------------------------------------------------------------------------------

function caseHeads(db: Db) {
  return db
    .selectFrom('cases')
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
    person:
      row.personId !== null && row.givenNames !== null
        ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
        : null,
    household: row.householdId !== null && row.householdName !== null ? { id: row.householdId, name: row.householdName } : null,
    responsible: row.responsibleId !== null ? { id: row.responsibleId, displayName: row.responsibleName ?? '' } : null,
    areas: JSON.parse(row.areas) as CaseArea[],
    referralSource: row.referralSource as ReferralSource,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    version: row.version,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

async function membersOf(db: Db, caseIds: number[]): Promise<Map<number, CaseMember[]>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('caseMembers')
    .leftJoin('people', 'people.id', 'caseMembers.personId')
    .select([
      'caseMembers.id',
      'caseMembers.caseId',
      'caseMembers.personId',
      'caseMembers.relation',
      'caseMembers.gender',
      'people.givenNames',
      'people.familyNames',
    ])
    .where('caseMembers.caseId', 'in', caseIds)
    .orderBy('caseMembers.id')
    .execute();
  const members = rows.map((row) => ({
    caseId: row.caseId,
    member: {
      id: row.id,
      person:
        row.personId !== null && row.givenNames !== null
          ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
          : null,
      relation: row.relation,
      gender: row.gender as Gender,
    },
  }));
  return new Map([...groupBy(members, (m) => m.caseId)].map(([caseId, list]) => [caseId, list.map((m) => m.member)]));
}

function toAction(row: {
  id: number;
  goalId: number;
  caseId: number;
  description: string;
  assigneeId: number | null;
  assigneeDisplayName: string | null;
  assigneeName: string | null;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
  version: number;
}): CaseAction {
  return {
    id: row.id,
    goalId: row.goalId,
    caseId: row.caseId,
    description: row.description,
    assignee: row.assigneeId !== null ? { id: row.assigneeId, displayName: row.assigneeDisplayName ?? '' } : null,
    assigneeName: row.assigneeName,
    dueOn: row.dueOn,
    status: row.status as ActionStatus,
    doneOn: row.doneOn,
    version: row.version,
  };
}

const ACTION_COLUMNS = [
  'caseActions.id',
  'caseActions.goalId',
  'caseActions.caseId',
  'caseActions.description',
  'caseActions.assigneeId',
  'assignee.displayName as assigneeDisplayName',
  'caseActions.assigneeName',
  'caseActions.dueOn',
  'caseActions.status',
  'caseActions.doneOn',
  'caseActions.version',
] as const;

function actionsQuery(db: Db) {
  return db.selectFrom('caseActions').leftJoin('users as assignee', 'assignee.id', 'caseActions.assigneeId').select(ACTION_COLUMNS);
}

export async function findAction(db: Db, id: number): Promise<CaseAction | undefined> {
  const row = await actionsQuery(db).where('caseActions.id', '=', id).executeTakeFirst();
  return row ? toAction(row) : undefined;
}

function toGoal(row: Selectable<Database['caseGoals']>, actions: CaseAction[]): CaseGoal {
  return {
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    description: row.description,
    status: row.status as GoalStatus,
    sortOrder: row.sortOrder,
    actions,
    version: row.version,
  };
}

async function plansOf(db: Db, caseIds: number[]): Promise<Map<number, CaseGoal[]>> {
  if (caseIds.length === 0) return new Map();
  const [goals, actions] = await Promise.all([
    db.selectFrom('caseGoals').selectAll().where('caseId', 'in', caseIds).orderBy('sortOrder').orderBy('id').execute(),
    actionsQuery(db).where('caseActions.caseId', 'in', caseIds).orderBy('caseActions.id').execute(),
  ]);
  const actionsByGoal = groupBy(actions.map(toAction), (a) => a.goalId);
  return groupBy(
    goals.map((goal) => toGoal(goal, actionsByGoal.get(goal.id) ?? [])),
    (g) => g.caseId,
  );
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

export async function findGoal(db: Db, id: number): Promise<CaseGoal | undefined> {
  const row = await db.selectFrom('caseGoals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const actions = await actionsQuery(db).where('caseActions.goalId', '=', id).orderBy('caseActions.id').execute();
  return toGoal(row, actions.map(toAction));
}

type NoteRow = Selectable<Database['caseNotes']> & { authorName: string | null };

function toNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    caseId: row.caseId,
    noteDate: row.noteDate,
    author: row.authorId !== null ? { id: row.authorId, displayName: row.authorName ?? '' } : null,
    body: row.body,
    restriction: row.restriction as NoteRestriction | null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function notesQuery(db: Db) {
  return db
    .selectFrom('caseNotes')
    .leftJoin('users as author', 'author.id', 'caseNotes.authorId')
    .selectAll('caseNotes')
    .select('author.displayName as authorName');
}

export async function findNote(db: Db, id: number): Promise<CaseNote | undefined> {
  const row = await notesQuery(db).where('caseNotes.id', '=', id).executeTakeFirst();
  return row ? toNote(row) : undefined;
}

/** The diary of each case, newest first, split into what the reader may read and a count of the rest. */
async function diariesOf(db: Db, cases: ReadonlyMap<number, number | null>, reader: Reader) {
  const diaries = new Map<number, { notes: CaseNote[]; hidden: number }>();
  if (cases.size === 0) return diaries;
  const rows = await notesQuery(db)
    .where('caseNotes.caseId', 'in', [...cases.keys()])
    .orderBy('caseNotes.noteDate', 'desc')
    .orderBy('caseNotes.id', 'desc')
    .execute();
  for (const row of rows) {
    const diary = diaries.get(row.caseId) ?? { notes: [], hidden: 0 };
    diaries.set(row.caseId, diary);
    if (canReadNote(reader, row, cases.get(row.caseId) ?? null)) diary.notes.push(toNote(row));
    else diary.hidden += 1;
  }
  return diaries;
}

function toReferral(row: Selectable<Database['referrals']>): Referral {
  return {
    id: row.id,
    caseId: row.caseId,
    direction: row.direction as ReferralDirection,
    service: row.service as ReferralService,
    serviceDetail: row.serviceDetail,
    referredOn: row.referredOn,
    reason: row.reason,
    status: row.status as ReferralStatus,
    notes: row.notes,
    version: row.version,
  };
}

export async function findReferral(db: Db, id: number): Promise<Referral | undefined> {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReferral(row) : undefined;
}

async function referralsOf(db: Db, caseIds: number[]): Promise<Map<number, Referral[]>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('referrals')
    .selectAll()
    .where('caseId', 'in', caseIds)
    .orderBy('referredOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return groupBy(rows.map(toReferral), (r) => r.caseId);
}

async function periodsOf(db: Db, caseIds: number[]): Promise<Map<number, Array<CasePeriod & { caseId: number }>>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('casePeriods')
    .select(['id', 'caseId', 'openedOn', 'closedOn', 'closingReason', 'closingNotes'])
    .where('caseId', 'in', caseIds)
    .orderBy('openedOn')
    .orderBy('id')
    .execute();
  return groupBy(
    rows.map((row) => ({ ...row, closingReason: row.closingReason as CaseClosingReason | null })),
    (p) => p.caseId,
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
  const head = await caseHeads(db).where('cases.id', '=', id).where('cases.centreId', 'in', centreIds).executeTakeFirst();
  if (!head) return undefined;
  return (await wholeCases(db, [head], reader))[0];
}

/** Every case naming the person (in the centres), newest first, whole. */
export async function loadCasesOfPerson(db: Db, personId: number, centreIds: readonly number[], reader: Reader): Promise<Case[]> {
  if (centreIds.length === 0) return [];
  const heads = await caseHeads(db)
    .where('cases.centreId', 'in', centreIds)
    .where((eb) =>
      eb('cases.id', 'in', eb.selectFrom('caseMembers').select('caseMembers.caseId').where('caseMembers.personId', '=', personId)),
    )
    .orderBy('cases.openedOn', 'desc')
    .orderBy('cases.id', 'desc')
    .execute();
  return wholeCases(db, heads, reader);
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

export interface CaseFilter {
  centreIds: readonly number[];
  status?: string;
  responsibleId?: number;
  personId?: number;
  householdId?: number;
}

function filteredCases(db: Db, filter: CaseFilter) {
  let query = db.selectFrom('cases').where('cases.centreId', 'in', filter.centreIds);
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.responsibleId) query = query.where('cases.responsibleId', '=', filter.responsibleId);
  if (filter.householdId) query = query.where('cases.householdId', '=', filter.householdId);
  if (filter.personId) {
    const personId = filter.personId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('caseMembers')
          .select('caseMembers.id')
          .whereRef('caseMembers.caseId', '=', 'cases.id')
          .where('caseMembers.personId', '=', personId),
      ),
    );
  }
  return query;
}

export async function listCases(
  db: Db,
  filter: CaseFilter,
  page: number,
  pageSize: number,
): Promise<{ items: CaseListItem[]; total: number }> {
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [heads, count] = await Promise.all([
    filteredCases(db, filter)
      .leftJoin('people', 'people.id', 'cases.personId')
      .leftJoin('households', 'households.id', 'cases.householdId')
      .leftJoin('users as responsible', 'responsible.id', 'cases.responsibleId')
      .selectAll('cases')
      .select(['people.givenNames', 'people.familyNames', 'households.name as householdName', 'responsible.displayName as responsibleName'])
      .orderBy('cases.openedOn', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filteredCases(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const members = await membersOf(
    db,
    heads.map((h) => h.id),
  );
  return { items: heads.map((head) => ({ ...headOf(head), members: members.get(head.id) ?? [] })), total: Number(count.n) };
}

export interface OverdueFilter {
  centreIds: readonly number[];
  today: string;
  /** Only the actions of the cases this user is responsible for, or assigned to them. */
  forUserId?: number;
}

function overdueQuery(db: Db, filter: OverdueFilter) {
  let query = db
    .selectFrom('caseActions')
    .innerJoin('cases', 'cases.id', 'caseActions.caseId')
    .where('cases.centreId', 'in', filter.centreIds)
    .where('cases.status', '=', 'open')
    .where('caseActions.status', 'in', OPEN_ACTION_STATUSES)
    .where('caseActions.dueOn', '<', filter.today);
  if (filter.forUserId !== undefined) {
    const userId = filter.forUserId;
    query = query.where((eb) => eb.or([eb('cases.responsibleId', '=', userId), eb('caseActions.assigneeId', '=', userId)]));
  }
  return query;
}

/** Open actions of open cases whose due date has passed, the most overdue first. */
export async function listOverdueActions(
  db: Db,
  filter: OverdueFilter,
  page: number,
  pageSize: number,
): Promise<{ items: OverdueAction[]; total: number }> {
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    overdueQuery(db, filter)
      .innerJoin('caseGoals', 'caseGoals.id', 'caseActions.goalId')
      .leftJoin('users as assignee', 'assignee.id', 'caseActions.assigneeId')
      .leftJoin('users as responsible', 'responsible.id', 'cases.responsibleId')
      .leftJoin('people', 'people.id', 'cases.personId')
      .leftJoin('households', 'households.id', 'cases.householdId')
      .select(ACTION_COLUMNS)
      .select([
        'caseGoals.title as goalTitle',
        'cases.personId',
        'people.givenNames',
        'people.familyNames',
        'cases.householdId',
        'households.name as householdName',
        'cases.responsibleId',
        'responsible.displayName as responsibleName',
      ])
      .orderBy('caseActions.dueOn')
      .orderBy('caseActions.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    overdueQuery(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((row) => ({
    ...toAction(row),
    goalTitle: row.goalTitle,
    person:
      row.personId !== null && row.givenNames !== null
        ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
        : null,
    household: row.householdId !== null && row.householdName !== null ? { id: row.householdId, name: row.householdName } : null,
    responsible: row.responsibleId !== null ? { id: row.responsibleId, displayName: row.responsibleName ?? '' } : null,
  }));
  return { items, total: Number(count.n) };
}

// ---------------------------------------------------------------------------------------------
// Counting people in care (the same rule as domain/care.ts, computed by the database)
// ---------------------------------------------------------------------------------------------

/**
 * Who a member is, for counting: the person; once the file is erased, the key the erasure gave
 * all their member rows (negated, so it never meets a person id); failing that, the row itself.
 */
export const personKey = sql<number>`coalesce(${sql.ref('caseMembers.personId')}, -coalesce(${sql.ref('caseMembers.anonymousKey')}, ${sql.ref('caseMembers.id')}))`;

/** Each member row of the centres' cases with each period of its case: careSummary and the report count from it. */
export function memberPeriods(db: Db, centreIds: readonly number[]) {
  return db
    .selectFrom('caseMembers')
    .innerJoin('cases', 'cases.id', 'caseMembers.caseId')
    .innerJoin('casePeriods', 'casePeriods.caseId', 'cases.id')
    .where('cases.centreId', 'in', centreIds);
}

/**
 * Utenti presi in carico in the year (distinct people named by a case open at some moment of
 * it) and of them the new ones (first case opened in the year), for the given centres.
 */
export async function careSummary(db: Db, centreIds: readonly number[], year: number): Promise<{ inCare: number; new: number }> {
  if (centreIds.length === 0) return { inCare: 0, new: 0 };
  const first = firstDayOf(year);
  const last = lastDayOf(year);
  const openInYear: Expression<SqlBool> = sql<SqlBool>`${sql.ref('casePeriods.openedOn')} <= ${last} and (${sql.ref('casePeriods.closedOn')} is null or ${sql.ref('casePeriods.closedOn')} >= ${first})`;
  // One row per person: whether any period of theirs touches the year, and their first opening.
  // Periods opened after the year change neither, so they are left out.
  const perPerson = memberPeriods(db, centreIds)
    .where('casePeriods.openedOn', '<=', last)
    .select([
      personKey.as('personKey'),
      sql<number>`max(case when ${openInYear} then 1 else 0 end)`.as('inCare'),
      sql<string>`min(${sql.ref('casePeriods.openedOn')})`.as('firstOpenedOn'),
    ])
    .groupBy(personKey);
  const row = await db
    .selectFrom(perPerson.as('p'))
    .select([
      sql<number>`coalesce(sum(${sql.ref('p.inCare')}), 0)`.as('inCare'),
      sql<number>`coalesce(sum(case when ${sql.ref('p.inCare')} = 1 and ${sql.ref('p.firstOpenedOn')} >= ${first} then 1 else 0 end), 0)`.as(
        'newPeople',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { inCare: Number(row.inCare), new: Number(row.newPeople) };
}

/** The same data as plain memberships, for the domain functions (tests, checks). */
export async function careMemberships(db: Db, centreIds: readonly number[]): Promise<CareMembership<number>[]> {
  if (centreIds.length === 0) return [];
  const rows = await memberPeriods(db, centreIds)
    .select([personKey.as('personKey'), 'caseMembers.id as memberId', 'casePeriods.openedOn', 'casePeriods.closedOn'])
    .execute();
  const byMember = new Map<number, CareMembership<number> & { periods: Array<{ openedOn: string; closedOn: string | null }> }>();
  for (const row of rows) {
    const membership = byMember.get(row.memberId) ?? { personKey: Number(row.personKey), periods: [] };
    membership.periods.push({ openedOn: row.openedOn, closedOn: row.closedOn });
    byMember.set(row.memberId, membership);
  }
  return [...byMember.values()];
}

// ---------------------------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------------------------

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
