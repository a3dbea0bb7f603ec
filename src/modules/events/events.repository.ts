/** Events and outings and the people taking part: SQL only. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { EventListItem, EventParticipant } from '../../contracts/events.js';
import { centreRecords } from '../../db/centre-records.js';
import { inCentresAndPeriod, type PeriodFilter, relatedCount } from '../../db/queries.js';
import type { Database, EventsTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export type EventFilter = PeriodFilter;

function filtered(db: Db, filter: EventFilter) {
  return inCentresAndPeriod(db, 'events', 'eventDate', filter);
}

function withCounts(db: Db, filter: EventFilter) {
  return filtered(db, filter).select((eb) => [
    'events.id',
    'events.centreId',
    'events.title',
    'events.eventDate',
    'events.startTime',
    'events.endTime',
    'events.place',
    'events.meetingPoint',
    'events.partner',
    'events.description',
    'events.otherParticipants',
    'events.version',
    relatedCount(eb, 'eventParticipants', 'eventParticipants.eventId', 'events.id').as('namedParticipants'),
  ]);
}

type EventRow = Omit<Selectable<EventsTable>, 'createdAt' | 'updatedAt'> & { namedParticipants: number | null };

const toListItem = ({ eventDate, namedParticipants, ...row }: EventRow): EventListItem => ({
  ...row,
  date: eventDate,
  namedParticipants: Number(namedParticipants ?? 0),
});

// Events without a time first on both databases (PostgreSQL sorts nulls last, SQLite first).
const startTimeOrder = sql`coalesce(${sql.ref('events.startTime')}, '')`;

/** In date and time order: an events programme reads forwards. */
function inProgrammeOrder(db: Db, filter: EventFilter) {
  return withCounts(db, filter).orderBy('events.eventDate').orderBy(startTimeOrder).orderBy('events.id');
}

/** In programme order: a page at a time, or every event matching (the annual report: a few dozen a year); or one. */
export const {
  page: listEvents,
  all: allEvents,
  find: findEvent,
} = centreRecords({
  matching: filtered,
  ordered: inProgrammeOrder,
  one: (db, id, centreIds) => withCounts(db, { centreIds }).where('events.id', '=', id),
  toItem: toListItem,
});

/** The people listed for an event, by family name. */
export async function participantsOf(db: Db, eventId: number): Promise<EventParticipant[]> {
  return db
    .selectFrom('eventParticipants')
    .innerJoin('people', 'people.id', 'eventParticipants.personId')
    .select(['people.id', 'people.givenNames', 'people.familyNames'])
    .where('eventParticipants.eventId', '=', eventId)
    .orderBy('people.familyNames')
    .orderBy('people.givenNames')
    .orderBy('people.id')
    .execute();
}

/** Distinct people listed by name over the events matching. */
export async function distinctParticipants(db: Db, filter: EventFilter): Promise<number> {
  if (filter.centreIds.length === 0) return 0;
  const row = await filtered(db, filter)
    .innerJoin('eventParticipants', 'eventParticipants.eventId', 'events.id')
    .select((eb) => eb.fn.count<number>('eventParticipants.personId').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Before a person is erased: the events they took part in keep counting them, as one of the
 * participants not registered by name (their participant rows go with the person).
 */
export async function keepEventCountsOnErasure(db: Db, personId: number): Promise<void> {
  await db
    .updateTable('events')
    .set((eb) => ({
      otherParticipants: eb('otherParticipants', '+', 1),
      version: eb('version', '+', 1),
      updatedAt: new Date().toISOString(),
    }))
    .where('id', 'in', db.selectFrom('eventParticipants').select('eventId').where('personId', '=', personId))
    .execute();
}

/** The centre's name, its organisation's and its contacts, for the invitation. */
export async function centreContacts(db: Db, centreId: number) {
  return db
    .selectFrom('centres')
    .innerJoin('organisations', 'organisations.id', 'centres.organisationId')
    .select(['centres.name', 'organisations.name as organisationName', 'centres.address', 'centres.phone', 'centres.email'])
    .where('centres.id', '=', centreId)
    .executeTakeFirstOrThrow();
}
