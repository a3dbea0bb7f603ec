import type { Kysely } from 'kysely';
import type { Visit, VisitCreateInput, VisitListQuery, VisitSummaryQuery, VisitUpdateInput } from '../../contracts/visits.js';
import { orNotFound, replaceLinks } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { ageBandOn, romeDateOf, romeInstant, romeTimeOf, todayInRome } from '../../domain/dates.js';
import { originGroupOf } from '../../domain/origin-group.js';
import { can } from '../../domain/permissions.js';
import { staleVersion, validationFailed } from '../../errors/index.js';
import { isCitizenship } from '../../reference/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { pageNamingPeople } from '../audit/logged-lists.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import { withOpeningFlags } from '../calendar/visit-flags.js';
import { TOPICS } from '../catalogues/catalogues.js';
import { activeCatalogueIds } from '../catalogues/catalogues.repository.js';
import { findPersonRow } from '../people/people.repository.js';
import { deleteVisitRow, findVisit, insertVisit, listVisits, summariseVisits, toVisit, type VisitFilter } from './visits.repository.js';

type Db = Kysely<Database>;

/** A minute of tolerance for clocks that disagree a little. */
const FUTURE_TOLERANCE_MS = 60_000;

/** The instant of a visit from its Rome date and time, both defaulting to now; never in the future. */
function visitInstant(date: string | undefined, time: string | undefined, now: Date) {
  const visitDate = date ?? romeDateOf(now);
  const instant = romeInstant(visitDate, time ?? romeTimeOf(now));
  if (visitDate > todayInRome(now)) {
    throw validationFailed([{ field: 'date', code: 'visit.date_in_future' }]);
  }
  if (instant.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw validationFailed([{ field: 'time', code: 'visit.time_in_future' }]);
  }
  return { visitDate, occurredAt: instant.toISOString(), visitYear: Number(visitDate.slice(0, 4)) };
}

async function checkTopics(db: Db, actor: Actor, topicIds: number[]) {
  const unique = [...new Set(topicIds)];
  const active = await activeCatalogueIds(db, TOPICS, actor.organisationId, unique);
  const unknown = unique.filter((id) => !active.has(id));
  if (unknown.length > 0) {
    throw validationFailed([{ field: 'topicIds', code: 'visit.topic_unknown', params: { ids: unknown.join(', ') } }]);
  }
  return unique;
}

function checkCitizenship(code: string) {
  if (!isCitizenship(code)) {
    throw validationFailed([{ field: 'anonymous.citizenship', code: 'country.unknown_or_territory' }]);
  }
}

