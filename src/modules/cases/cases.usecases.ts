/**
 * Cases: the rules around the SQL (who may do what, dates, one open case per person,
 * optimistic concurrency) and the audit of every read and change, in one transaction each.
 */
import type { Kysely } from 'kysely';
import type {
  ActionCreateInput,
  ActionUpdateInput,
  Case,
  CaseCloseInput,
  CaseCreateInput,
  CaseListQuery,
  CaseReopenInput,
  CaseUpdateInput,
  GoalCreateInput,
  GoalUpdateInput,
  NoteCreateInput,
  NoteUpdateInput,
  ReferralCreateInput,
  ReferralUpdateInput,
} from '../../contracts/cases.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import {
  beforeOpeningProblem,
  canChangeResponsible,
  closingDateProblem,
  openingBeforeJoiningProblem,
  reopeningDateProblem,
} from '../../domain/care.js';
import { todayInRome } from '../../domain/dates.js';
import { can } from '../../domain/permissions.js';
import { AppError, forbidden, notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { listColleagues } from '../accounts/accounts.usecases.js';
import { recordAudit, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { currentHouseholdMembers, findHouseholdRow } from '../households/households.repository.js';
import { findPersonRow } from '../people/people.repository.js';
import {
  type CaseRow,
  careSummary,
  findAction,
  findCaseRow,
  findGoal,
  findNote,
  findOpenCaseOf,
  findOwningCase,
  findReferral,
  findVisitRef,
  listCases,
  listOverdueActions,
  loadCase,
  loadCasesOfPerson,
  lockPeople,
  memberPersonIds,
  peopleForSnapshot,
} from './cases.repository.js';

type Db = Kysely<Database>;

/** The parts of a case, as the audit log names them. */
type Part = 'case_goal' | 'case_action' | 'case_note' | 'referral';

const responsibleChangeForbidden = () =>
  new AppError(
    'case.responsible_change_forbidden',
    403,
    'Only the coordinator, or the responsible operator handing the case over, changes who is responsible',
  );

const alreadyOpen = (caseId: number, personId: number | null) =>
  new AppError('case.already_open', 409, `This person already has an open case (${caseId}): add to that one, or close it first`, {
    caseId,
    personId,
  });

async function audit(
  db: Db,
  actor: Actor,
  action: 'create' | 'read' | 'update' | 'delete',
  entity: 'case' | Part,
  entityId: number,
  centreId: number,
  details?: Record<string, unknown>,
  now = new Date(),
) {
  await recordAudit(db, { userId: actor.userId, centreId, action, entity, entityId, details }, now);
}

/** The fields whose value an update changes, against the row read: for the audit log (names, never values). */
function changedFields(changes: Record<string, unknown>, before: object): string[] {
  const previous = before as Record<string, unknown>;
  return Object.keys(changes).filter((key) => changes[key] !== previous[key]);
}

/** Writes the changes at the version read (409 with the current one, 404 if gone); returns the changed fields. */
async function saveChanges(
  db: Db,
  table: 'cases' | 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals',
  id: number,
  expected: number,
  changes: Record<string, unknown>,
  before: object,
  entity: string,
  now: Date,
): Promise<string[]> {
  await updateVersioned(db, table, id, expected, { ...changes, updatedAt: now.toISOString() }, entity);
  return changedFields(changes, before);
}

async function caseInScope(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  const row = await findCaseRow(db, id, actor.centreIds);
  if (!row) throw notFound('case');
  return row;
}

async function owningCase(db: Db, actor: Actor, part: 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals', id: number, what: string) {
  const row = await findOwningCase(db, part, id, actor.centreIds);
  if (!row) throw notFound(what);
  return row;
}

/** A user who may be responsible for, or assigned to, the work of a case of this centre. */
async function checkStaff(db: Db, actor: Actor, userId: number, centreId: number, field: string) {
  const staff = await listColleagues(db, actor, { centreIds: [centreId], assignable: true });
  if (!staff.some((user) => user.id === userId)) {
    throw validationFailed([{ field, code: 'case.not_staff' }]);
  }
}

/** Nothing of a case (a note, a done action, an outgoing referral) is dated before its first opening. */
function checkNotBeforeOpening(owner: CaseRow, date: string | null | undefined, field: string) {
  const problem = date ? beforeOpeningProblem(date, owner.openedOn) : null;
  if (problem) throw validationFailed([{ field, ...problem }]);
}

async function wholeCase(db: Db, actor: Actor, id: number): Promise<Case> {
  const found = await loadCase(db, id, actor.centreIds, actor);
  if (!found) throw notFound('case');
  return found;
}

// ---------------------------------------------------------------------------------------------
// The case
// ---------------------------------------------------------------------------------------------

interface Named {
  personId: number;
  relation: string | null;
}

export async function createCase(db: Db, actor: Actor, input: CaseCreateInput, now = new Date()): Promise<Case> {
  const today = todayInRome(now);
  const openedOn = input.openedOn ?? today;
  if (openedOn > today) throw validationFailed([{ field: 'openedOn', code: 'case.opened_in_future' }]);

  return inTransaction(db, async (trx) => {
    const visit = input.visitId ? await findVisitRef(trx, input.visitId, actor.centreIds) : undefined;
    if (input.visitId && !visit) throw notFound('visit');
    let personId = input.personId;
    if (!personId && !input.householdId) {
      if (!visit?.personId) throw validationFailed([{ field: 'visitId', code: 'case.visit_anonymous' }]);
      personId = visit.personId;
    }

    let centreId: number;
    let named: Named[];
    if (personId) {
      const person = await findPersonRow(trx, personId, actor.centreIds);
      if (!person) throw notFound('person');
      centreId = person.centreId;
      named = [{ personId: person.id, relation: null }];
    } else {
      const householdId = input.householdId as number;
      const household = await findHouseholdRow(trx, householdId, actor.centreIds);
      if (!household) throw notFound('household');
      centreId = household.centreId;
      const current = await currentHouseholdMembers(trx, householdId);
      const wanted = input.memberIds ? new Set(input.memberIds) : new Set(current.map((m) => m.personId));
      const strangers = [...wanted].filter((id) => !current.some((m) => m.personId === id));
      if (strangers.length > 0) {
        throw validationFailed([{ field: 'memberIds', code: 'case.not_household_members', params: { ids: strangers.join(', ') } }]);
      }
      const chosen = current.filter((m) => wanted.has(m.personId));
      if (chosen.length === 0) throw validationFailed([{ field: 'householdId', code: 'case.household_empty' }]);
      const problem = openingBeforeJoiningProblem(openedOn, chosen);
      if (problem) throw validationFailed([{ field: 'openedOn', ...problem }]);
      named = chosen.map((m) => ({ personId: m.personId, relation: m.relation }));
    }
    if (visit && visit.centreId !== centreId) {
      throw validationFailed([{ field: 'visitId', code: 'case.visit_other_centre' }]);
    }
    // The case takes the visit's referral source: the visit must be of someone the case names (or anonymous).
    if (visit?.personId && !named.some((n) => n.personId === visit.personId)) {
      throw validationFailed([{ field: 'visitId', code: 'case.visit_other_person' }]);
    }

    const responsibleId = input.responsibleId ?? actor.userId;
    await checkStaff(trx, actor, responsibleId, centreId, 'responsibleId');

    const personIds = named.map((n) => n.personId);
    await lockPeople(trx, personIds);
    const open = await findOpenCaseOf(trx, personIds);
    if (open) throw alreadyOpen(open.caseId, open.personId);

    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('cases')
      .values({
        centreId,
        personId: input.householdId ? null : (personId ?? null),
        householdId: input.householdId ?? null,
        responsibleId,
        referralSource: input.referralSource ?? visit?.referralSource ?? 'spontaneous',
        areas: JSON.stringify(input.areas),
        summary: input.summary || null,
        visitId: visit?.id ?? null,
        status: 'open',
        openedOn,
        closedOn: null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('casePeriods').values({ caseId: id, openedOn, closedOn: null, createdAt: stamp }).execute();
    const people = new Map((await peopleForSnapshot(trx, personIds)).map((p) => [p.id, p]));
    await trx
      .insertInto('caseMembers')
      .values(
        named.map((n) => {
          const p = people.get(n.personId);
          if (!p) throw notFound('person');
          return {
            caseId: id,
            personId: p.id,
            relation: n.relation,
            gender: p.gender,
            citizenship: p.citizenship,
            birthDate: p.birthDate,
            residenceKind: p.residenceKind,
            residenceComune: p.residenceComune,
            snapshotOn: openedOn,
          };
        }),
      )
      .execute();
    await audit(trx, actor, 'create', 'case', id, centreId, { members: named.length, fromVisit: Boolean(visit) }, now);
    return wholeCase(trx, actor, id);
  });
}

/** Opens a case: the read is logged, and as a read of the file of each person it names. */
export async function getCase(db: Db, actor: Actor, id: number): Promise<Case> {
  const found = await wholeCase(db, actor, id);
  await audit(db, actor, 'read', 'case', id, found.centreId);
  for (const member of found.members) {
    if (member.person)
      await recordPersonRead(db, actor.userId, { id: member.person.id, centreId: found.centreId }, 'cases', { caseId: id });
  }
  return found;
}

export async function listCasesFor(db: Db, actor: Actor, query: CaseListQuery) {
  const { page, pageSize, centreId, mine, responsibleId, ...filters } = query;
  const centreIds = centreScope(actor, centreId);
  const filter = { ...filters, centreIds, responsibleId: mine === 'true' ? actor.userId : responsibleId };
  if (filters.personId) {
    // The cases of one person are part of their file: reading them is logged like opening it.
    const person = await findPersonRow(db, filters.personId, centreIds);
    if (!person) return { items: [], total: 0, page, pageSize };
    await recordPersonRead(db, actor.userId, person, 'cases');
  }
  const result = await listCases(db, filter, page, pageSize);
  // The names the list showed; the person asked for is logged above (their household's members are not).
  await recordListing(
    db,
    actor.userId,
    'case',
    result.items.flatMap((c) => c.members.map((m) => m.person?.id)).filter((id) => id !== filters.personId),
  );
  return { ...result, page, pageSize };
}

export async function updateCase(db: Db, actor: Actor, id: number, input: CaseUpdateInput, now = new Date()): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const existing = await caseInScope(trx, actor, id);
    const changes: Record<string, unknown> = {};
    let handOver: { from: number | null; to: number } | undefined;
    if (input.responsibleId !== undefined && input.responsibleId !== existing.responsibleId) {
      if (!canChangeResponsible(actor, existing.responsibleId)) throw responsibleChangeForbidden();
      await checkStaff(trx, actor, input.responsibleId, existing.centreId, 'responsibleId');
      changes.responsibleId = input.responsibleId;
      handOver = { from: existing.responsibleId, to: input.responsibleId };
    }
    if (input.areas) changes.areas = JSON.stringify(input.areas);
    if (input.referralSource) changes.referralSource = input.referralSource;
    if (input.summary !== undefined) changes.summary = input.summary || null;
    const fields = await saveChanges(trx, 'cases', id, input.version, changes, existing, 'case', now);
    // Who handed the case to whom is audited by id: it decides who reads the restricted notes.
    await audit(trx, actor, 'update', 'case', id, existing.centreId, { fields, ...(handOver && { responsible: handOver }) }, now);
    return wholeCase(trx, actor, id);
  });
}

/** Closes the open period; the members' snapshot is taken again, as of the closing date. */
export async function closeCase(db: Db, actor: Actor, id: number, input: CaseCloseInput, now = new Date()): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const existing = await caseInScope(trx, actor, id);
    if (existing.version !== input.version) throw staleVersion(existing.version);
    if (existing.status !== 'open') throw new AppError('case.not_open', 409, 'This case is closed already');
    const period = await trx
      .selectFrom('casePeriods')
      .select(['id', 'openedOn'])
      .where('caseId', '=', id)
      .where('closedOn', 'is', null)
      .executeTakeFirstOrThrow();
    const problem = closingDateProblem(period.openedOn, input.closedOn, todayInRome(now));
    if (problem) throw validationFailed([{ field: 'closedOn', ...problem }]);

    await updateVersioned(
      trx,
      'cases',
      id,
      input.version,
      { status: 'closed', closedOn: input.closedOn, updatedAt: now.toISOString() },
      'case',
    );
    await trx
      .updateTable('casePeriods')
      .set({ closedOn: input.closedOn, closingReason: input.reason, closingNotes: input.notes || null })
      .where('id', '=', period.id)
      .execute();
    const members = await trx.selectFrom('caseMembers').select(['id', 'personId']).where('caseId', '=', id).execute();
    const people = new Map(
      (
        await peopleForSnapshot(
          trx,
          members.map((m) => m.personId).filter((p): p is number => p !== null),
        )
      ).map((p) => [p.id, p]),
    );
    for (const member of members) {
      const p = member.personId !== null ? people.get(member.personId) : undefined;
      if (!p) continue; // erased: the last snapshot stays
      await trx
        .updateTable('caseMembers')
        .set({
          gender: p.gender,
          citizenship: p.citizenship,
          birthDate: p.birthDate,
          residenceKind: p.residenceKind,
          residenceComune: p.residenceComune,
          snapshotOn: input.closedOn,
        })
        .where('id', '=', member.id)
        .execute();
    }
    // The reason and notes say something about the person: the log names the fields only.
    const fields = ['status', 'closedOn', 'closingReason', ...(input.notes ? ['closingNotes'] : [])];
    await audit(trx, actor, 'update', 'case', id, existing.centreId, { fields }, now);
    return wholeCase(trx, actor, id);
  });
}

