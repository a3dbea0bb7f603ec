/** Events and outings and the people taking part: SQL only. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { EventListItem, EventParticipant } from '../../contracts/events.js';
import type { Database, EventsTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface EventFilter {
  centreIds: number[];
  from?: string;
  to?: string;
}

function filtered(db: Db, filter: EventFilter) {
  let query = db.selectFrom('events').where('events.centreId', 'in', filter.centreIds);
  if (filter.from) query = query.where('events.eventDate', '>=', filter.from);
  if (filter.to) query = query.where('events.eventDate', '<=', filter.to);
  return query;
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
    eb
      .selectFrom('eventParticipants')
      .select((sub) => sub.fn.countAll<number>().as('n'))
      .whereRef('eventParticipants.eventId', '=', 'events.id')
      .as('namedParticipants'),
  ]);
}

type EventRow = {
  id: number;
  centreId: number;
  title: string;
  eventDate: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  meetingPoint: string | null;
  partner: string | null;
  description: string | null;
  otherParticipants: number;
  version: number;
  namedParticipants: number | null;
};

const toListItem = ({ eventDate, namedParticipants, ...row }: EventRow): EventListItem => ({
  ...row,
  date: eventDate,
  namedParticipants: Number(namedParticipants ?? 0),
});

// Events without a time first on both databases (PostgreSQL sorts nulls last, SQLite first).
const startTimeOrder = sql`coalesce(${sql.ref('events.startTime')}, '')`;

/** In date and time order (an events programme reads forwards), a page at a time. */
export async function listEvents(db: Db, filter: EventFilter, page: number, pageSize: number) {
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    withCounts(db, filter)
      .orderBy('events.eventDate')
      .orderBy(startTimeOrder)
      .orderBy('events.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toListItem), total: Number(count.n) };
}

/** Every event matching, in date order: for the annual report (a few dozen a year). */
export async function allEvents(db: Db, filter: EventFilter): Promise<EventListItem[]> {
  if (filter.centreIds.length === 0) return [];
  const rows = await withCounts(db, filter).orderBy('events.eventDate').orderBy(startTimeOrder).orderBy('events.id').execute();
  return rows.map(toListItem);
}

export async function findEvent(db: Db, id: number, centreIds: number[]): Promise<EventListItem | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await withCounts(db, { centreIds }).where('events.id', '=', id).executeTakeFirst();
  return row ? toListItem(row) : undefined;
}

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

/** The ids among `personIds` that are people of this centre. */
export async function peopleOfCentre(db: Db, centreId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('people').select('id').where('id', 'in', personIds).where('centreId', '=', centreId).execute();
  return new Set(rows.map((row) => row.id));
}

/** A new event, without its participants; its id. */
export async function insertEvent(db: Db, values: Insertable<EventsTable>): Promise<number> {
  const row = await db.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceParticipants(db: Db, eventId: number, personIds: number[]) {
  await db.deleteFrom('eventParticipants').where('eventId', '=', eventId).execute();
  if (personIds.length > 0) {
    await db
      .insertInto('eventParticipants')
      .values(personIds.map((personId) => ({ eventId, personId })))
      .execute();
  }
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