export async function createVisit(db: Db, actor: Actor, input: VisitCreateInput, now = new Date()): Promise<Visit> {
  const when = visitInstant(input.date, input.time, now);
  if (input.anonymous) checkCitizenship(input.anonymous.citizenship);

  return inTransaction(db, async (trx) => {
    const topicIds = await checkTopics(trx, actor, input.topicIds);
    let visitor: { personId: number | null; gender: string; citizenship: string; ageBand: string };
    let names: { givenNames: string | null; familyNames: string | null } = { givenNames: null, familyNames: null };
    let centreId: number;
    if (input.personId) {
      // A person's visits are recorded in the person's centre, so they never show in another's lists.
      const person = await orNotFound(findPersonRow(trx, input.personId, centreScope(actor, input.centreId)), 'person');
      centreId = person.centreId;
      // A snapshot: the statistics of this visit keep the facts of its day.
      visitor = {
        personId: person.id,
        gender: person.gender,
        citizenship: person.citizenship,
        ageBand: ageBandOn(person.birthDate, when.visitDate),
      };
      names = { givenNames: person.givenNames, familyNames: person.familyNames };
    } else {
      const anonymous = input.anonymous as NonNullable<VisitCreateInput['anonymous']>;
      visitor = { personId: null, ...anonymous };
      centreId = targetCentre(actor, input.centreId);
    }
    const stamp = now.toISOString();
    const row = {
      centreId,
      ...when,
      channel: input.channel,
      ...visitor,
      originGroup: originGroupOf(visitor.citizenship, when.visitDate),
      referralSource: input.referralSource,
      notes: input.notes || null,
      operatorId: actor.userId,
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    const id = await insertVisit(trx, row, topicIds);
    await recordChange(trx, actor, 'create', 'visit', { id, centreId }, { at: now });
    // Everything the answer shows is known here: no need to read the visit back.
    return toVisit(
      { ...row, id, ...names, operatorName: actor.displayName },
      [...topicIds].sort((x, y) => x - y),
    );
  });
}

/** One visit as read, with whether it was outside the opening hours. */
async function readVisit(db: Db, id: number, centreIds: number[]): Promise<Visit | undefined> {
  const visit = await findVisit(db, id, centreIds);
  return visit ? (await withOpeningFlags(db, [visit]))[0] : undefined;
}

export async function getVisit(db: Db, actor: Actor, id: number) {
  const visit = await orNotFound(readVisit(db, id, actor.centreIds), 'visit');
  if (visit.person) {
    await recordChange(db, actor, 'read', 'visit', { id, centreId: visit.centreId });
  }
  return visit;
}

/**
 * The visitor of a corrected visit: another person (a visit recorded on the wrong one), an
 * anonymous visitor's facts, or none of them (the visitor stays). A person's facts are
 * snapshotted on the visit's day, as on create; the visit goes to the person's centre.
 */
async function correctedVisitor(trx: Db, actor: Actor, existing: Visit, input: VisitUpdateInput, visitDate: string) {
  if (input.personId) {
    if (input.anonymous) throw validationFailed([{ field: 'personId', code: 'visit.person_or_anonymous' }]);
    const person = await orNotFound(findPersonRow(trx, input.personId, actor.centreIds), 'person');
    return {
      personId: person.id,
      centreId: person.centreId,
      gender: person.gender,
      citizenship: person.citizenship,
      ageBand: ageBandOn(person.birthDate, visitDate),
    };
  }
  if (input.anonymous) {
    // A person's visit becomes anonymous only when the person is taken off it (personId: null).
    if (existing.person && input.personId !== null) {
      throw validationFailed([{ field: 'anonymous', code: 'visit.belongs_to_person' }]);
    }
    checkCitizenship(input.anonymous.citizenship);
    return { personId: null, ...input.anonymous };
  }
  if (input.personId === null && existing.person) {
    throw validationFailed([{ field: 'anonymous', code: 'visit.person_or_anonymous' }]);
  }
  if (existing.person && visitDate !== existing.date) {
    const person = await findPersonRow(trx, existing.person.id, actor.centreIds);
    if (person) return { ageBand: ageBandOn(person.birthDate, visitDate) };
  }
  return {};
}

export async function updateVisit(db: Db, actor: Actor, id: number, input: VisitUpdateInput, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findVisit(trx, id, actor.centreIds), 'visit');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    // The instant is recomputed only when the date or time is corrected: a minute-precision
    // Rome time is ambiguous in the repeated hour at the end of October.
    const moved = (input.date !== undefined && input.date !== existing.date) || (input.time !== undefined && input.time !== existing.time);
    const when = moved
      ? visitInstant(input.date ?? existing.date, input.time ?? existing.time, now)
      : { visitDate: existing.date, occurredAt: existing.occurredAt, visitYear: Number(existing.date.slice(0, 4)) };
    const visitor = await correctedVisitor(trx, actor, existing, input, when.visitDate);
    const changes: Record<string, unknown> = { ...when, ...visitor, updatedAt: now.toISOString() };
    if (input.channel) changes.channel = input.channel;
    if (input.referralSource) changes.referralSource = input.referralSource;
    if (input.notes !== undefined) changes.notes = input.notes || null;
    changes.originGroup = originGroupOf(visitor.citizenship ?? existing.citizenship, when.visitDate);
    await updateVersioned(trx, 'visits', id, input.version, changes, 'visit');
    if (input.topicIds) await replaceLinks(trx, 'visitTopics', id, await checkTopics(trx, actor, input.topicIds));
    // A visit moved to a person of another centre is logged in its new centre.
    await recordChange(
      trx,
      actor,
      'update',
      'visit',
      { id, centreId: visitor.centreId ?? existing.centreId },
      { details: { fields: Object.keys(input).filter((k) => k !== 'version') }, at: now },
    );
  });
  return (await readVisit(db, id, actor.centreIds)) as Visit;
}

/** Deletes a visit recorded by mistake; with the version read (?version=), a visit changed meanwhile is not deleted unseen. */
export async function deleteVisit(db: Db, actor: Actor, id: number, version?: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findVisit(trx, id, actor.centreIds), 'visit');
    if (version !== undefined && existing.version !== version) throw staleVersion(existing.version);
    await deleteVisitRow(trx, id);
    await recordChange(trx, actor, 'delete', 'visit', { id, centreId: existing.centreId });
  });
}

export function visitFilterFor(actor: Actor, query: Omit<VisitListQuery, 'page' | 'pageSize'>): VisitFilter {
  const { centreId, ...rest } = query;
  return { ...rest, centreIds: centreScope(actor, centreId) };
}

export async function listVisitsFor(db: Db, actor: Actor, query: VisitListQuery) {
  const { page, pageSize, ...filters } = query;
  const filter = visitFilterFor(actor, filters);
  const logged = { part: 'visits', entity: 'visit' };
  return pageNamingPeople(db, actor, filter, logged, { page, pageSize }, () => listVisits(db, filter, page, pageSize));
}

export async function summariseVisitsFor(db: Db, actor: Actor, query: VisitSummaryQuery) {
  // Someone who may not read personal files may not narrow the figures down to a few people
  // either: a viewer cuts by period and centre only.
  const filters = can(actor.role, 'personal.read') ? query : { from: query.from, to: query.to, centreId: query.centreId };
  return summariseVisits(db, visitFilterFor(actor, filters));
}