/** Starts a new period of a closed case, the history kept. */
export async function reopenCase(db: Db, actor: Actor, id: number, input: CaseReopenInput, now = new Date()): Promise<Case> {
  const today = todayInRome(now);
  return inTransaction(db, async (trx) => {
    const existing = await caseInScope(trx, actor, id);
    if (existing.version !== input.version) throw staleVersion(existing.version);
    if (existing.status !== 'closed' || existing.closedOn === null) throw new AppError('case.not_closed', 409, 'This case is open already');
    const openedOn = input.openedOn ?? today;
    const problem = reopeningDateProblem(existing.closedOn, openedOn, today);
    if (problem) throw validationFailed([{ field: 'openedOn', ...problem }]);

    const members = await trx.selectFrom('caseMembers').select('personId').where('caseId', '=', id).execute();
    const personIds = members.map((m) => m.personId).filter((p): p is number => p !== null);
    await lockPeople(trx, personIds);
    const open = await findOpenCaseOf(trx, personIds, id);
    if (open) throw alreadyOpen(open.caseId, open.personId);

    await updateVersioned(trx, 'cases', id, input.version, { status: 'open', closedOn: null, updatedAt: now.toISOString() }, 'case');
    await trx.insertInto('casePeriods').values({ caseId: id, openedOn, closedOn: null, createdAt: now.toISOString() }).execute();
    await audit(trx, actor, 'update', 'case', id, existing.centreId, { fields: ['status', 'period'] }, now);
    return wholeCase(trx, actor, id);
  });
}

