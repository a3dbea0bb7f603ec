/** Waiting lists: who waits for which kind of course, their placing, and the counts of a period. */
import { z } from 'zod';
import { centreRecord, id, isoDate, pageQuery, pastDate, shortText, updateOf, version } from './common.js';
import { enrolmentSchema } from './course-enrolments.js';
import { learnerRef } from './course-fields.js';
import { ENROLMENT_PROGRAMMES, WAITING_LIST_KINDS, WAITING_LIST_PRIORITIES, WAITING_LIST_STATUSES } from './enums.js';
import { messageEn } from './messages/index.js';
import { inOrder, summaryPeriodQuery } from './period.js';

export const waitingListEntrySchema = centreRecord('WaitingListEntry', {
  kind: z.enum(WAITING_LIST_KINDS),
  person: learnerRef,
  requestedOn: z.string(),
  priority: z.number(),
  status: z.enum(WAITING_LIST_STATUSES),
  closedOn: z.string().nullable(),
  /** From the request to the placing or withdrawal, or to today: computed. */
  daysWaited: z.number(),
  enrolment: z.object({ id: z.number(), courseId: z.number(), courseTitle: z.string() }).nullable(),
  notes: z.string().nullable(),
});
export type WaitingListEntry = z.infer<typeof waitingListEntrySchema>;

const priority = z
  .number()
  .int()
  .refine((p) => (WAITING_LIST_PRIORITIES as readonly number[]).includes(p), { message: messageEn('waiting_list.priority_not_valid') });

const entryFields = {
  kind: z.enum(WAITING_LIST_KINDS),
  /** Defaults to today (Europe/Rome). */
  requestedOn: pastDate.optional(),
  priority: priority.default(0),
  notes: shortText(1000).nullable().optional(),
};

export const waitingListCreateInput = z.strictObject({ ...entryFields, personId: id });
export type WaitingListCreateInput = z.infer<typeof waitingListCreateInput>;

/** Corrections, and the withdrawal (status withdrawn, closedOn defaults to today). Placing has its own route. */
export const waitingListUpdateInput = updateOf({
  ...entryFields,
  status: z.enum(['waiting', 'withdrawn']),
  closedOn: pastDate,
}).refine((v) => inOrder(v.requestedOn, v.closedOn), { message: messageEn('waiting_list.closed_before_request'), path: ['closedOn'] });
export type WaitingListUpdateInput = z.infer<typeof waitingListUpdateInput>;

export const placeInput = z.strictObject({
  /** The entry's version, as read. */
  version,
  courseId: id,
  programme: z.enum(ENROLMENT_PROGRAMMES),
  /** Defaults to today; also the entry's closing date. */
  enrolledOn: isoDate.optional(),
});
export type PlaceInput = z.infer<typeof placeInput>;

export const placeResult = z.object({ entry: waitingListEntrySchema, enrolment: enrolmentSchema }).meta({ id: 'WaitingListPlacement' });

export const waitingListQuery = z.strictObject({
  kind: z.enum(WAITING_LIST_KINDS).optional(),
  status: z.enum(WAITING_LIST_STATUSES).optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type WaitingListQuery = z.infer<typeof waitingListQuery>;

export const waitingSummaryQuery = summaryPeriodQuery;
export type WaitingSummaryQuery = z.infer<typeof waitingSummaryQuery>;

const waitingCounts = z.object({
  /** Requests made in the period, by their status now: they add up. */
  requested: z.number(),
  waiting: z.number(),
  placed: z.number(),
  withdrawn: z.number(),
  /** Requests made up to the period's end and still open on that day (the unmet demand). */
  waitingAtEnd: z.number(),
});

export const waitingSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: waitingCounts,
    /** Every kind, with zeros. */
    byKind: z.record(z.enum(WAITING_LIST_KINDS), waitingCounts),
  })
  .meta({ id: 'WaitingListSummary' });
export type WaitingSummary = z.infer<typeof waitingSummarySchema>;
