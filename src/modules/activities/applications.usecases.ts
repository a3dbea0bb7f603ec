/** Applications (compilazione domande / bonus, with the Anagrafe): rules, transactions, audit. */
import type { Kysely } from 'kysely';
import type {
  Application,
  ApplicationCreateInput,
  ApplicationListQuery,
  ApplicationSummary,
  ApplicationUpdateInput,
  SummaryQuery,
} from '../../contracts/activities.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, validationFailed } from '../../errors/index.js';
import { type AuditedKind, findAndDelete, insertRecord, updateRecord } from '../audit/audited-records.js';
import { pageNamingPeople } from '../audit/logged-lists.js';
import { type Actor, centreScope, periodScope, targetCentre } from '../auth/actor.js';
import { APPLICATION_TYPES } from '../catalogues/catalogues.js';
import { findCatalogueItem } from '../catalogues/catalogues.repository.js';
import { findPersonRow } from '../people/people.repository.js';
import { findVisit } from '../visits/visits.repository.js';
import { allApplications, findApplication, listApplications, summariseApplications } from './applications.repository.js';

type Db = Kysely<Database>;

/** New records (and records moved to another type) take an active type of the organisation. */
async function checkActiveType(db: Db, actor: Actor, typeId: number) {
  const type = await findCatalogueItem(db, APPLICATION_TYPES, actor.organisationId, typeId);
  if (!type?.active) {
    throw validationFailed([{ field: 'typeId', code: 'application.type_unknown', params: { id: typeId } }]);
  }
}

/**
 * The visit, if any, must agree with the application: of its person (or anonymous) and of the
 * person's centre; an application without a person takes only an anonymous visit.
 */
function checkVisitMatches(
  visit: { centreId: number; person: { id: number } | null },
  person: { id: number; centreId: number } | undefined,
) {
  if (!person) {
    if (visit.person) {
      throw validationFailed([{ field: 'visitId', code: 'application.visit_of_person' }]);
    }
    return;
  }
  if (visit.centreId !== person.centreId || (visit.person && visit.person.id !== person.id)) {
    throw validationFailed([{ field: 'visitId', code: 'application.visit_other_person' }]);
  }
}

async function loadApplication(db: Db, actor: Actor, id: number): Promise<Application> {
  return orNotFound(findApplication(db, id, actor.centreIds), 'application');
}

export async function createApplication(db: Db, actor: Actor, input: ApplicationCreateInput, now = new Date()): Promise<Application> {
  const scope = centreScope(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    await checkActiveType(trx, actor, input.typeId);
    const visit = input.visitId ? await findVisit(trx, input.visitId, scope) : undefined;
    if (input.visitId && !visit) throw notFound('visit');
    // Without a person, the visit's person (if the visit has one) is the applicant; an explicit
    // null says "nobody", and then the visit must be anonymous.
    const personId = input.personId !== undefined ? input.personId : (visit?.person?.id ?? null);
    const person = personId ? await findPersonRow(trx, personId, scope) : undefined;
    if (personId && !person) throw notFound('person');
    if (visit) checkVisitMatches(visit, person);
    // A person's applications go to the person's centre, like their visits.
    const centreId = person?.centreId ?? visit?.centreId ?? targetCentre(actor, input.centreId);
    const values = {
      centreId,
      personId: person?.id ?? null,
      typeId: input.typeId,
      appliedOn: input.date ?? todayInRome(now),
      operatorId: actor.userId,
      outcome: input.outcome,
      visitId: visit?.id ?? null,
      notes: input.notes || null,
    };
    return insertRecord(trx, actor, APPLICATION, values, now);
  });
  return loadApplication(db, actor, id);
}

export async function updateApplication(db: Db, actor: Actor, id: number, input: ApplicationUpdateInput, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findApplication(trx, id, actor.centreIds), 'application');
    const centre = [existing.centreId];
    const changes: Record<string, unknown> = {};
    if (input.typeId !== undefined && input.typeId !== existing.type.id) {
      await checkActiveType(trx, actor, input.typeId);
      changes.typeId = input.typeId;
    }
    if (input.date !== undefined) changes.appliedOn = input.date;
    if (input.outcome !== undefined) changes.outcome = input.outcome;
    if (input.notes !== undefined) changes.notes = input.notes || null;

    // The person and the visit stay in the application's centre, and agree with each other.
    let personId = input.personId !== undefined ? input.personId : (existing.person?.id ?? null);
    const visitId = input.visitId !== undefined ? input.visitId : existing.visitId;
    const visit = visitId ? await findVisit(trx, visitId, centre) : undefined;
    if (visitId && !visit) throw notFound('visit');
    if (input.visitId && input.personId === undefined && personId === null) personId = visit?.person?.id ?? null;
    const person = personId ? await findPersonRow(trx, personId, centre) : undefined;
    if (personId && !person) throw notFound('person');
    if (visit && (input.personId !== undefined || input.visitId !== undefined)) checkVisitMatches(visit, person);
    changes.personId = personId;
    changes.visitId = visitId ?? null;

    const stored = {
      typeId: existing.type.id,
      appliedOn: existing.date,
      outcome: existing.outcome,
      notes: existing.notes,
      personId: existing.person?.id ?? null,
      visitId: existing.visitId,
    };
    await updateRecord(trx, actor, APPLICATION, { id, centreId: existing.centreId }, { version: input.version, changes, stored }, now);
  });
  return loadApplication(db, actor, id);
}

const APPLICATION: AuditedKind<'applications'> = { table: 'applications', label: 'application', entity: 'application' };

/** Deletes an application at the version read (?version=): 409 if it was changed since. */
export function deleteApplication(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, APPLICATION, { id, version }, (trx) => findApplication(trx, id, actor.centreIds));
}

/** The applications' filter of a list's query (and of its export): the centres allowed, "anagrafe" as a boolean. */
export function applicationFilterFor(actor: Actor, query: Omit<ApplicationListQuery, 'page' | 'pageSize'>) {
  const { centreId, anagrafe, ...rest } = query;
  return {
    ...rest,
    centreIds: centreScope(actor, centreId),
    ...(anagrafe !== undefined && { anagrafe: anagrafe === 'true' }),
  };
}

export async function listApplicationsFor(db: Db, actor: Actor, query: ApplicationListQuery) {
  const { page, pageSize, ...filters } = query;
  const filter = applicationFilterFor(actor, filters);
  const logged = { part: 'applications', entity: 'application' };
  return pageNamingPeople(db, actor, filter, logged, { page, pageSize }, () => listApplications(db, filter, page, pageSize));
}

/** Aggregated figures (statistics.read): by period and centre only. */
export async function summariseApplicationsFor(db: Db, actor: Actor, query: SummaryQuery): Promise<ApplicationSummary> {
  return summariseApplications(db, periodScope(actor, query));
}

/**
 * A person's applications with their type (label, level), newest first, in one query: for the
 * person's file. Bounded by the actor's centres; the caller logs the opening of the file.
 */
export async function applicationsForPerson(db: Db, actor: Actor, personId: number): Promise<Application[]> {
  return allApplications(db, { centreIds: actor.centreIds, personId });
}
