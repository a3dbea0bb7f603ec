/**
 * What the use cases of a case and of its parts (plan, diary, referrals) share: finding them in
 * the actor's centres (another centre's answers 404), the checks on staff and dates, and the
 * audit row of each read and change.
 */
import type { Kysely } from 'kysely';
import type { Case } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, saveChanges } from '../../db/versioned.js';
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

/** A part of a case as its use cases handle it: its table, its audit entity, its name in a 404, and its reads and writes. */
export interface CasePart<Item, Values> {
  table: PartTable;
  entity: Part;
  name: string;
  find: (db: Db, id: number) => Promise<Item | undefined>;
  insert: (db: Db, values: Values, stamp: string) => Promise<number>;
}

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
export async function owningCase(db: Db, actor: Actor, part: CasePart<unknown, never>, id: number) {
  return orNotFound(findOwningCase(db, part.table, id, actor.centreIds), part.name);
}

/** The part as it is now (404 if gone): what its creation and its changes answer. */
function readPart<Item>(db: Db, part: CasePart<Item, never>, id: number): Promise<Item> {
  return orNotFound(part.find(db, id), part.name);
}

/** The part and the case it belongs to, in the actor's centres: what a change starts from. */
export async function partInScope<Item>(db: Db, actor: Actor, part: CasePart<Item, never>, id: number) {
  const owner = await owningCase(db, actor, part, id);
  return { owner, existing: await readPart(db, part, id) };
}

/** A new part of the case `owner`, and what its audit row adds to the case's id. */
interface NewPart<Values> {
  owner: CaseRow;
  values: Values;
  details?: Record<string, unknown>;
}

/** A part as a change or a deletion finds it: its case, its id and the version the caller read. */
interface PartAt {
  owner: CaseRow;
  id: number;
  version: number;
}

/** A change of a part: the fields sent, and the part as read before (the audit row names the fields whose value changed). */
interface PartChange extends PartAt {
  changes: Record<string, unknown>;
  before: object;
}

/** Adds a part to the case and audits it; answers the part. */
export async function addPart<Item, Values>(db: Db, actor: Actor, part: CasePart<Item, Values>, added: NewPart<Values>, now: Date) {
  const { owner } = added;
  const id = await part.insert(db, added.values, now.toISOString());
  await audit(db, actor, 'create', part.entity, id, owner.centreId, { caseId: owner.id, ...added.details }, now);
  return readPart(db, part, id);
}

/** Saves a part's changes at the version read and audits the fields that changed; answers the part as it is now. */
export async function savePart<Item>(db: Db, actor: Actor, part: CasePart<Item, never>, change: PartChange, now: Date) {
  const { owner, id } = change;
  const fields = await saveChanges(db, part.table, id, change.version, change.changes, change.before, part.name, now);
  await audit(db, actor, 'update', part.entity, id, owner.centreId, { caseId: owner.id, fields }, now);
  return readPart(db, part, id);
}

/** Deletes a part at the version read and audits it (with the case's id and any `details`). */
export async function deletePart(db: Db, actor: Actor, part: CasePart<unknown, never>, at: PartAt, details?: Record<string, unknown>) {
  await deleteVersioned(db, part.table, at.id, at.version, part.name);
  await audit(db, actor, 'delete', part.entity, at.id, at.owner.centreId, { caseId: at.owner.id, ...details });
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
