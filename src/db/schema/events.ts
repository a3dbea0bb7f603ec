/** Events and network meetings (migration 0003-activities-calendar). */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export interface EventsTable extends Editable {
  id: Generated<number>;
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
}

export interface EventParticipantsTable {
  eventId: number;
  personId: number;
}

export interface NetworkOrganisationsTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  name: string;
  kind: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMeetingsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  heldOn: string;
  topic: string;
  outcome: string | null;
}

export interface NetworkMeetingOrganisationsTable {
  meetingId: number;
  networkOrganisationId: number;
}

/** This area\'s part of `Database` (schema.ts). */
export interface EventsTables {
  events: EventsTable;
  eventParticipants: EventParticipantsTable;
  networkOrganisations: NetworkOrganisationsTable;
  networkMeetings: NetworkMeetingsTable;
  networkMeetingOrganisations: NetworkMeetingOrganisationsTable;
}
