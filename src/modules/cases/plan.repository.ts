/** A case's plan in SQL: goals with their actions, and the overdue actions of open cases. No HTTP, no audit. */
import type { Kysely, Selectable } from 'kysely';
import type { CaseAction, CaseGoal, OverdueAction } from '../../contracts/cases.js';
import type { ActionStatus, GoalStatus } from '../../contracts/enums.js';
import { groupBy, personOf, userOf } from '../../db/joined.js';
import { type ItemsPage, readCentresPage } from '../../db/paging.js';
import { countRows } from '../../db/queries.js';
import type { CaseGoalsTable, Database } from '../../db/schema.js';
import { insertVersioned, type NewVersioned } from '../../db/versioned.js';
import { OPEN_ACTION_STATUSES } from '../../domain/care.js';

type Db = Kysely<Database>;

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
    assignee: userOf(row.assigneeId, row.assigneeDisplayName),
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

function toGoal(row: Selectable<CaseGoalsTable>, actions: CaseAction[]): CaseGoal {
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

/** The plan of each case: its goals in order, each with its actions. */
export async function plansOf(db: Db, caseIds: number[]): Promise<Map<number, CaseGoal[]>> {
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

export async function findGoal(db: Db, id: number): Promise<CaseGoal | undefined> {
  const row = await db.selectFrom('caseGoals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const actions = await actionsQuery(db).where('caseActions.goalId', '=', id).orderBy('caseActions.id').execute();
  return toGoal(row, actions.map(toAction));
}

/** A new goal goes last in its case's plan. */
export async function insertGoal(db: Db, goal: Omit<NewVersioned<'caseGoals'>, 'sortOrder'>, stamp: string): Promise<number> {
  const last = await db
    .selectFrom('caseGoals')
    .select((eb) => eb.fn.max('sortOrder').as('n'))
    .where('caseId', '=', goal.caseId)
    .executeTakeFirst();
  return insertVersioned(db, 'caseGoals', { ...goal, sortOrder: Number(last?.n ?? 0) + 1 }, stamp);
}

export function insertAction(db: Db, action: NewVersioned<'caseActions'>, stamp: string): Promise<number> {
  return insertVersioned(db, 'caseActions', action, stamp);
}

export interface OverdueFilter {
  centreIds: readonly number[];
  today: string;
  /** Only the actions of the cases this user is responsible for, or assigned to them. */
  forUserId?: number;
}

/** The open actions of open cases past their due date (the home's, the list's and the reminders'): no columns yet. */
export function overdueActions(db: Db, filter: OverdueFilter) {
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

/** How many open actions of open cases are past their due date (the list's total, for the home page). */
export async function countOverdueActions(db: Db, filter: OverdueFilter): Promise<number> {
  if (filter.centreIds.length === 0) return 0;
  return countRows(overdueActions(db, filter));
}

/** Open actions of open cases whose due date has passed, the most overdue first. */
export async function listOverdueActions(db: Db, filter: OverdueFilter, page: number, pageSize: number): Promise<ItemsPage<OverdueAction>> {
  const ordered = overdueActions(db, filter)
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
    .orderBy('caseActions.id');
  return readCentresPage(filter.centreIds, ordered, overdueActions(db, filter), page, pageSize, (rows) =>
    rows.map((row) => ({
      ...toAction(row),
      goalTitle: row.goalTitle,
      person: personOf(row),
      household: row.householdId !== null && row.householdName !== null ? { id: row.householdId, name: row.householdName } : null,
      responsible: userOf(row.responsibleId, row.responsibleName),
    })),
  );
}
