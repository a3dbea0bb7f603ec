/**
 * What the annual report takes from this area: the network meetings of a year (section 6,
 * "Incontri di rete") and the events and outings (section 9, "Eventi"). No personal data: the
 * people listed at events are counted, never named.
 */
import type { Kysely } from 'kysely';
import type { EventListItem, NetworkMeeting, NetworkMeetingsSummary } from '../../contracts/events.js';
import type { Database } from '../../db/schema.js';
import { type EventTotals, eventTotals } from '../../domain/events.js';
import { NETWORK_ORGANISATIONS } from '../catalogues/catalogues.js';
import { catalogueOfCentres } from '../catalogues/catalogues.repository.js';
import { allEvents, distinctParticipants } from './events.repository.js';
import { allMeetings, summariseMeetings } from './network.repository.js';

type Db = Kysely<Database>;

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export interface EventsOfYear {
  /** In date order, each with its participants counted (named and others). */
  events: EventListItem[];
  totals: EventTotals & { distinctPeople: number };
}

/**
 * The events of year Y in these centres. Dates are ISO: italianLongDate (domain/events.ts)
 * writes them with their weekday.
 */
export async function eventsOfYear(db: Db, centreIds: number[], year: number): Promise<EventsOfYear> {
  const filter = { centreIds, ...yearRange(year) };
  const [events, distinctPeople] = await Promise.all([allEvents(db, filter), distinctParticipants(db, filter)]);
  return { events, totals: { ...eventTotals(events), distinctPeople } };
}

export interface NetworkMeetingsOfYear extends NetworkMeetingsSummary {
  /** In date order, each with its organisations, topic and outcome notes. */
  list: NetworkMeeting[];
}

/**
 * The network meetings of year Y in these centres: how many, how many involved each
 * organisation of the catalogue (a meeting counts under each it involved; the active
 * organisations not met are listed at zero), and the list.
 */
export async function networkMeetingsOfYear(db: Db, centreIds: number[], year: number): Promise<NetworkMeetingsOfYear> {
  const filter = { centreIds, ...yearRange(year) };
  const [list, summary] = await Promise.all([
    allMeetings(db, filter),
    catalogueOfCentres(db, NETWORK_ORGANISATIONS, centreIds).then((catalogue) => summariseMeetings(db, catalogue, filter)),
  ]);
  return { ...summary, list };
}
