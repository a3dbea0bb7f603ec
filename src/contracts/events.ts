/**
 * Events and outings (with their participants and a printable invitation), and network
 * meetings with other bodies (with the catalogue of those bodies).
 */
import { z } from 'zod';
import { catalogueContract } from './catalogues.js';
import {
  centreRecord,
  clockTime,
  createInCentre,
  dayAndHours,
  id,
  isoDate,
  pageQuery,
  pastDate,
  personRef,
  shortText,
  updateOf,
} from './common.js';
import { NETWORK_ORGANISATION_KINDS } from './enums.js';
import { messageEn } from './messages/index.js';
import { periodQuery, summaryPeriodQuery } from './period.js';

export const eventsSummaryQuery = summaryPeriodQuery;
export type EventsSummaryQuery = z.infer<typeof eventsSummaryQuery>;

// --- events and outings

const place = shortText(200).nullable().optional();

const eventInputFields = {
  title: shortText(200).min(1),
  /** Events are planned ahead: a future date is fine. */
  date: isoDate,
  startTime: clockTime.nullable().optional(),
  /** After startTime (and only with one). */
  endTime: clockTime.nullable().optional(),
  place,
  meetingPoint: place,
  /** Who the event is organised with (a museum, an association, a project). */
  partner: place,
  description: shortText(4000).nullable().optional(),
  /** The people of the centre taking part, listed by name (a change sending them replaces the list). */
  participantIds: z.array(id).max(500).default([]),
  /** Participants not registered by name: a count. */
  otherParticipants: z.number().int().min(0).max(100_000).default(0),
};

export const eventCreateInput = createInCentre(eventInputFields);
export type EventCreateInput = z.infer<typeof eventCreateInput>;

export const eventUpdateInput = updateOf(eventInputFields);
export type EventUpdateInput = z.infer<typeof eventUpdateInput>;

const eventFields = {
  title: z.string(),
  ...dayAndHours,
  place: z.string().nullable(),
  meetingPoint: z.string().nullable(),
  partner: z.string().nullable(),
  description: z.string().nullable(),
  /** How many people of the centre are listed by name (not who: that is in the event). */
  namedParticipants: z.number(),
  otherParticipants: z.number(),
};

/** An event without its participants' names: what the lists show, to viewers too. */
export const eventListItem = centreRecord('EventListItem', eventFields);
export type EventListItem = z.infer<typeof eventListItem>;

export const eventParticipant = personRef;
export type EventParticipant = z.infer<typeof eventParticipant>;

/** An event with the people taking part (personal data: personal.read). */
export const eventSchema = centreRecord('Event', { ...eventFields, participants: z.array(eventParticipant) });
export type Event = z.infer<typeof eventSchema>;

export const eventListQuery = periodQuery({ centreId: id.optional(), ...pageQuery });
export type EventListQuery = z.infer<typeof eventListQuery>;

export const eventsSummary = z
  .object({
    events: z.number(),
    /** People listed by name, summed over the events (a person at two events counts twice). */
    namedParticipants: z.number(),
    otherParticipants: z.number(),
    /** namedParticipants + otherParticipants. */
    participants: z.number(),
    /** Distinct people listed by name over the period. */
    distinctPeople: z.number(),
  })
  .meta({ id: 'EventsSummary' });
export type EventsSummary = z.infer<typeof eventsSummary>;

// --- the catalogue of organisations met (per organisation)

export const networkOrganisationContract = catalogueContract({
  id: 'NetworkOrganisation',
  item: { name: z.string(), kind: z.enum(NETWORK_ORGANISATION_KINDS) },
  input: { name: shortText(120).min(1), kind: z.enum(NETWORK_ORGANISATION_KINDS) },
  sorted: false,
});
export type NetworkOrganisation = z.infer<typeof networkOrganisationContract.item>;

// --- network meetings

const meetingFields = {
  /** The day it was held: not in the future (record it once it has taken place). */
  date: pastDate,
  /** The organisations involved, from the catalogue (active ones); a change sending them replaces them. */
  organisationIds: z.array(id).min(1, messageEn('network.organisation_required')).max(50),
  topic: shortText(300).min(1),
  /** What was agreed or learnt. */
  outcome: shortText(4000).nullable().optional(),
};

export const networkMeetingCreateInput = createInCentre(meetingFields);
export type NetworkMeetingCreateInput = z.infer<typeof networkMeetingCreateInput>;

export const networkMeetingUpdateInput = updateOf(meetingFields);
export type NetworkMeetingUpdateInput = z.infer<typeof networkMeetingUpdateInput>;

const organisationRef = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(NETWORK_ORGANISATION_KINDS) });

export const networkMeetingSchema = centreRecord('NetworkMeeting', {
  date: z.string(),
  topic: z.string(),
  outcome: z.string().nullable(),
  organisations: z.array(organisationRef),
});
export type NetworkMeeting = z.infer<typeof networkMeetingSchema>;

export const networkMeetingListQuery = periodQuery({ centreId: id.optional(), organisationId: id.optional(), ...pageQuery });
export type NetworkMeetingListQuery = z.infer<typeof networkMeetingListQuery>;

export const networkMeetingsSummary = z
  .object({
    meetings: z.number(),
    /**
     * Meetings by organisation involved, every active organisation listed (with zeros). A
     * meeting with three organisations counts under each: these do not add up to `meetings`.
     */
    byOrganisation: z.array(organisationRef.extend({ meetings: z.number() })),
  })
  .meta({ id: 'NetworkMeetingsSummary' });
export type NetworkMeetingsSummary = z.infer<typeof networkMeetingsSummary>;
