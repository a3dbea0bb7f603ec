import type { Kysely } from 'kysely';
import type { HouseholdRelation } from '../../contracts/enums.js';
import type {
  Household,
  HouseholdCreateInput,
  HouseholdListQuery,
  HouseholdUpdateInput,
  MemberAddInput,
  PersonHousehold,
} from '../../contracts/households.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { earliestJoinDate, householdNameKey, joiningProblem, leavingProblem } from '../../domain/households.js';
import { AppError, type FieldProblem, notFound, validationFailed } from '../../errors/index.js';
import { recordAudit, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import {
  bumpHouseholdVersion,
  currentHouseholdMembers,
  endMembership,
  findHouseholdRow,
  findMembership,
  type HouseholdRow,
  insertHousehold,
  insertMemberships,
  listHouseholds,
  lockHousehold,
  membershipsOfPeople,
  membershipsWithPeople,
  personMembershipsWithHousehold,
  setMembershipRelation,
  splitMemberships,
} from './households.repository.js';

type Db = Kysely<Database>;

interface Joining {
  personId: number;
  relation: HouseholdRelation;
  joinedOn?: string;
}

const referencePersonTaken = () =>
  new AppError('household.reference_person_taken', 409, 'The household has a reference person already: change their relation first');

/** The household as its page shows it: the row, the current members and the past memberships. */
async function loadHousehold(db: Db, row: HouseholdRow): Promise<Household> {
  const memberships = await membershipsWithPeople(db, [row.id]);
  return { ...row, ...splitMemberships(memberships) };
}

/**
 * People join a household: each must be a person of the household's centre (404 otherwise) and
 * belong to no other household now, unless `move` (then that membership ends on the joining day).
 * Dates: not in the future, not before the person's previous membership ends.
 */
async function joinHousehold(
  trx: Db,
  actor: Actor,
  household: HouseholdRow,
  joining: readonly Joining[],
  { move = false, memberField }: { move?: boolean; memberField: (index: number) => string },
) {
  if (joining.length === 0) return;
  const today = todayInRome();
  const personIds = joining.map((j) => j.personId);
  const people = await trx
    .selectFrom('people')
    .select('id')
    .where('id', 'in', personIds)
    .where('centreId', '=', household.centreId)
    .execute();
  if (people.length !== new Set(personIds).size) throw notFound('person');

  const memberships = await membershipsOfPeople(trx, personIds);
  if (joining.some((j) => j.relation === 'reference_person')) {
    const current = await currentHouseholdMembers(trx, household.id);
    if (current.some((m) => m.relation === 'reference_person')) throw referencePersonTaken();
  }

  const errors: FieldProblem[] = [];
  const moves: Array<{ membershipId: number; householdId: number; personId: number; leftOn: string }> = [];
  const rows = joining.map((j, index) => {
    const own = memberships.filter((m) => m.personId === j.personId);
    const current = own.find((m) => m.leftOn === null);
    if (current?.householdId === household.id) {
      throw new AppError('household.already_member', 409, 'This person belongs to this household already', { personId: j.personId });
    }
    if (current && !move) {
      throw new AppError('household.member_elsewhere', 409, 'This person belongs to another household: confirm the move', {
        personId: j.personId,
        householdId: current.householdId,
        householdName: current.householdName,
      });
    }
    const joinedOn = j.joinedOn ?? today;
    const problem = joiningProblem(joinedOn, today, earliestJoinDate(own));
    if (problem) errors.push({ field: memberField(index), ...problem });
    if (current) moves.push({ membershipId: current.id, householdId: current.householdId, personId: j.personId, leftOn: joinedOn });
    return { householdId: household.id, personId: j.personId, relation: j.relation, joinedOn, createdAt: new Date().toISOString() };
  });
  if (errors.length > 0) throw validationFailed(errors);

  // The old membership ends first: the database allows one current membership per person.
  for (const m of moves) {
    await endMembership(trx, m.membershipId, m.leftOn);
    // The household left has changed too.
    await bumpHouseholdVersion(trx, m.householdId, new Date().toISOString());
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: household.centreId,
      action: 'update',
      entity: 'household_member',
      entityId: m.membershipId,
      details: { householdId: m.householdId, personId: m.personId, fields: ['leftOn'], movedToHouseholdId: household.id },
    });
  }
  const inserted = await insertMemberships(trx, rows);
  for (const m of inserted) {
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: household.centreId,
      action: 'create',
      entity: 'household_member',
      entityId: m.id,
      details: { householdId: household.id, personId: m.personId },
    });
  }
}

