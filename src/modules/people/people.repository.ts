import { type Kysely, sql } from 'kysely';
import type { Gender, ResidenceKind } from '../../contracts/enums.js';
import type { Person } from '../../contracts/people.js';
import { prepared } from '../../db/prepared.js';
import type { Database, NewPerson, PersonRow } from '../../db/schema.js';
import { todayInRome } from '../../domain/dates.js';
import { householdNameKey } from '../../domain/households.js';
import { nameIndexEntries } from '../../domain/names.js';
import { originGroupOf } from '../../domain/origin-group.js';
import { findComune } from '../../reference/index.js';
import { eraseCaseContentOf } from '../cases/cases.repository.js';
import { keepEventCountsOnErasure } from '../events/events.repository.js';

type Db = Kysely<Database>;

function comuneLabel(istat: string): string | null {
  const comune = findComune(istat);
  return comune ? `${comune.name} (${comune.province})` : null;
}

export function toPerson(row: PersonRow, today = todayInRome()): Person {
  const residence =
    row.residenceKind === 'comune' && row.residenceComune
      ? { kind: 'comune' as const, comuneIstat: row.residenceComune, comuneName: comuneLabel(row.residenceComune) }
      : { kind: (row.residenceKind === 'no_fixed_abode' ? 'no_fixed_abode' : 'unknown') as Exclude<ResidenceKind, 'comune'> };
  return {
    id: row.id,
    centreId: row.centreId,
    givenNames: row.givenNames,
    familyNames: row.familyNames,
    gender: row.gender as Gender,
    birthDate: row.birthDate,
    birthCountry: row.birthCountry,
    citizenship: row.citizenship,
    originGroup: originGroupOf(row.citizenship, today),
    fiscalCode: row.fiscalCode,
    phone: row.phone,
    email: row.email,
    languages: JSON.parse(row.languages) as string[],
    residence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function writeNameIndex(db: Db, personId: number, centreId: number, givenNames: string, familyNames: string) {
  await db.deleteFrom('personNameTokens').where('personId', '=', personId).execute();
  const entries = nameIndexEntries(givenNames, familyNames);
  if (entries.length > 0) {
    await db
      .insertInto('personNameTokens')
      .values(entries.map((e) => ({ personId, centreId, token: e.token, skeleton: e.skeleton })))
      .execute();
  }
}

export async function insertPerson(db: Db, values: NewPerson): Promise<PersonRow> {
  const row = await db.insertInto('people').values(values).returningAll().executeTakeFirstOrThrow();
  await writeNameIndex(db, row.id, row.centreId, row.givenNames, row.familyNames);
  return row;
}

/** Updates only if the stored version is `expectedVersion`; undefined when it was not. */
export async function updatePersonIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<NewPerson>,
): Promise<PersonRow | undefined> {
  const row = await db
    .updateTable('people')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (row && (changes.givenNames !== undefined || changes.familyNames !== undefined)) {
    await writeNameIndex(db, row.id, row.centreId, row.givenNames, row.familyNames);
  }
  return row;
}

// Prepared (a visit to a registered person reads the person): the centre is checked after.
const selectPerson = prepared((db, p: { id: number }) => db.selectFrom('people').selectAll().where('id', '=', p.id));

/** A person, if in one of the given centres. */
export async function findPersonRow(db: Db, id: number, centreIds: number[]): Promise<PersonRow | undefined> {
  const [row] = (await selectPerson(db, { id })).rows;
  return row && centreIds.includes(row.centreId) ? row : undefined;
}

/** Gives a person's rows of a table one anonymous key, the first row's id (as case members get theirs). */
async function keepCountedOnce(db: Db, table: 'enrolments' | 'pcStationUses', personId: number): Promise<void> {
  const first = await db
    .selectFrom(table)
    .select((eb) => eb.fn.min('id').as('id'))
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (first?.id == null) return;
  await db
    .updateTable(table)
    .set({ anonymousKey: Number(first.id) })
    .where('personId', '=', personId)
    .execute();
}

export async function deletePersonRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('personNameTokens').where('personId', '=', id).execute();
  // Their own cases lose the personal content; periods and snapshots stay for the statistics.
  await eraseCaseContentOf(db, id);
  // Events they took part in count them among the unnamed participants from now on.
  await keepEventCountsOnErasure(db, id);
  // The visits stay for the statistics, without the link and without the free-text notes.
  await db.updateTable('visits').set({ personId: null, notes: null }).where('personId', '=', id).execute();
  // Enrolments and PC uses stay counted, unlinked by their foreign keys: all of the person's carry
  // one anonymous key, so that they still count once among a year's distinct people.
  await keepCountedOnce(db, 'enrolments', id);
  await keepCountedOnce(db, 'pcStationUses', id);
  // Applications and PC uses stay counted too, unlinked (by their foreign keys) and without notes.
  await db.updateTable('applications').set({ notes: null }).where('personId', '=', id).execute();
  // Enrolments stay counted with their snapshot (unlinked by the foreign key); waiting-list entries lose their notes.
  await db.updateTable('waitingListEntries').set({ notes: null }).where('personId', '=', id).execute();
  const households = await db.selectFrom('householdMembers').select('householdId').distinct().where('personId', '=', id).execute();
  await db.deleteFrom('people').where('id', '=', id).execute();
  // A household left with no member at all (its memberships went with the file) keeps its
  // cases' counts, but its name ("Famiglia Rossi") and notes would still tell whose it was.
  for (const { householdId } of households) {
    await db
      .updateTable('households')
      .set({
        name: `Nucleo ${householdId}`,
        nameKey: householdNameKey(`Nucleo ${householdId}`),
        notes: null,
        updatedAt: new Date().toISOString(),
        version: sql`version + 1`,
      })
      .where('id', '=', householdId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('householdMembers').select('householdMembers.id').where('householdMembers.householdId', '=', householdId))),
      )
      .execute();
  }
}
