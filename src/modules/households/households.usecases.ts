/**
 * Households (nuclei familiari): creating, reading, listing and renaming them, and the household
 * part of a person's file. Who belongs to them is memberships.usecases.ts.
 */
import type { Kysely } from 'kysely';
import type { HouseholdRelation } from '../../contracts/enums.js';
import type {
  Household,
  HouseholdCreateInput,
  HouseholdListQuery,
  HouseholdUpdateInput,
  PersonHousehold,
} from '../../contracts/households.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, updateVersioned } from '../../db/versioned.js';
import { householdNameKey } from '../../domain/households.js';
import { validationFailed } from '../../errors/index.js';
import { recordChange, recordListing, recordPersonRead } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import {
  findHouseholdRow,
  insertHousehold,
  listHouseholds,
  loadHousehold,
  membershipsWithPeople,
  personMembershipsWithHousehold,
  splitMemberships,
} from './households.repository.js';
import { joinHousehold } from './memberships.usecases.js';

type Db = Kysely<Database>;

/** The centre of a new household: the one asked for, else the first member's, else the user's only centre. */
async function centreOfNewHousehold(db: Db, actor: Actor, input: HouseholdCreateInput): Promise<number> {
  if (input.centreId !== undefined) return centreScope(actor, input.centreId)[0] as number;
  const first = input.members?.[0];
  if (!first) return targetCentre(actor);
  const person = await orNotFound(findPersonRow(db, first.personId, actor.centreIds), 'person');
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
    await recordChange(trx, actor, 'create', 'household', { id: row.id, centreId }, { details: { memberCount: members.length } });
    await joinHousehold(trx, actor, row, members, { move: input.move, memberField: (i) => `members.${i}.joinedOn` });
    return loadHousehold(trx, row);
  });
}

/** Opens a household: it lists people, so the read is logged with their ids. */
export async function getHousehold(db: Db, actor: Actor, id: number): Promise<Household> {
  const row = await orNotFound(findHouseholdRow(db, id, actor.centreIds), 'household');
  const household = await loadHousehold(db, row);
  await recordChange(
    db,
    actor,
    'read',
    'household',
    { id, centreId: row.centreId },
    { details: { personIds: [...new Set([...household.members, ...household.history].map((m) => m.personId))] } },
  );
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
    const existing = await orNotFound(findHouseholdRow(trx, id, actor.centreIds), 'household');
    const changes: { name?: string; nameKey?: string; notes?: string | null } = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.notes !== undefined) changes.notes = input.notes || null;
    // The log names the fields whose value changed (the form sends both), never the values.
    const changed = changedFields(changes, existing);
    if (changes.name !== undefined) changes.nameKey = householdNameKey(changes.name);
    await updateVersioned(trx, 'households', id, input.version, { ...changes, updatedAt: new Date().toISOString() }, 'household');
    await recordChange(trx, actor, 'update', 'household', { id, centreId: existing.centreId }, { details: { fields: changed } });
    const row = await orNotFound(findHouseholdRow(trx, id, [existing.centreId]), 'household');
    return loadHousehold(trx, row);
  });
}

/**
 * The household part of a person's file: the household they belong to now with its members
 * (or null), and all their memberships. Three queries; the read is logged on the person.
 */
export async function householdForPerson(db: Db, actor: Actor, personId: number): Promise<PersonHousehold> {
  const person = await orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
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