/** The centre of a new household: the one asked for, else the first member's, else the user's only centre. */
async function centreOfNewHousehold(db: Db, actor: Actor, input: HouseholdCreateInput): Promise<number> {
  if (input.centreId !== undefined) return centreScope(actor, input.centreId)[0] as number;
  const first = input.members?.[0];
  if (!first) return targetCentre(actor);
  const person = await findPersonRow(db, first.personId, actor.centreIds);
  if (!person) throw notFound('person');
  return person.centreId;
}

export async function createHousehold(db: Db, actor: Actor, input: HouseholdCreateInput): Promise<Household> {
  const members = input.members ?? [];
  if (members.filter((m) => m.relation === 'reference_person').length > 1) {
    throw validationFailed([{ field: 'members', code: 'household.one_reference_person' }]);
  }
  return inTransaction(db, async (trx) => {
    const centreId = await centreOfNewHousehold(trx, actor, input);
    const row = await insertHousehold(trx, { centreId, name: input.name, notes: input.notes || null, now: new Date().toISOString() });
    await recordAudit(trx, {
      userId: actor.userId,
      centreId,
      action: 'create',
      entity: 'household',
      entityId: row.id,
      details: { memberCount: members.length },
    });
    await joinHousehold(trx, actor, row, members, { move: input.move, memberField: (i) => `members.${i}.joinedOn` });
    return loadHousehold(trx, row);
  });
}

/** Opens a household: it lists people, so the read is logged with their ids. */
export async function getHousehold(db: Db, actor: Actor, id: number): Promise<Household> {
  const row = await findHouseholdRow(db, id, actor.centreIds);
  if (!row) throw notFound('household');
  const household = await loadHousehold(db, row);
  await recordAudit(db, {
    userId: actor.userId,
    centreId: row.centreId,
    action: 'read',
    entity: 'household',
    entityId: id,
    details: { personIds: [...new Set([...household.members, ...household.history].map((m) => m.personId))] },
  });
  return household;
}

export async function listHouseholdsFor(db: Db, actor: Actor, query: HouseholdListQuery) {
  const result = await listHouseholds(db, centreScope(actor, query.centreId), query.q, query.page, query.pageSize);
  await recordListing(
    db,
    actor.userId,
    'person',
    result.items.flatMap((h) => h.members.map((m) => m.personId)),
  );
  return { ...result, page: query.page, pageSize: query.pageSize };
}

export async function updateHousehold(db: Db, actor: Actor, id: number, input: HouseholdUpdateInput): Promise<Household> {
  return inTransaction(db, async (trx) => {
    const existing = await findHouseholdRow(trx, id, actor.centreIds);
    if (!existing) throw notFound('household');
    const changes: { name?: string; nameKey?: string; notes?: string | null } = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.notes !== undefined) changes.notes = input.notes || null;
    // The log names the fields whose value changed (the form sends both), never the values.
    const changed = (Object.keys(changes) as Array<keyof typeof changes>).filter((key) => changes[key] !== existing[key]);
    if (changes.name !== undefined) changes.nameKey = householdNameKey(changes.name);
    await updateVersioned(trx, 'households', id, input.version, { ...changes, updatedAt: new Date().toISOString() }, 'household');
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: existing.centreId,
      action: 'update',
      entity: 'household',
      entityId: id,
      details: { fields: changed },
    });
    const row = await findHouseholdRow(trx, id, [existing.centreId]);
    if (!row) throw notFound('household');
    return loadHousehold(trx, row);
  });
}

export async function addHouseholdMember(db: Db, actor: Actor, householdId: number, input: MemberAddInput): Promise<Household> {
  return inTransaction(db, async (trx) => {
    const household = await findHouseholdRow(trx, householdId, actor.centreIds);
    if (!household) throw notFound('household');
    await lockHousehold(trx, household.id);
    await joinHousehold(trx, actor, household, [input], { move: input.move, memberField: () => 'joinedOn' });
    return loadHousehold(trx, await bumpHouseholdVersion(trx, household.id, new Date().toISOString()));
  });
}

