/**
 * The case itself: opening, reading, listing, changing, closing and reopening it, with the
 * rules around the SQL (who may do what, dates, one open case per person, optimistic
 * concurrency) and the audit of every read and change, in one transaction each.
 */
import type { Case, CaseCloseInput, CaseCreateInput, CaseListQuery, CaseReopenInput, CaseUpdateInput } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import { inTransaction } from '../../db/transaction.js';
import { saveChanges, updateVersioned } from '../../db/versioned.js';
import { canChangeResponsible, closingDateProblem, openingBeforeJoiningProblem, reopeningDateProblem } from '../../domain/care.js';
import { todayInRome } from '../../domain/dates.js';
import { can } from '../../domain/permissions.js';
import { forbidden, notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { listColleagues } from '../accounts/accounts.usecases.js';
import { recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { currentHouseholdMembers, findHouseholdRow } from '../households/households.repository.js';
import { findPersonRow } from '../people/people.repository.js';
import { careSummary } from './care.repository.js';
import { audit, caseInScope, checkStaff, type Db, wholeCase } from './case-access.js';
import { caseAlreadyOpen, caseNotClosed, caseNotOpen, responsibleChangeForbidden } from './cases.errors.js';
import {
  closePeriod,
  findOpenCaseOf,
  findOpenPeriod,
  findVisitRef,
  insertCase,
  insertMembers,
  lockPeople,
  memberPersonIds,
  openPeriod,
  retakeSnapshots,
  snapshotsOf,
} from './cases.repository.js';
import { type CaseFilter, listCases, loadCasesOfPerson } from './whole-case.repository.js';

interface Named {
  personId: number;
  relation: string | null;
}

/**
 * Who a new case names, and its centre: the person, or the chosen current members of the
 * household (all of them by default), who must have joined it by the opening date.
 */
async function namedByNewCase(db: Db, actor: Actor, input: CaseCreateInput, personId: number | undefined, openedOn: string) {
  if (personId) {
    const person = await orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
    return { centreId: person.centreId, named: [{ personId: person.id, relation: null }] as Named[] };
  }
  const householdId = input.householdId as number;
  const household = await orNotFound(findHouseholdRow(db, householdId, actor.centreIds), 'household');
  const current = await currentHouseholdMembers(db, householdId);
  const wanted = input.memberIds ? new Set(input.memberIds) : new Set(current.map((m) => m.personId));
  const strangers = [...wanted].filter((id) => !current.some((m) => m.personId === id));
  if (strangers.length > 0) {
    throw validationFailed([{ field: 'memberIds', code: 'case.not_household_members', params: { ids: strangers.join(', ') } }]);
  }
  const chosen = current.filter((m) => wanted.has(m.personId));
  if (chosen.length === 0) throw validationFailed([{ field: 'householdId', code: 'case.household_empty' }]);
  const problem = openingBeforeJoiningProblem(openedOn, chosen);
  if (problem) throw validationFailed([{ field: 'openedOn', ...problem }]);
  return { centreId: household.centreId, named: chosen.map((m): Named => ({ personId: m.personId, relation: m.relation })) };
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
    const { centreId, named } = await namedByNewCase(trx, actor, input, personId, openedOn);
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
    if (open) throw caseAlreadyOpen(open);

    const stamp = now.toISOString();
    const id = await insertCase(
      trx,
      {
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
      },
      stamp,
    );
    await openPeriod(trx, id, openedOn, stamp);
    const snapshots = await snapshotsOf(trx, personIds);
    await insertMembers(
      trx,
      named.map((n) => {
        const snapshot = snapshots.get(n.personId);
        if (!snapshot) throw notFound('person');
        return { caseId: id, personId: n.personId, relation: n.relation, ...snapshot, snapshotOn: openedOn };
      }),
    );
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

/** The cases' filter of a list's query (and of its export): the centres allowed, "mine" as the caller's id. */
export function caseFilterFor(actor: Actor, query: Omit<CaseListQuery, 'page' | 'pageSize'>): CaseFilter & { centreIds: number[] } {
  const { centreId, mine, responsibleId, ...filters } = query;
  return { ...filters, centreIds: centreScope(actor, centreId), responsibleId: mine === 'true' ? actor.userId : responsibleId };
}

export async function listCasesFor(db: Db, actor: Actor, query: CaseListQuery) {
  const { page, pageSize, ...filters } = query;
  const filter = caseFilterFor(actor, filters);
  const { centreIds } = filter;
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
    if (existing.status !== 'open') throw caseNotOpen();
    const period = await findOpenPeriod(trx, id);
    const problem = closingDateProblem(period.openedOn, input.closedOn, todayInRome(now));
    if (problem) throw validationFailed([{ field: 'closedOn', ...problem }]);

    const closed = { status: 'closed', closedOn: input.closedOn, updatedAt: now.toISOString() };
    await updateVersioned(trx, 'cases', id, input.version, closed, 'case');
    await closePeriod(trx, period.id, { closedOn: input.closedOn, closingReason: input.reason, closingNotes: input.notes || null });
    await retakeSnapshots(trx, id, input.closedOn);
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
    if (existing.status !== 'closed' || existing.closedOn === null) throw caseNotClosed();
    const openedOn = input.openedOn ?? today;
    const problem = reopeningDateProblem(existing.closedOn, openedOn, today);
    if (problem) throw validationFailed([{ field: 'openedOn', ...problem }]);

    const personIds = await memberPersonIds(trx, [id]);
    await lockPeople(trx, personIds);
    const open = await findOpenCaseOf(trx, personIds, id);
    if (open) throw caseAlreadyOpen(open);

    await updateVersioned(trx, 'cases', id, input.version, { status: 'open', closedOn: null, updatedAt: now.toISOString() }, 'case');
    await openPeriod(trx, id, openedOn, now.toISOString());
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
