/**
 * Cases: the rules around the SQL (who may do what, dates, one open case per person,
 * optimistic concurrency) and the audit of every read and change, in one transaction each.
 */
import { type Kysely, sql } from 'kysely';
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
import { closingDateProblem, reopeningDateProblem } from '../../domain/care.js';
import { todayInRome } from '../../domain/dates.js';
import { can } from '../../domain/permissions.js';
import { AppError, forbidden, notFound, staleVersion, validationFailed } from '../../server/errors.js';
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
  findVisitRef,
  isStaffOf,
  listCases,
  listOverdueActions,
  loadCase,
  loadCasesOfPerson,
  lockPeople,
  peopleForSnapshot,
  staffOf,
  toReferral,
} from './cases.repository.js';

type Db = Kysely<Database>;

/** The parts of a case, as the audit log names them. */
type Part = 'case_goal' | 'case_action' | 'case_note' | 'referral';

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

/** The fields of an update that were sent, for the audit log (names, never values). */
const sentFields = (input: object) => Object.keys(input).filter((key) => key !== 'version');

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
async function checkStaff(db: Db, userId: number, centreId: number, path: string) {
  if (!(await isStaffOf(db, userId, centreId))) {
    throw validationFailed([{ path, message: "Not an active operator of the case's centre" }]);
  }
}

async function wholeCase(db: Db, actor: Actor, id: number): Promise<Case> {
  const found = await loadCase(db, id, actor.centreIds, actor);
  if (!found) throw notFound('case');
  return found;
}

/** Updates a row of a case only at the version read; 409 with the current version otherwise. */
async function bumpIfVersion(
  db: Db,
  table: 'cases' | 'caseGoals' | 'caseActions' | 'caseNotes' | 'referrals',
  id: number,
  expected: number,
  current: number,
  changes: Record<string, unknown>,
  now: Date,
) {
  if (current !== expected) throw staleVersion(current);
  const updated = await db
    .updateTable(table)
    .set({ ...changes, updatedAt: now.toISOString(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expected)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw staleVersion(current + 1);
}

/** Deletes only at the version read, when one is named. */
function checkDeleteVersion(current: number, expected: number | undefined) {
  if (expected !== undefined && expected !== current) throw staleVersion(current);
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
  if (openedOn > today) throw validationFailed([{ path: 'body.openedOn', message: 'A case cannot be opened on a future date' }]);

  return inTransaction(db, async (trx) => {
    const visit = input.visitId ? await findVisitRef(trx, input.visitId, actor.centreIds) : undefined;
    if (input.visitId && !visit) throw notFound('visit');
    let personId = input.personId;
    if (!personId && !input.householdId) {
      if (!visit?.personId)
        throw validationFailed([{ path: 'body.visitId', message: 'This visit is anonymous: name the person (personId)' }]);
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
        throw validationFailed([{ path: 'body.memberIds', message: `Not current members of the household: ${strangers.join(', ')}` }]);
      }
      named = current.filter((m) => wanted.has(m.personId)).map((m) => ({ personId: m.personId, relation: m.relation }));
      if (named.length === 0) throw validationFailed([{ path: 'body.householdId', message: 'This household has no current members' }]);
    }
    if (visit && visit.centreId !== centreId) {
      throw validationFailed([{ path: 'body.visitId', message: "The visit was recorded in another centre than the case's" }]);
    }

    const responsibleId = input.responsibleId ?? actor.userId;
    await checkStaff(trx, responsibleId, centreId, 'body.responsibleId');

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

/** Opens a case: the read is logged. */
export async function getCase(db: Db, actor: Actor, id: number): Promise<Case> {
  const found = await wholeCase(db, actor, id);
  await audit(db, actor, 'read', 'case', id, found.centreId);
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
  if (!filters.personId) {
    await recordListing(
      db,
      actor.userId,
      'case',
      result.items.flatMap((c) => c.members.map((m) => m.person?.id)),
    );
  }
  return { ...result, page, pageSize };
}

export async function updateCase(db: Db, actor: Actor, id: number, input: CaseUpdateInput, now = new Date()): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const existing = await caseInScope(trx, actor, id);
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const changes: Record<string, unknown> = {};
    if (input.responsibleId !== undefined) {
      await checkStaff(trx, input.responsibleId, existing.centreId, 'body.responsibleId');
      changes.responsibleId = input.responsibleId;
    }
    if (input.areas) changes.areas = JSON.stringify(input.areas);
    if (input.referralSource) changes.referralSource = input.referralSource;
    if (input.summary !== undefined) changes.summary = input.summary || null;
    await bumpIfVersion(trx, 'cases', id, input.version, existing.version, changes, now);
    await audit(trx, actor, 'update', 'case', id, existing.centreId, { fields: sentFields(input) }, now);
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
    if (problem) throw validationFailed([{ path: 'body.closedOn', message: problem }]);

    await bumpIfVersion(trx, 'cases', id, input.version, existing.version, { status: 'closed', closedOn: input.closedOn }, now);
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
    await audit(trx, actor, 'update', 'case', id, existing.centreId, { fields: ['status', 'closedOn'], reason: input.reason }, now);
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
    if (problem) throw validationFailed([{ path: 'body.openedOn', message: problem }]);

    const members = await trx.selectFrom('caseMembers').select('personId').where('caseId', '=', id).execute();
    const personIds = members.map((m) => m.personId).filter((p): p is number => p !== null);
    await lockPeople(trx, personIds);
    const open = await findOpenCaseOf(trx, personIds, id);
    if (open) throw alreadyOpen(open.caseId, open.personId);

    await bumpIfVersion(trx, 'cases', id, input.version, existing.version, { status: 'open', closedOn: null }, now);
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
  return staffOf(db, centreScope(actor, centreId));
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

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
    return (await findGoal(trx, id)) as NonNullable<Awaited<ReturnType<typeof findGoal>>>;
  });
}

export async function updateGoal(db: Db, actor: Actor, id: number, input: GoalUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseGoals', id, 'goal');
    const existing = (await findGoal(trx, id)) as NonNullable<Awaited<ReturnType<typeof findGoal>>>;
    const changes: Record<string, unknown> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.status !== undefined) changes.status = input.status;
    await bumpIfVersion(trx, 'caseGoals', id, input.version, existing.version, changes, now);
    await audit(trx, actor, 'update', 'case_goal', id, owner.centreId, { caseId: owner.id, fields: sentFields(input) }, now);
    return (await findGoal(trx, id)) as NonNullable<Awaited<ReturnType<typeof findGoal>>>;
  });
}

