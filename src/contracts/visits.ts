import { z } from 'zod';
import { catalogueContract, catalogueLabels } from './catalogues.js';
import {
  centreRecord,
  clockTime,
  countryCode,
  deleteQuery,
  id,
  isoDate,
  pageQuery,
  personRef,
  shortText,
  updateOf,
  userRef,
} from './common.js';
import { AGE_BANDS, CHANNELS, GENDERS, ORIGIN_GROUPS, REFERRAL_SOURCES } from './enums.js';
import { messageEn } from './messages/index.js';
import { periodQuery } from './period.js';

export const anonymousVisitor = z.strictObject({
  gender: z.enum(GENDERS),
  citizenship: countryCode,
  ageBand: z.enum(AGE_BANDS),
});

const visitFields = {
  /** Date and time in Europe/Rome; both default to now. Earlier dates are for catch-up. */
  date: isoDate.optional(),
  time: clockTime.optional(),
  channel: z.enum(CHANNELS).default('in_person'),
  referralSource: z.enum(REFERRAL_SOURCES).default('spontaneous'),
  topicIds: z.array(id).min(1, messageEn('visit.topic_required')).max(20),
  notes: shortText(2000).nullable().optional(),
};

export const visitCreateInput = z
  .strictObject({
    centreId: id.optional(),
    personId: id.nullable().optional(),
    anonymous: anonymousVisitor.nullable().optional(),
    ...visitFields,
  })
  .refine((v) => Boolean(v.personId) !== Boolean(v.anonymous), {
    message: messageEn('visit.person_or_anonymous'),
    path: ['personId'],
  });
export type VisitCreateInput = z.infer<typeof visitCreateInput>;

/**
 * A correction: any field, and the visitor: another person (personId), or an anonymous visitor's
 * facts (anonymous; on a person's visit only with personId: null, which takes the person off it).
 */
export const visitUpdateInput = updateOf({ ...visitFields, personId: id.nullable(), anonymous: anonymousVisitor });
export type VisitUpdateInput = z.infer<typeof visitUpdateInput>;

/** Deleting may name the version read (?version=): a visit changed meanwhile is then not deleted unseen. */
export const visitDeleteQuery = deleteQuery.partial();

export const visitSchema = centreRecord('Visit', {
  occurredAt: z.string(),
  date: z.string(),
  time: z.string(),
  channel: z.enum(CHANNELS),
  referralSource: z.enum(REFERRAL_SOURCES),
  person: personRef.nullable(),
  gender: z.enum(GENDERS),
  citizenship: z.string(),
  ageBand: z.enum(AGE_BANDS),
  originGroup: z.enum(ORIGIN_GROUPS),
  topicIds: z.array(z.number()),
  notes: z.string().nullable(),
  operator: userRef.nullable(),
  /**
   * Recorded at a time when the centre was closed (a catch-up: allowed, but flagged). Computed
   * on read: in lists, the person's file and GET/PATCH of one visit; not in the answer of POST.
   */
  outsideOpeningHours: z.boolean().optional(),
});
export type Visit = z.infer<typeof visitSchema>;

/** What a list of visits is filtered by, besides its period (periodQuery adds ?from=&to=). */
export const visitFilters = {
  topicId: id.optional(),
  originGroup: z.enum(ORIGIN_GROUPS).optional(),
  citizenship: countryCode.optional(),
  operatorId: id.optional(),
  centreId: id.optional(),
  personId: id.optional(),
};

export const visitListQuery = periodQuery({ ...visitFilters, ...pageQuery });
export type VisitListQuery = z.infer<typeof visitListQuery>;

/** Aggregated figures: no person filter, no paging. Viewers may cut by period and centre only. */
export const visitSummaryQuery = periodQuery({
  centreId: visitFilters.centreId,
  topicId: visitFilters.topicId,
  originGroup: visitFilters.originGroup,
  citizenship: visitFilters.citizenship,
  operatorId: visitFilters.operatorId,
});
export type VisitSummaryQuery = z.infer<typeof visitSummaryQuery>;

export const visitSummary = z
  .object({
    total: z.number(),
    byOriginGroup: z.record(z.string(), z.number()),
    byGender: z.record(z.string(), z.number()),
    byCitizenship: z.record(z.string(), z.number()),
    byTopic: z.record(z.string(), z.number()),
  })
  .meta({ id: 'VisitSummary' });

/** The request-topic catalogue (tipologie di richiesta). */
export const topicContract = catalogueContract({ id: 'RequestTopic', ...catalogueLabels(100), sorted: true });
export type Topic = z.infer<typeof topicContract.item>;
