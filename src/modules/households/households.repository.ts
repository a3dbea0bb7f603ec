import { type Kysely, type Selectable, sql } from 'kysely';
import type { Gender, HouseholdRelation } from '../../contracts/enums.js';
import type { Household, HouseholdMember, PastHouseholdMember } from '../../contracts/households.js';
import { readCentresPage } from '../../db/paging.js';
import { rowInCentres } from '../../db/queries.js';
import type { Database, HouseholdsTable } from '../../db/schema.js';
import { householdNameKey } from '../../domain/households.js';
import { nameTokens } from '../../domain/names.js';

type Db = Kysely<Database>;
export type HouseholdRow = Selectable<HouseholdsTable>;

/** A household, if it belongs to one of the given centres. */
export function findHouseholdRow(db: Db, id: number, centreIds: readonly number[]) {
  return rowInCentres(db, 'households', id, centreIds);
}

/** The people who belong to a household now (membership without an end), with their relation. */
export async function currentHouseholdMembers(db: Db, householdId: number) {
  return db
    .selectFrom('householdMembers')
    .select(['id', 'personId', 'relation', 'joinedOn'])
    .where('householdId', '=', householdId)
    .where('leftOn', 'is', null)
    .orderBy('joinedOn')
    .orderBy('id')
    .execute();
}

export interface MembershipWithPerson {
  id: number;
  householdId: number;
  personId: number;
  givenNames: string;
  familyNames: string;
  gender: Gender;
  birthDate: string | null;
  relation: HouseholdRelation;
  joinedOn: string;
  leftOn: string | null;
}

/** Memberships of these households with the member's name, gender and birth date, oldest first. */
export async function membershipsWithPeople(db: Db, householdIds: readonly number[], { currentOnly = false } = {}) {
  if (householdIds.length === 0) return [];
  let query = db
    .selectFrom('householdMembers as m')
    .innerJoin('people as p', 'p.id', 'm.personId')
    .select([
      'm.id',
      'm.householdId',
      'm.personId',
      'p.givenNames',
      'p.familyNames',
      'p.gender',
      'p.birthDate',
      'm.relation',
      'm.joinedOn',
      'm.leftOn',
    ])
    .where('m.householdId', 'in', householdIds);
  if (currentOnly) query = query.where('m.leftOn', 'is', null);
  const rows = await query.orderBy('m.joinedOn').orderBy('m.id').execute();
  return rows as MembershipWithPerson[];
}

/** Splits a household's memberships into the current members and the history (latest end first). */
export function splitMemberships(rows: readonly MembershipWithPerson[]): { members: HouseholdMember[]; history: PastHouseholdMember[] } {
  const members: HouseholdMember[] = [];
  const history: PastHouseholdMember[] = [];
  for (const { householdId: _, leftOn, ...member } of rows) {
    if (leftOn === null) members.push(member);
    else history.push({ ...member, leftOn });
  }
  history.sort((a, b) => (a.leftOn === b.leftOn ? b.id - a.id : a.leftOn < b.leftOn ? 1 : -1));
  return { members, history };
}

/** The household as its page shows it: the row, the current members and the past memberships. */
export async function loadHousehold(db: Db, row: HouseholdRow): Promise<Household> {
  const memberships = await membershipsWithPeople(db, [row.id]);
  return { ...row, ...splitMemberships(memberships) };
}

/** Which of these people are people of the centre. */
export async function peopleOfCentre(db: Db, personIds: readonly number[], centreId: number): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom('people').select('id').where('id', 'in', personIds).where('centreId', '=', centreId).execute();
  return rows.map((row) => row.id);
}

/** Memberships (m) with their household (h). */
function membershipsWithHousehold(db: Db) {
  return db.selectFrom('householdMembers as m').innerJoin('households as h', 'h.id', 'm.householdId');
}