/** Deletes a goal and its actions. */
export async function deleteGoal(db: Db, actor: Actor, id: number, version?: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseGoals', id, 'goal');
    const existing = (await findGoal(trx, id)) as NonNullable<Awaited<ReturnType<typeof findGoal>>>;
    checkDeleteVersion(existing.version, version);
    await trx.deleteFrom('caseActions').where('goalId', '=', id).execute();
    await trx.deleteFrom('caseGoals').where('id', '=', id).execute();
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
    if (input.assigneeId) await checkStaff(trx, input.assigneeId, owner.centreId, 'body.assigneeId');
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
        doneOn: doneOnFor(input.status, input.doneOn, null, todayInRome(now)),
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'create', 'case_action', id, owner.centreId, { caseId: owner.id, goalId }, now);
    return (await findAction(trx, id)) as NonNullable<Awaited<ReturnType<typeof findAction>>>;
  });
}

export async function updateAction(db: Db, actor: Actor, id: number, input: ActionUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseActions', id, 'action');
    const existing = (await findAction(trx, id)) as NonNullable<Awaited<ReturnType<typeof findAction>>>;
    const changes: Record<string, unknown> = {};
    if (input.description !== undefined) changes.description = input.description;
    if (input.assigneeId) await checkStaff(trx, input.assigneeId, owner.centreId, 'body.assigneeId');
    // One assignee: naming one clears the other.
    if (input.assigneeId !== undefined) changes.assigneeId = input.assigneeId;
    if (input.assigneeName !== undefined) changes.assigneeName = input.assigneeName || null;
    if (input.assigneeId) changes.assigneeName = null;
    else if (input.assigneeName) changes.assigneeId = null;
    if (input.dueOn !== undefined) changes.dueOn = input.dueOn;
    const status = input.status ?? existing.status;
    if (input.status !== undefined) changes.status = input.status;
    changes.doneOn = doneOnFor(status, input.doneOn, existing.doneOn, todayInRome(now));
    await bumpIfVersion(trx, 'caseActions', id, input.version, existing.version, changes, now);
    await audit(trx, actor, 'update', 'case_action', id, owner.centreId, { caseId: owner.id, fields: sentFields(input) }, now);
    return (await findAction(trx, id)) as NonNullable<Awaited<ReturnType<typeof findAction>>>;
  });
}

