/**
 * What the use cases of a case and of its parts (plan, diary, referrals) share: finding them in
 * the actor's centres (another centre's answers 404), the checks on staff and dates, and the
 * audit row of each read and change.
 */
import type { Kysely } from 'kysely';
import type { Case } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { beforeOpeningProblem } from '../../domain/care.js';
import { validationFailed } from '../../errors/index.js';
import { listColleagues } from '../accounts/accounts.usecases.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type CaseRow, findCaseRow, findOwningCase } from './cases.repository.js';
import { loadCase } from './whole-case.repository.js';

export type Db = Kysely<Database>;

/** The parts of a case, as the audit log names them. */
type Part = 'case_goal' | 'case_action' | 'case_note' | 'referral';

/** The tables of a case's parts, each row with its caseId. */
type PartTable = 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals';

export async function audit(
  db: Db,
  actor: Actor,
  action: 'create' | 'read' | 'update' | 'delete',
  entity: 'case' | Part,
  entityId: number,
  centreId: number,
  details?: Record<string, unknown>,
  now = new Date(),
) {
  await recordChange(db, actor, action, entity, { id: entityId, centreId }, { details, at: now });
}

export async function caseInScope(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  return orNotFound(findCaseRow(db, id, actor.centreIds), 'case');
}

/** The case a goal, action, note or referral belongs to, in the actor's centres. */
export async function owningCase(db: Db, actor: Actor, part: PartTable, id: number, what: string) {
  return orNotFound(findOwningCase(db, part, id, actor.centreIds), what);
}

/** The case whole, as the actor may read it (restricted notes left out and counted). */
export async function wholeCase(db: Db, actor: Actor, id: number): Promise<Case> {
  return orNotFound(loadCase(db, id, actor.centreIds, actor), 'case');
}

/** A user who may be responsible for, or assigned to, the work of a case of this centre. */
export async function checkStaff(db: Db, actor: Actor, userId: number, centreId: number, field: string) {
  const staff = await listColleagues(db, actor, { centreIds: [centreId], assignable: true });
  if (!staff.some((user) => user.id === userId)) {
    throw validationFailed([{ field, code: 'case.not_staff' }]);
  }
}

/** Nothing of a case (a note, a done action, an outgoing referral) is dated before its first opening. */
export function checkNotBeforeOpening(owner: CaseRow, date: string | null | undefined, field: string) {
  const problem = date ? beforeOpeningProblem(date, owner.openedOn) : null;
  if (problem) throw validationFailed([{ field, ...problem }]);
}