/**
 * A membership of a household in the actor's centres that has not ended. The household is
 * locked first, so that the membership is read as the last change of the household left it.
 */
async function currentMembership(db: Db, actor: Actor, householdId: number, membershipId: number) {
  const household = await findHouseholdRow(db, householdId, actor.centreIds);
  if (!household) throw notFound('household');
  await lockHousehold(db, household.id);
  const membership = await findMembership(db, householdId, membershipId);
  if (!membership) throw notFound('household member');
  if (membership.leftOn !== null) {
    throw new AppError('household.membership_ended', 409, 'This person has left the household already', { leftOn: membership.leftOn });
  }
  return { household, membership };
}

export async function changeMemberRelation(
  db: Db,
  actor: Actor,
  householdId: number,
  membershipId: number,
  input: { relation: HouseholdRelation },
): Promise<Household> {
  return inTransaction(db, async (trx) => {
    const { household, membership } = await currentMembership(trx, actor, householdId, membershipId);
    if (membership.relation === input.relation) return loadHousehold(trx, household);
    if (input.relation === 'reference_person') {
      const current = await currentHouseholdMembers(trx, householdId);
      if (current.some((m) => m.relation === 'reference_person')) throw referencePersonTaken();
    }
    await setMembershipRelation(trx, membershipId, input.relation);
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: household.centreId,
      action: 'update',
      entity: 'household_member',
      entityId: membershipId,
      details: { householdId, personId: membership.personId, fields: ['relation'] },
    });
    return loadHousehold(trx, await bumpHouseholdVersion(trx, householdId, new Date().toISOString()));
  });
}

export async function leaveHousehold(
  db: Db,
  actor: Actor,
  householdId: number,
  membershipId: number,
  input: { leftOn?: string },
): Promise<Household> {
  return inTransaction(db, async (trx) => {
    const { household, membership } = await currentMembership(trx, actor, householdId, membershipId);
    const leftOn = input.leftOn ?? todayInRome();
    const problem = leavingProblem(leftOn, membership.joinedOn, todayInRome());
    if (problem) throw validationFailed([{ field: 'leftOn', ...problem }]);
    await endMembership(trx, membershipId, leftOn);
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: household.centreId,
      action: 'update',
      entity: 'household_member',
      entityId: membershipId,
      details: { householdId, personId: membership.personId, fields: ['leftOn'] },
    });
    return loadHousehold(trx, await bumpHouseholdVersion(trx, householdId, new Date().toISOString()));
  });
}

/**
 * The household part of a person's file: the household they belong to now with its members
 * (or null), and all their memberships. Three queries; the read is logged on the person.
 */
export async function householdForPerson(db: Db, actor: Actor, personId: number): Promise<PersonHousehold> {
  const person = await findPersonRow(db, personId, actor.centreIds);
  if (!person) throw notFound('person');
  const household = await loadPersonHousehold(db, person);
  await recordPersonRead(db, actor.userId, person, 'household', {
    householdId: household.current?.id ?? null,
    personIds: household.current?.members.map((m) => m.personId) ?? [],
  });
  return household;
}

/** The household part of a person's file, for a person already found in scope; logs nothing. */
export async function loadPersonHousehold(
  db: Db,
  person: { id: number; givenNames: string; familyNames: string },
): Promise<PersonHousehold> {
  const rows = await personMembershipsWithHousehold(db, person.id);
  const own = rows.find((r) => r.leftOn === null);
  let current: PersonHousehold['current'] = null;
  if (own) {
    const members = splitMemberships(await membershipsWithPeople(db, [own.householdId], { currentOnly: true })).members;
    current = {
      id: own.householdId,
      centreId: own.centreId,
      name: own.name,
      notes: own.notes,
      createdAt: own.createdAt,
      updatedAt: own.updatedAt,
      version: own.version,
      membershipId: own.id,
      relation: own.relation as HouseholdRelation,
      joinedOn: own.joinedOn,
      members,
    };
  }
  return {
    person: { id: person.id, givenNames: person.givenNames, familyNames: person.familyNames },
    current,
    memberships: rows.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      householdName: r.name,
      relation: r.relation as HouseholdRelation,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
    })),
  };
}
