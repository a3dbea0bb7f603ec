import type { Kysely } from 'kysely';
import type { DuplicateCandidate, PersonCreateInput, PersonUpdateInput } from '../../contracts/people.js';
import type { ErasureRequest, ErasureRequestInput } from '../../contracts/privacy.js';
import { orNotFound } from '../../db/queries.js';
import type { Database, NewPerson } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { namesProbablyMatch } from '../../domain/names.js';
import { type FieldProblem, staleVersion, validationFailed } from '../../errors/index.js';
import { findComune, findCountry, isCitizenship } from '../../reference/index.js';
import { recordChange, recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { recordErasureDecision } from '../privacy/privacy.usecases.js';
import { possibleDuplicate } from './people.errors.js';
import { deletePersonRow, findPersonRow, insertPerson, toPerson, updatePersonIfVersion } from './people.repository.js';
import { duplicateCandidates, searchPeople } from './people-search.repository.js';

type Db = Kysely<Database>;

/** Checks what the schema cannot: that codes exist in the shipped reference data. */
function checkReferences(input: Partial<PersonCreateInput>): void {
  const errors: FieldProblem[] = [];
  if (input.citizenship && !isCitizenship(input.citizenship)) {
    errors.push({ field: 'citizenship', code: 'country.unknown_or_territory' });
  }
  if (input.birthCountry && !findCountry(input.birthCountry)) errors.push({ field: 'birthCountry', code: 'country.unknown' });
  if (input.residence?.kind === 'comune' && !findComune(input.residence.comuneIstat)) {
    errors.push({ field: 'residence.comuneIstat', code: 'comune.unknown' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

function residenceColumns(residence: PersonCreateInput['residence']) {
  if (!residence) return { residenceKind: 'unknown', residenceComune: null };
  return {
    residenceKind: residence.kind,
    residenceComune: residence.kind === 'comune' ? residence.comuneIstat : null,
  };
}

export async function findDuplicates(
  db: Db,
  centreIds: number[],
  probe: { givenNames: string; familyNames: string; birthDate?: string | null; fiscalCode?: string | null },
  excludeId?: number,
) {
  const candidates = await duplicateCandidates(db, centreIds, probe, excludeId);
  const fullName = `${probe.givenNames} ${probe.familyNames}`;
  return candidates.flatMap((c): Array<DuplicateCandidate> => {
    if (probe.fiscalCode && c.fiscalCode === probe.fiscalCode) return [{ ...c, reason: 'fiscal_code' }];
    if (probe.birthDate && c.birthDate === probe.birthDate && namesProbablyMatch(fullName, `${c.givenNames} ${c.familyNames}`)) {
      return [{ ...c, reason: 'name_and_birth_date' }];
    }
    return [];
  });
}

export async function createPerson(db: Db, actor: Actor, input: PersonCreateInput) {
  checkReferences(input);
  const centreId = targetCentre(actor, input.centreId);
  return inTransaction(db, async (trx) => {
    if (!input.confirmNotDuplicate) {
      const duplicates = await findDuplicates(trx, actor.centreIds, input);
      if (duplicates.length > 0) throw possibleDuplicate(duplicates);
    }
    const now = new Date().toISOString();
    const values: NewPerson = {
      centreId,
      givenNames: input.givenNames,
      familyNames: input.familyNames,
      gender: input.gender,
      birthDate: input.birthDate ?? null,
      birthCountry: input.birthCountry ?? null,
      citizenship: input.citizenship,
      fiscalCode: input.fiscalCode ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      languages: JSON.stringify(input.languages ?? []),
      ...residenceColumns(input.residence),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const row = await insertPerson(trx, values);
    await recordChange(trx, actor, 'create', 'person', { id: row.id, centreId });
    return toPerson(row);
  });
}

/** Opens a personal file: the read is logged. */
export async function getPerson(db: Db, actor: Actor, id: number) {
  const row = await orNotFound(findPersonRow(db, id, actor.centreIds), 'person');
  await recordChange(db, actor, 'read', 'person', { id, centreId: row.centreId });
  return toPerson(row);
}

export async function updatePerson(db: Db, actor: Actor, id: number, input: PersonUpdateInput) {
  checkReferences(input);
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(findPersonRow(trx, id, actor.centreIds), 'person');
    const { version, residence, languages, ...fields } = input;
    const changes: Partial<NewPerson> = { ...fields, updatedAt: new Date().toISOString() };
    if (residence !== undefined) Object.assign(changes, residenceColumns(residence));
    if (languages !== undefined) changes.languages = JSON.stringify(languages);
    const row = await updatePersonIfVersion(trx, id, version, changes);
    if (!row) throw staleVersion(existing.version);
    // The log names the columns whose value changed (the form sends every field), never the values.
    const changed = (Object.keys(changes) as Array<keyof NewPerson>).filter((key) => key !== 'updatedAt' && changes[key] !== existing[key]);
    await recordChange(trx, actor, 'update', 'person', { id, centreId: row.centreId }, { details: { fields: changed } });
    return toPerson(row);
  });
}

/**
 * Decides a person's erasure request, recorded in the same transaction as what it decides: erased,
 * the file goes (its visits stay as anonymous records with the gender, citizenship and age band
 * they were recorded with, so past statistics do not change); refused, the file stays.
 */
export async function decideErasureRequest(db: Db, actor: Actor, id: number, input: ErasureRequestInput): Promise<ErasureRequest> {
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(findPersonRow(trx, id, actor.centreIds), 'person');
    const request = await recordErasureDecision(trx, actor, existing, input);
    if (input.outcome === 'erased') {
      await deletePersonRow(trx, id);
      await recordChange(trx, actor, 'delete', 'person', existing, { details: { erasureRequestId: request.id } });
    }
    return request;
  });
}

export async function searchPeopleFor(db: Db, actor: Actor, query: { q: string; centreId?: number; page: number; pageSize: number }) {
  const result = await searchPeople(db, centreScope(actor, query.centreId), query.q, query.page, query.pageSize);
  await recordListing(
    db,
    actor.userId,
    'person',
    result.items.map((p) => p.id),
  );
  return { ...result, page: query.page, pageSize: query.pageSize };
}
