import { z } from 'zod';
import { DEFAULT_WITHIN_DAYS, MAX_WITHIN_DAYS, MIN_WITHIN_DAYS } from '../domain/deadlines.js';
import {
  countryCode,
  id,
  isoDate,
  pastDate,
  personRef,
  shortText,
  timestamps,
  updateOf,
  userRef,
  version,
  versionedRecord,
} from './common.js';
import { IDENTITY_DOCUMENT_KINDS, PERMIT_TYPES, RENEWAL_STATUSES } from './enums.js';

/** What every document has, as written: its number, the day it was issued and the day it expires. */
const documentInput = {
  number: shortText(40).min(1).nullable().optional(),
  issuedOn: pastDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
};

/** The same, as answered. */
const documentRead = { number: z.string().nullable(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable() };

/** Whose document it is: a person of one centre. */
const owner = { personId: z.number(), centreId: z.number() };

// --- residence permits (permessi di soggiorno)

const permitFields = {
  permitType: z.enum(PERMIT_TYPES),
  /** expiresOn is required, but for an EU long-term permit (which may have none). */
  ...documentInput,
  renewalStatus: z.enum(RENEWAL_STATUSES).optional(),
  notes: shortText(1000).nullable().optional(),
};

/** Dates are checked together with the stored record (an update may change one of them): see the use cases. */
export const permitCreateInput = z.strictObject(permitFields);
export type PermitCreateInput = z.infer<typeof permitCreateInput>;

export const permitUpdateInput = updateOf(permitFields);
export type PermitUpdateInput = z.infer<typeof permitUpdateInput>;

export const permitSchema = versionedRecord('ResidencePermit', {
  ...owner,
  permitType: z.enum(PERMIT_TYPES),
  ...documentRead,
  renewalStatus: z.enum(RENEWAL_STATUSES),
  /** Another permit of the person expires later (or never): this one is history, not a deadline. */
  superseded: z.boolean(),
  notes: z.string().nullable(),
  /** The day the person was last contacted about this permit's deadline (Scadenze), and the user id who did. */
  contactedOn: z.string().nullable(),
  contactedBy: z.number().nullable(),
  ...timestamps,
});
export type Permit = z.infer<typeof permitSchema>;

/** "Contattato": the person was contacted about the deadline, today unless said; the caller is who contacted. */
export const permitContactInput = z.strictObject({ version, contactedOn: pastDate.optional() });
export type PermitContactInput = z.infer<typeof permitContactInput>;

/**
 * "Rinnovato": the permit was renewed. It is marked renewed (and leaves the Scadenze) and the new
 * permit is recorded with its expiry, after the old one's; of the same type unless said.
 */
export const permitRenewalInput = z.strictObject({
  version,
  expiresOn: isoDate,
  issuedOn: pastDate.nullable().optional(),
  number: documentInput.number,
  permitType: z.enum(PERMIT_TYPES).optional(),
});
export type PermitRenewalInput = z.infer<typeof permitRenewalInput>;

// --- identity documents

const identityDocumentFields = {
  kind: z.enum(IDENTITY_DOCUMENT_KINDS),
  ...documentInput,
  /** ISO 3166-1 alpha-2 of the issuing state (or territory); unknown is left empty. */
  issuingCountry: countryCode.nullable().optional(),
};

export const identityDocumentCreateInput = z.strictObject(identityDocumentFields);
export type IdentityDocumentCreateInput = z.infer<typeof identityDocumentCreateInput>;

export const identityDocumentUpdateInput = updateOf(identityDocumentFields);
export type IdentityDocumentUpdateInput = z.infer<typeof identityDocumentUpdateInput>;

export const identityDocumentSchema = versionedRecord('IdentityDocument', {
  ...owner,
  kind: z.enum(IDENTITY_DOCUMENT_KINDS),
  ...documentRead,
  issuingCountry: z.string().nullable(),
  ...timestamps,
});
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;

// --- Scadenze (deadlines)

const withinDays = z.coerce.number().int().min(MIN_WITHIN_DAYS).max(MAX_WITHIN_DAYS).default(DEFAULT_WITHIN_DAYS);

export const deadlinesQuery = z.strictObject({
  withinDays,
  centreId: id.optional(),
  /** How many items each list carries: a first screenful by default, up to DEADLINE_LIST_LIMIT. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeadlinesQuery = z.infer<typeof deadlinesQuery>;

export const deadlineItem = z
  .object({
    permitId: z.number(),
    centreId: z.number(),
    person: personRef,
    permitType: z.enum(PERMIT_TYPES),
    number: z.string().nullable(),
    expiresOn: z.string(),
    /** 0 on the last valid day, negative once expired. */
    daysLeft: z.number(),
    renewalStatus: z.enum(RENEWAL_STATUSES),
    /** The person's telephone, to call about the deadline. */
    phone: z.string().nullable(),
    /** The last contact about this deadline: the day and who. */
    contacted: z.object({ on: z.string(), by: userRef.nullable() }).nullable(),
    version: z.number(),
  })
  .meta({ id: 'DeadlineItem' });
export type DeadlineItem = z.infer<typeof deadlineItem>;

/** The most items a list carries; the totals say how many there are in all. */
export const DEADLINE_LIST_LIMIT = 500;

export const deadlinesSchema = z
  .object({
    today: z.string(),
    /** The last day of the window (today + withinDays). */
    until: z.string(),
    withinDays: z.number(),
    /** Expiring from today to `until`, soonest first. */
    expiring: z.array(deadlineItem),
    /** Expired before today, the most recently expired first. */
    expired: z.array(deadlineItem),
    expiringTotal: z.number(),
    expiredTotal: z.number(),
  })
  .meta({ id: 'Deadlines' });
export type Deadlines = z.infer<typeof deadlinesSchema>;

export const deadlineCountsSchema = z.object({ expiring: z.number(), expired: z.number() }).meta({ id: 'DeadlineCounts' });
export type DeadlineCounts = z.infer<typeof deadlineCountsSchema>;
