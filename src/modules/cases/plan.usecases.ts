/** A case's plan: goals and their actions (who does what by when), and the overdue actions. */
import type { ActionCreateInput, ActionUpdateInput, GoalCreateInput, GoalUpdateInput } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, saveChanges } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { audit, caseInScope, checkNotBeforeOpening, checkStaff, type Db, owningCase } from './case-access.js';
import { memberPersonIds } from './cases.repository.js';
import { findAction, findGoal, insertAction, insertGoal, listOverdueActions } from './plan.repository.js';

export async function addGoal(db: Db, actor: Actor, caseId: number, input: GoalCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    const goal = { caseId, title: input.title, description: input.description || null, status: input.status };
    const id = await insertGoal(trx, goal, now.toISOString());
    await audit(trx, actor, 'create', 'case_goal', id, owner.centreId, { caseId }, now);
    return orNotFound(findGoal(trx, id), 'goal');
  });
}

export async function updateGoal(db: Db, actor: Actor, id: number, input: GoalUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseGoals', id, 'goal');
    const existing = await orNotFound(findGoal(trx, id), 'goal');
    const changes: Record<string, unknown> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.status !== undefined) changes.status = input.status;
    const fields = await saveChanges(trx, 'caseGoals', id, input.version, changes, existing, 'goal', now);
    await audit(trx, actor, 'update', 'case_goal', id, owner.centreId, { caseId: owner.id, fields }, now);
    return orNotFound(findGoal(trx, id), 'goal');
  });
}

/** Deletes a goal and its actions (at the goal's version read). */
export async function deleteGoal(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseGoals', id, 'goal');
    const existing = await orNotFound(findGoal(trx, id), 'goal');
    // Its actions go with it (foreign key).
    await deleteVersioned(trx, 'caseGoals', id, version, 'goal');
    await audit(trx, actor, 'delete', 'case_goal', id, owner.centreId, { caseId: owner.id, actions: existing.actions.length });
  });
}

/** done_on goes with the done status: today unless given, and cleared when the action is no longer done. */
function doneOnFor(status: string, given: string | null | undefined, previous: string | null, today: string): string | null {
  if (status !== 'done') return null;
  return given ?? previous ?? today;
}

export async function addAction(db: Db, actor: Actor, goalId: number, input: ActionCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseGoals', goalId, 'goal');
    if (input.assigneeId) await checkStaff(trx, actor, input.assigneeId, owner.centreId, 'assigneeId');
    const doneOn = doneOnFor(input.status, input.doneOn, null, todayInRome(now));
    checkNotBeforeOpening(owner, doneOn, 'doneOn');
    const id = await insertAction(
      trx,
      {
        goalId,
        caseId: owner.id,
        description: input.description,
        assigneeId: input.assigneeId ?? null,
        assigneeName: input.assigneeName || null,
        dueOn: input.dueOn ?? null,
        status: input.status,
        doneOn,
      },
      now.toISOString(),
    );
    await audit(trx, actor, 'create', 'case_action', id, owner.centreId, { caseId: owner.id, goalId }, now);
    return orNotFound(findAction(trx, id), 'action');
  });
}

export async function updateAction(db: Db, actor: Actor, id: number, input: ActionUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseActions', id, 'action');
    const existing = await orNotFound(findAction(trx, id), 'action');
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
    const fields = await saveChanges(trx, 'caseActions', id, input.version, changes, before, 'action', now);
    await audit(trx, actor, 'update', 'case_action', id, owner.centreId, { caseId: owner.id, fields }, now);
    return orNotFound(findAction(trx, id), 'action');
  });
}

export async function deleteAction(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseActions', id, 'action');
    await deleteVersioned(trx, 'caseActions', id, version, 'action');
    await audit(trx, actor, 'delete', 'case_action', id, owner.centreId, { caseId: owner.id });
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