/** Every membership of these people (any household), for the one-household-at-a-time checks. */
export async function membershipsOfPeople(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return [];
  return membershipsWithHousehold(db)
    .select(['m.id', 'm.householdId', 'h.name as householdName', 'm.personId', 'm.relation', 'm.joinedOn', 'm.leftOn'])
    .where('m.personId', 'in', personIds)
    .execute();
}

/** A person's memberships with their household, the latest first. */
export async function personMembershipsWithHousehold(db: Db, personId: number) {
  return membershipsWithHousehold(db)
    .select([
      'm.id',
      'm.householdId',
      'm.relation',
      'm.joinedOn',
      'm.leftOn',
      'h.centreId',
      'h.name',
      'h.notes',
      'h.createdAt',
      'h.updatedAt',
      'h.version',
    ])
    .where('m.personId', '=', personId)
    .orderBy('m.joinedOn', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

export async function findMembership(db: Db, householdId: number, membershipId: number) {
  return db
    .selectFrom('householdMembers')
    .selectAll()
    .where('id', '=', membershipId)
    .where('householdId', '=', householdId)
    .executeTakeFirst();
}

export async function insertHousehold(db: Db, values: { centreId: number; name: string; notes: string | null; now: string }) {
  const { now, ...fields } = values;
  return db
    .insertInto('households')
    .values({ ...fields, nameKey: householdNameKey(fields.name), createdAt: now, updatedAt: now, version: 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Locks a household's row until the transaction ends (an update that changes nothing), so that
 * two changes of its membership run one after the other and the second sees what the first did
 * (one reference person, one current membership).
 */
export async function lockHousehold(db: Db, id: number): Promise<void> {
  await db.updateTable('households').set({ version: sql`version` }).where('id', '=', id).execute();
}

/** A change of membership is a change of the household: its version goes up, so that an edit made with the version read before fails (409). */
export async function bumpHouseholdVersion(db: Db, id: number, now: string): Promise<HouseholdRow> {
  return db
    .updateTable('households')
    .set({ updatedAt: now, version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertMemberships(
  db: Db,
  rows: Array<{ householdId: number; personId: number; relation: HouseholdRelation; joinedOn: string; createdAt: string }>,
) {
  if (rows.length === 0) return [];
  return db.insertInto('householdMembers').values(rows).returning(['id', 'personId']).execute();
}

/** Ends a membership that is still current; false if it had ended already. */
export async function endMembership(db: Db, membershipId: number, leftOn: string): Promise<boolean> {
  const result = await db
    .updateTable('householdMembers')
    .set({ leftOn })
    .where('id', '=', membershipId)
    .where('leftOn', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setMembershipRelation(db: Db, membershipId: number, relation: HouseholdRelation) {
  await db.updateTable('householdMembers').set({ relation }).where('id', '=', membershipId).execute();
}

/**
 * A page of the households of these centres, each with its current members. Searched and
 * ordered by the name key folded in JS (householdNameKey), so that both databases agree: every
 * word of the query must appear in the key. A query of single letters or punctuation names no
 * household.
 */
export async function listHouseholds(db: Db, centreIds: readonly number[], q: string, page: number, pageSize: number) {
  const words = nameTokens(q);
  if (words.length === 0 && q.trim() !== '') return { items: [], total: 0 };
  let base = db.selectFrom('households').where('centreId', 'in', centreIds);
  // The words are lower-case letters and digits only: nothing for LIKE to take as a wildcard.
  for (const word of words) base = base.where('nameKey', 'like', `%${word}%`);
  const byName = base.select(['id', 'centreId', 'name', 'updatedAt']).orderBy('nameKey').orderBy('id');
  return readCentresPage(centreIds, byName, base, page, pageSize, async (rows) => {
    const members = await membershipsWithPeople(
      db,
      rows.map((r) => r.id),
      { currentOnly: true },
    );
    return rows.map((row) => ({
      ...row,
      members: members
        .filter((m) => m.householdId === row.id)
        .map(({ id, personId, givenNames, familyNames, relation }) => ({ id, personId, givenNames, familyNames, relation })),
    }));
  });
}
