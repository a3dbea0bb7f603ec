/**
 * Events and outings: rules, transactions, audit. An event itself is no personal data (its
 * invitation goes up on notice boards); the people listed as taking part are.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  Event,
  EventCreateInput,
  EventListItem,
  EventListQuery,
  EventsSummary,
  EventsSummaryQuery,
  EventUpdateInput,
} from '../../contracts/events.js';
import { orNotFound, requireOfCentre } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { eventTimeProblems, eventTotals } from '../../domain/events.js';
import { validationFailed } from '../../errors/index.js';
import { type AuditedKind, findAndDelete, insertRecord, recordReadNaming, updateRecord } from '../audit/audited-records.js';
import { type Actor, pageInScope, periodScope, targetCentre } from '../auth/actor.js';
import { allEvents, centreContacts, distinctParticipants, findEvent, listEvents, participantsOf } from './events.repository.js';
import { invitationFileName, invitationPdf } from './invitation.js';

type Db = Kysely<Database>;

const EVENT: AuditedKind<'events'> = { table: 'events', label: 'event', entity: 'event' };

/** The people, without repeats; each must be a person of the event's centre (else 404, as if absent). */
function checkParticipants(db: Db, centreId: number, personIds: number[]): Promise<number[]> {
  return requireOfCentre(db, 'people', centreId, personIds, 'person');
}

function checkTimes(startTime: string | null, endTime: string | null) {
  const problems = eventTimeProblems(startTime, endTime);
  if (problems.length > 0) throw validationFailed(problems);
}

async function getEventItem(db: Db, actor: Actor, id: number): Promise<EventListItem> {
  return orNotFound(findEvent(db, id, actor.centreIds), 'event');
}

/** The event with the people listed. Not logged: the callers log (a read) or have logged (a change). */
async function loadEvent(db: Db, actor: Actor, id: number): Promise<Event> {
  const event = await getEventItem(db, actor, id);
  return { ...event, participants: await participantsOf(db, id) };
}

export async function createEvent(db: Db, actor: Actor, input: EventCreateInput, now = new Date()): Promise<Event> {
  const centreId = targetCentre(actor, input.centreId);
  const startTime = input.startTime ?? null;
  const endTime = input.endTime ?? null;
  checkTimes(startTime, endTime);
  const id = await inTransaction(db, async (trx) => {
    const personIds = await checkParticipants(trx, centreId, input.participantIds);
    const values = {
      centreId,
      title: input.title,
      eventDate: input.date,
      startTime,
      endTime,
      place: input.place || null,
      meetingPoint: input.meetingPoint || null,
      partner: input.partner || null,
      description: input.description || null,
      otherParticipants: input.otherParticipants,
    };
    return insertRecord(trx, actor, EVENT, values, now, { table: 'eventParticipants', field: 'participantIds', ids: personIds });
  });
  return loadEvent(db, actor, id);
}

/** Opens an event with the people taking part: the read is logged, naming them. */
export async function getEvent(db: Db, actor: Actor, id: number): Promise<Event> {
  const event = await loadEvent(db, actor, id);
  await recordReadNaming(
    db,
    actor,
    EVENT,
    event,
    event.participants.map((person) => person.id),
  );
  return event;
}

export async function updateEvent(db: Db, actor: Actor, id: number, input: EventUpdateInput, now = new Date()): Promise<Event> {
  await inTransaction(db, async (trx) => {
    const existing = await getEventItem(trx, actor, id);
    const changes: Record<string, unknown> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.date !== undefined) changes.eventDate = input.date;
    if (input.startTime !== undefined) changes.startTime = input.startTime;
    if (input.endTime !== undefined) changes.endTime = input.endTime;
    if (input.place !== undefined) changes.place = input.place || null;
    if (input.meetingPoint !== undefined) changes.meetingPoint = input.meetingPoint || null;
    if (input.partner !== undefined) changes.partner = input.partner || null;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.otherParticipants !== undefined) changes.otherParticipants = input.otherParticipants;
    // The times are checked as they will be stored: a new end against the start kept, and so on.
    checkTimes(
      input.startTime !== undefined ? input.startTime : existing.startTime,
      input.endTime !== undefined ? input.endTime : existing.endTime,
    );
    const stored = {
      title: existing.title,
      eventDate: existing.date,
      startTime: existing.startTime,
      endTime: existing.endTime,
      place: existing.place,
      meetingPoint: existing.meetingPoint,
      partner: existing.partner,
      description: existing.description,
      otherParticipants: existing.otherParticipants,
    };
    const links = input.participantIds && {
      table: 'eventParticipants' as const,
      field: 'participantIds',
      ids: await checkParticipants(trx, existing.centreId, input.participantIds),
    };
    await updateRecord(trx, actor, EVENT, { id, centreId: existing.centreId }, { version: input.version, changes, stored, links }, now);
  });
  return loadEvent(db, actor, id);
}

export function deleteEvent(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, EVENT, { id, version }, (trx) => findEvent(trx, id, actor.centreIds));
}

/** The events of a period, without the participants' names: viewers may read it. */
export async function listEventsFor(db: Db, actor: Actor, query: EventListQuery): Promise<Page<EventListItem>> {
  return pageInScope(actor, query, (filter, page, pageSize) => listEvents(db, filter, page, pageSize));
}

/** Aggregated figures (statistics.read): events and their participants, named and others. */
export async function summariseEventsFor(db: Db, actor: Actor, query: EventsSummaryQuery): Promise<EventsSummary> {
  const filter = periodScope(actor, query);
  const [events, distinctPeople] = await Promise.all([allEvents(db, filter), distinctParticipants(db, filter)]);
  return { ...eventTotals(events), distinctPeople };
}

/** The printable invitation (no personal data in it). */
export async function invitationFor(db: Db, actor: Actor, id: number): Promise<{ fileName: string; pdf: Buffer }> {
  const event = await getEventItem(db, actor, id);
  const centre = await centreContacts(db, event.centreId);
  return { fileName: invitationFileName(event), pdf: await invitationPdf(event, centre) };
}
