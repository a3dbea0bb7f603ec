/**
 * Who belongs to a household: people join it (moving from another household when asked to),
 * change their relation, and leave it. One household at a time per person, one reference person
 * per household; every change of membership is a change of the household (its version goes up).
 */
import type { Kysely } from 'kysely';
import type { HouseholdRelation } from '../../contracts/enums.js';
import type { Household, MemberAddInput } from '../../contracts/households.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { earliestJoinDate, joiningProblem, leavingProblem } from '../../domain/households.js';
import { type FieldProblem, notFound, validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { alreadyMember, memberElsewhere, membershipEnded, referencePersonTaken } from './households.errors.js';
import {
  bumpHouseholdVersion,
  currentHouseholdMembers,
  endMembership,
  findHouseholdRow,
  findMembership,
  type HouseholdRow,
  insertMemberships,
  loadHousehold,
  lockHousehold,
  membershipsOfPeople,
  peopleOfCentre,
  setMembershipRelation,
} from './households.repository.js';

type Db = Kysely<Database>;

interface Joining {
  personId: number;
  relation: HouseholdRelation;
  joinedOn?: string;
}

/** A change of one membership, in the audit log: which household and person, what changed (never the values). */
async function auditMembership(
  db: Db,
  actor: Actor,
  centreId: number,
  action: 'create' | 'update',
  membershipId: number,
  details: Record<string, unknown>,
) {
  await recordChange(db, actor, action, 'household_member', { id: membershipId, centreId }, { details });
}

/** One reference person per household. */
async function checkNoReferencePerson(db: Db, householdId: number) {
  const current = await currentHouseholdMembers(db, householdId);
  if (current.some((m) => m.relation === 'reference_person')) throw referencePersonTaken();
}

/**
 * People join a household: each must be a person of the household's centre (404 otherwise) and
 * belong to no other household now, unless `move` (then that membership ends on the joining day).
 * Dates: not in the future, not before the person's previous membership ends.
 */
export async function joinHousehold(
  trx: Db,
  actor: Actor,
  household: HouseholdRow,
  joining: readonly Joining[],
  { move = false, memberField }: { move?: boolean; memberField: (index: number) => string },
) {
  if (joining.length === 0) return;
  const today = todayInRome();
  const personIds = joining.map((j) => j.personId);
  const people = await peopleOfCentre(trx, personIds, household.centreId);
  if (people.length !== new Set(personIds).size) throw notFound('person');

  const memberships = await membershipsOfPeople(trx, personIds);
  if (joining.some((j) => j.relation === 'reference_person')) await checkNoReferencePerson(trx, household.id);

  const errors: FieldProblem[] = [];
  const moves: Array<{ membershipId: number; householdId: number; personId: number; leftOn: string }> = [];
  const rows = joining.map((j, index) => {
    const own = memberships.filter((m) => m.personId === j.personId);
    const current = own.find((m) => m.leftOn === null);
    if (current?.householdId === household.id) throw alreadyMember({ personId: j.personId });
    if (current && !move) {
      throw memberElsewhere({ personId: j.personId, householdId: current.householdId, householdName: current.householdName });
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
    await auditMembership(trx, actor, household.centreId, 'update', m.membershipId, {
      householdId: m.householdId,
      personId: m.personId,
      fields: ['leftOn'],
      movedToHouseholdId: household.id,
    });
  }
  const inserted = await insertMemberships(trx, rows);
  for (const m of inserted) {
    await auditMembership(trx, actor, household.centreId, 'create', m.id, { householdId: household.id, personId: m.personId });
  }
}

export async function addHouseholdMember(db: Db, actor: Actor, householdId: number, input: MemberAddInput): Promise<Household> {
  return inTransaction(db, async (trx) => {
    const household = await orNotFound(findHouseholdRow(trx, householdId, actor.centreIds), 'household');
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
  const household = await orNotFound(findHouseholdRow(db, householdId, actor.centreIds), 'household');
  await lockHousehold(db, household.id);
  const membership = await orNotFound(findMembership(db, householdId, membershipId), 'household member');
  if (membership.leftOn !== null) throw membershipEnded({ leftOn: membership.leftOn });
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
    if (input.relation === 'reference_person') await checkNoReferencePerson(trx, householdId);
    await setMembershipRelation(trx, membershipId, input.relation);
    await auditMembership(trx, actor, household.centreId, 'update', membershipId, {
      householdId,
      personId: membership.personId,
      fields: ['relation'],
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
    await auditMembership(trx, actor, household.centreId, 'update', membershipId, {
      householdId,
      personId: membership.personId,
      fields: ['leftOn'],
    });
    return loadHousehold(trx, await bumpHouseholdVersion(trx, householdId, new Date().toISOString()));
  });
}