export async function deleteAction(db: Db, actor: Actor, id: number, version?: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'caseActions', id, 'action');
    const existing = (await findAction(trx, id)) as NonNullable<Awaited<ReturnType<typeof findAction>>>;
    checkDeleteVersion(existing.version, version);
    await trx.deleteFrom('caseActions').where('id', '=', id).execute();
    await audit(trx, actor, 'delete', 'case_action', id, owner.centreId, { caseId: owner.id });
  });
}

/**
 * Overdue actions: an operator sees those of the cases they are responsible for or assigned
 * to; a coordinator (or an administrator) all of their centres'.
 */
export async function listOverdueFor(db: Db, actor: Actor, query: { centreId?: number; page: number; pageSize: number }, now = new Date()) {
  const filter = {
    centreIds: centreScope(actor, query.centreId),
    today: todayInRome(now),
    forUserId: actor.role === 'operator' ? actor.userId : undefined,
  };
  const { items, total, personIds } = await listOverdueActions(db, filter, query.page, query.pageSize);
  if (personIds.length > 0) {
    await recordAudit(db, {
      userId: actor.userId,
      centreId: null,
      action: 'list',
      entity: 'case_action',
      details: { personIds: [...new Set(personIds)] },
    });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// ---------------------------------------------------------------------------------------------
// The diary
// ---------------------------------------------------------------------------------------------

export async function addNote(db: Db, actor: Actor, caseId: number, input: NoteCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
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
    await audit(trx, actor, 'create', 'case_note', id, owner.centreId, { caseId, restriction: input.restriction ?? null }, now);
    return (await findNote(trx, id)) as NonNullable<Awaited<ReturnType<typeof findNote>>>;
  });
}

/** A note is changed or deleted by its author or the coordinator only. */
async function editableNote(db: Db, actor: Actor, id: number) {
  const owner = await owningCase(db, actor, 'caseNotes', id, 'note');
  const note = (await findNote(db, id)) as NonNullable<Awaited<ReturnType<typeof findNote>>>;
  if (actor.role !== 'coordinator' && note.author?.id !== actor.userId) throw forbidden();
  return { owner, note };
}

export async function updateNote(db: Db, actor: Actor, id: number, input: NoteUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, note } = await editableNote(trx, actor, id);
    const changes: Record<string, unknown> = {};
    if (input.noteDate !== undefined) changes.noteDate = input.noteDate;
    if (input.body !== undefined) changes.body = input.body;
    if (input.restriction !== undefined) changes.restriction = input.restriction;
    await bumpIfVersion(trx, 'caseNotes', id, input.version, note.version, changes, now);
    await audit(trx, actor, 'update', 'case_note', id, owner.centreId, { caseId: owner.id, fields: sentFields(input) }, now);
    return (await findNote(trx, id)) as NonNullable<Awaited<ReturnType<typeof findNote>>>;
  });
}

export async function deleteNote(db: Db, actor: Actor, id: number, version?: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { owner, note } = await editableNote(trx, actor, id);
    checkDeleteVersion(note.version, version);
    await trx.deleteFrom('caseNotes').where('id', '=', id).execute();
    await audit(trx, actor, 'delete', 'case_note', id, owner.centreId, { caseId: owner.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------

async function findReferral(db: Db, id: number) {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toReferral(row);
}

export async function addReferral(db: Db, actor: Actor, caseId: number, input: ReferralCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
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
    return findReferral(trx, id);
  });
}

export async function updateReferral(db: Db, actor: Actor, id: number, input: ReferralUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    const existing = await findReferral(trx, id);
    const { version, ...fields } = input;
    const changes: Record<string, unknown> = { ...fields };
    if (fields.serviceDetail !== undefined) changes.serviceDetail = fields.serviceDetail || null;
    if (fields.notes !== undefined) changes.notes = fields.notes || null;
    await bumpIfVersion(trx, 'referrals', id, version, existing.version, changes, now);
    await audit(trx, actor, 'update', 'referral', id, owner.centreId, { caseId: owner.id, fields: sentFields(input) }, now);
    return findReferral(trx, id);
  });
}

export async function deleteReferral(db: Db, actor: Actor, id: number, version?: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const owner = await owningCase(trx, actor, 'referrals', id, 'referral');
    const existing = await findReferral(trx, id);
    checkDeleteVersion(existing.version, version);
    await trx.deleteFrom('referrals').where('id', '=', id).execute();
    await audit(trx, actor, 'delete', 'referral', id, owner.centreId, { caseId: owner.id });
  });
}
