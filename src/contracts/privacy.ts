/**
 * Data protection records (issue 14): the privacy notices (informativa) given to a person and
 * what the desk shows of them, and the erasure requests (GDPR art. 17) with their decision.
 */
import { z } from 'zod';
import { id, issue, pageQuery, pastDate, shortText, storedRecord, userRef } from './common.js';

/**
 * The languages a notice is given in (ISO 639-1): Italian, and those the centres' visitors speak
 * most. The web app names them with Intl.DisplayNames.
 */
export const NOTICE_LANGUAGES = [
  'it',
  'en',
  'fr',
  'es',
  'pt',
  'de',
  'ar',
  'ro',
  'sq',
  'uk',
  'ru',
  'zh',
  'bn',
  'ur',
  'pa',
  'hi',
  'ti',
  'so',
  'am',
  'fa',
  'ps',
  'tr',
  'wo',
] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** A notice's version as the organisation names it ("2024-01", "2"). */
export const noticeVersion = shortText(20).min(1);

/** A notice as recorded: never changed (a wrong one is deleted), so without a version. */
export const privacyNoticeSchema = storedRecord('PrivacyNotice', {
  personId: z.number(),
  centreId: z.number(),
  givenOn: z.string(),
  noticeVersion: z.string(),
  language: z.enum(NOTICE_LANGUAGES),
  givenBy: userRef.nullable(),
  createdAt: z.string(),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

/** A notice given: when (not in the future), in which language, and its version (the centre's current one when left out). */
export const privacyNoticeCreateInput = z.strictObject({
  givenOn: pastDate,
  language: z.enum(NOTICE_LANGUAGES),
  noticeVersion: noticeVersion.optional(),
});
export type PrivacyNoticeCreateInput = z.infer<typeof privacyNoticeCreateInput>;

/**
 * Where a person stands: no notice given (missing), the last one given is not the centre's
 * current version (outdated), or it is (current).
 */
export const NOTICE_STATES = ['missing', 'outdated', 'current'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** A person's notices, the latest first, with what the desk warns about. */
export const personPrivacySchema = z
  .object({
    state: z.enum(NOTICE_STATES),
    /** The version the person's centre gives today. */
    currentVersion: z.string(),
    notices: z.array(privacyNoticeSchema),
  })
  .meta({ id: 'PersonPrivacy' });
export type PersonPrivacy = z.infer<typeof personPrivacySchema>;

// --- erasure requests

export const ERASURE_OUTCOMES = ['erased', 'refused'] as const;
export type ErasureOutcome = (typeof ERASURE_OUTCOMES)[number];

/**
 * An erasure request as decided: when it was made, why, and the outcome. Erased: the file is
 * erased with it; refused: the file stays and the refusal says why.
 */
export const erasureRequestInput = z
  .strictObject({
    requestedOn: pastDate,
    reason: shortText(1000).min(1),
    outcome: z.enum(ERASURE_OUTCOMES),
    refusalReason: shortText(1000).nullable().optional(),
  })
  .superRefine((request, ctx) => {
    if (request.outcome === 'refused' && !request.refusalReason) ctx.addIssue(issue('erasure.refusal_reason_required', ['refusalReason']));
    if (request.outcome === 'erased' && request.refusalReason) {
      ctx.addIssue(issue('erasure.refusal_reason_only_when_refused', ['refusalReason']));
    }
  });
export type ErasureRequestInput = z.infer<typeof erasureRequestInput>;

/** A request as decided: kept as it was, without a version. */
export const erasureRequestSchema = storedRecord('ErasureRequest', {
  centreId: z.number(),
  /** The person's id as it was (an erased person has no file any more). */
  personId: z.number(),
  requestedOn: z.string(),
  reason: z.string(),
  outcome: z.enum(ERASURE_OUTCOMES),
  refusalReason: z.string().nullable(),
  decidedBy: userRef.nullable(),
  decidedAt: z.string(),
});
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

export const erasureRequestsQuery = z.strictObject({
  centreId: id.optional(),
  outcome: z.enum(ERASURE_OUTCOMES).optional(),
  ...pageQuery,
});
export type ErasureRequestsQuery = z.infer<typeof erasureRequestsQuery>;
