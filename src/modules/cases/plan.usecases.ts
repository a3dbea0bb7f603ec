/** A case's plan: goals and their actions (who does what by when), and the overdue actions. */
import type { ActionCreateInput, ActionUpdateInput, GoalCreateInput, GoalUpdateInput } from '../../contracts/cases.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import {
  addPart,
  caseInScope,
  checkNotBeforeOpening,
  checkStaff,
  type Db,
  deletePart,
  owningCase,
  partInScope,
  savePart,
} from './case-access.js';
import { memberPersonIds } from './cases.repository.js';
import { findAction, findGoal, insertAction, insertGoal, listOverdueActions } from './plan.repository.js';

/** Goals and actions as case-access adds, saves and deletes them. */
const GOAL = { table: 'caseGoals', entity: 'case_goal', name: 'goal', find: findGoal, insert: insertGoal } as const;
const ACTION = { table: 'caseActions', entity: 'case_action', name: 'action', find: findAction, insert: insertAction } as const;

export async function addGoal(db: Db, actor: Actor, caseId: number, input: GoalCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    const goal = { caseId, title: input.title, description: input.description || null, status: input.status };
    return addPart(trx, actor, GOAL, { owner, values: goal }, now);
  });
}

export async function updateGoal(db: Db, actor: Actor, id: number, input: GoalUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, existing } = await partInScope(trx, actor, GOAL, id);
    const changes: Record<string, unknown> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.status !== undefined) changes.status = input.status;
    return savePart(trx, actor, GOAL, { owner, id, version: input.version, changes, before: existing }, now);
  });
}

/** Deletes a goal and its actions (at the goal's version read). */
export async function deleteGoal(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { owner, existing } = await partInScope(trx, actor, GOAL, id);
    // Its actions go with it (foreign key).
    await deletePart(trx, actor, GOAL, { owner, id, version }, { actions: existing.actions.length });
  });
}

/** done_on goes with the done status: today unless given, and cleared when the action is no longer done. */
function doneOnFor(status: string, given: string | null | undefined, previous: string | null, today: string): string | null {
  if (status !== 'done') return null;
  return given ?? previous ?? today;
}

export async function addAction(db: Db, actor: Actor, goalId: number, input: ActionCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, GOAL, goalId);
    if (input.assigneeId) await checkStaff(trx, actor, input.assigneeId, owner.centreId, 'assigneeId');
    const doneOn = doneOnFor(input.status, input.doneOn, null, todayInRome(now));
    checkNotBeforeOpening(owner, doneOn, 'doneOn');
    const action = {
      goalId,
      caseId: owner.id,
      description: input.description,
      assigneeId: input.assigneeId ?? null,
      assigneeName: input.assigneeName || null,
      dueOn: input.dueOn ?? null,
      status: input.status,
      doneOn,
    };
    return addPart(trx, actor, ACTION, { owner, values: action, details: { goalId } }, now);
  });
}

export async function updateAction(db: Db, actor: Actor, id: number, input: ActionUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, existing } = await partInScope(trx, actor, ACTION, id);
    const changes: Record<string, unknown> = {};
    if (input.description !== undefined) changes.description = input.description;
    if (input.assigneeId) await checkStaff(trx, actor, input.assigneeId, owner.centreId, 'assigneeId');
    // One assignee: naming one clears the other.
    if (input.assigneeId !== undefined) changes.assigneeId = input.assigneeId;
    if (input.assigneeName !== undefined) changes.assigneeName = input.assigneeName || null;
    if (input.assigneeId) changes.assigneeName = null;
    else if (input.assigneeName) changes.assigneeId = null;
    if (input.dueOn !== undefined) changes.dueOn = input.dueOn;
    const status = input.status ?? existing.status;
    if (input.status !== undefined) changes.status = input.status;
    changes.doneOn = doneOnFor(status, input.doneOn, existing.doneOn, todayInRome(now));
    if (input.doneOn) checkNotBeforeOpening(owner, input.doneOn, 'doneOn');
    const before = { ...existing, assigneeId: existing.assignee?.id ?? null };
    return savePart(trx, actor, ACTION, { owner, id, version: input.version, changes, before }, now);
  });
}

export async function deleteAction(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, ACTION, id);
    await deletePart(trx, actor, ACTION, { owner, id, version });
  });
}

/**
 * Overdue actions: an operator sees those of the cases they are responsible for or assigned
 * to; a coordinator (or an administrator) all of their centres'. The list is logged with every
 * person its cases name (a household's members too).
 */
export async function listOverdueFor(db: Db, actor: Actor, query: { centreId?: number; page: number; pageSize: number }, now = new Date()) {
  const filter = {
    centreIds: centreScope(actor, query.centreId),
    today: todayInRome(now),
    forUserId: actor.role === 'operator' ? actor.userId : undefined,
  };
  const { items, total } = await listOverdueActions(db, filter, query.page, query.pageSize);
  const personIds = await memberPersonIds(db, [...new Set(items.map((item) => item.caseId))]);
  await recordListing(db, actor.userId, 'case_action', personIds);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