/**
 * The cases naming a person (in the actor's centres), whole: periods, plan, referrals and the
 * diary the actor may read (restricted notes left out and counted). For the person's file:
 * a fixed number of queries whatever the number of cases and notes. The caller logs the read.
 */
export async function casesForPerson(db: Db, actor: Actor, personId: number): Promise<Case[]> {
  if (!can(actor.role, 'personal.read')) throw forbidden();
  return loadCasesOfPerson(db, personId, actor.centreIds, actor);
}

/** Utenti presi in carico and nuovi of a year: counts only (viewers too). */
export async function careSummaryFor(db: Db, actor: Actor, query: { year: number; centreId?: number }) {
  const counts = await careSummary(db, centreScope(actor, query.centreId), query.year);
  return { year: query.year, ...counts };
}

/** Who may be responsible for a case, or do its actions: the active operators of the centre(s). */
export async function listStaff(db: Db, actor: Actor, centreId?: number) {
  return listColleagues(db, actor, { centreIds: centreScope(actor, centreId), assignable: true });
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/** Reads a part of a case again after a change: deleted meanwhile (by another transaction) answers 404. */
async function orNotFound<T>(read: Promise<T | undefined>, what: string): Promise<T> {
  const row = await read;
  if (row === undefined) throw notFound(what);
  return row;
}

export async function addGoal(db: Db, actor: Actor, caseId: number, input: GoalCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    const last = await trx
      .selectFrom('caseGoals')
      .select((eb) => eb.fn.max('sortOrder').as('n'))
      .where('caseId', '=', caseId)
      .executeTakeFirst();
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('caseGoals')
      .values({
        caseId,
        title: input.title,
        description: input.description || null,
        status: input.status,
        sortOrder: Number(last?.n ?? 0) + 1,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('caseActions')
      .values({
        goalId,
        caseId: owner.id,
        description: input.description,
        assigneeId: input.assigneeId ?? null,
        assigneeName: input.assigneeName || null,
        dueOn: input.dueOn ?? null,
        status: input.status,
        doneOn,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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

// ---------------------------------------------------------------------------------------------
// The diary
// ---------------------------------------------------------------------------------------------

export async function addNote(db: Db, actor: Actor, caseId: number, input: NoteCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    checkNotBeforeOpening(owner, input.noteDate, 'noteDate');
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('caseNotes')
      .values({
        caseId,
        noteDate: input.noteDate ?? todayInRome(now),
        authorId: actor.userId,
        body: input.body,
        restriction: input.restriction ?? null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Not the restriction: that a note is about health or the law is itself a personal fact.
    await audit(trx, actor, 'create', 'case_note', id, owner.centreId, { caseId }, now);
    return orNotFound(findNote(trx, id), 'note');
  });
}

/** A note is changed or deleted by its author or the coordinator only. */
async function editableNote(db: Db, actor: Actor, id: number) {
  const owner = await owningCase(db, actor, 'caseNotes', id, 'note');
  const note = await orNotFound(findNote(db, id), 'note');
  if (actor.role !== 'coordinator' && note.author?.id !== actor.userId) throw forbidden();
  return { owner, note };
}

export async function updateNote(db: Db, actor: Actor, id: number, input: NoteUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, note } = await editableNote(trx, actor, id);
    checkNotBeforeOpening(owner, input.noteDate, 'noteDate');
    const changes: Record<string, unknown> = {};
    if (input.noteDate !== undefined) changes.noteDate = input.noteDate;
    if (input.body !== undefined) changes.body = input.body;
    if (input.restriction !== undefined) changes.restriction = input.restriction;
    const fields = await saveChanges(trx, 'caseNotes', id, input.version, changes, note, 'note', now);
    await audit(trx, actor, 'update', 'case_note', id, owner.centreId, { caseId: owner.id, fields }, now);
    return orNotFound(findNote(trx, id), 'note');
  });
}

export async function deleteNote(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { owner } = await editableNote(trx, actor, id);
    await deleteVersioned(trx, 'caseNotes', id, version, 'note');
    await audit(trx, actor, 'delete', 'case_note', id, owner.centreId, { caseId: owner.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------

/**
 * An outgoing referral is made during the case, not before it opened. An incoming one may
 * come first: another service sending the person is often why the case was opened.
 */
function checkReferralDate(owner: CaseRow, referral: { direction: string; referredOn: string }) {
  if (referral.direction === 'outgoing') checkNotBeforeOpening(owner, referral.referredOn, 'referredOn');
}

export async function addReferral(db: Db, actor: Actor, caseId: number, input: ReferralCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    checkReferralDate(owner, input);
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('referrals')
      .values({
        caseId,
        direction: input.direction,
        service: input.service,
        serviceDetail: input.serviceDetail || null,
        referredOn: input.referredOn,
        reason: input.reason,
        status: input.status,
        notes: input.notes || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'create', 'referral', id, owner.centreId, { caseId }, now);
    return orNotFound(findReferral(trx, id), 'referral');
  });
}

export async function updateReferral(db: Db, actor: Actor, id: number, input: ReferralUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    const existing = await orNotFound(findReferral(trx, id), 'referral');
    const { version, ...fields } = input;
    // Checked when the date or the direction changes (a status update does not re-judge an old date).
    if (fields.referredOn !== undefined || fields.direction !== undefined) {
      checkReferralDate(owner, { direction: fields.direction ?? existing.direction, referredOn: fields.referredOn ?? existing.referredOn });
    }
    const changes: Record<string, unknown> = { ...fields };
    if (fields.serviceDetail !== undefined) changes.serviceDetail = fields.serviceDetail || null;
    if (fields.notes !== undefined) changes.notes = fields.notes || null;
    const changed = await saveChanges(trx, 'referrals', id, version, changes, existing, 'referral', now);
    await audit(trx, actor, 'update', 'referral', id, owner.centreId, { caseId: owner.id, fields: changed }, now);
    return orNotFound(findReferral(trx, id), 'referral');
  });
}

export async function deleteReferral(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    await deleteVersioned(trx, 'referrals', id, version, 'referral');
    await audit(trx, actor, 'delete', 'referral', id, owner.centreId, { caseId: owner.id });
  });
}
