/**
 * Retention (issue 14): how long the organisation keeps a person's file after the last contact,
 * the preview of the files due for removal and why, and the log of retention runs.
 */
import { z } from 'zod';
import { RETENTION_MAX_YEARS, RETENTION_MIN_YEARS, RETENTION_REASONS } from '../domain/retention.js';
import { id, issue, pageOf, pageQuery, personNames, storedRecord, userRef } from './common.js';

const years = z.number().int().min(RETENTION_MIN_YEARS).max(RETENTION_MAX_YEARS);

/** The organisation's settings as set: off (nothing removed) until an administrator turns them on. */
export const retentionSettingsInput = z
  .strictObject({
    enabled: z.boolean(),
    /** Years kept after the last contact for a person never in care. */
    yearsAfterContact: years,
    /** Years kept after the last contact for a person whose cases (own or household's) are all closed. */
    yearsAfterCase: years,
  })
  .superRefine((settings, ctx) => {
    // A file with a case is kept at least as long as one without.
    if (settings.yearsAfterCase < settings.yearsAfterContact) {
      ctx.addIssue(issue('retention.case_years_below_contact_years', ['yearsAfterCase']));
    }
  });
export type RetentionSettingsInput = z.infer<typeof retentionSettingsInput>;

export const retentionSettingsSchema = z
  .object({
    enabled: z.boolean(),
    yearsAfterContact: z.number().int(),
    yearsAfterCase: z.number().int(),
    /** Who set them last, and when (null: never set, the defaults). */
    updatedBy: userRef.nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'RetentionSettings' });
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export { RETENTION_REASONS, type RetentionReason } from '../domain/retention.js';

/** A file due for removal: whose, in which centre, the last contact and why. */
export const retentionCandidateSchema = z
  .object({
    personId: z.number(),
    ...personNames,
    centreId: z.number(),
    lastContact: z.string(),
    reason: z.enum(RETENTION_REASONS),
    /** The day the years kept ended. */
    dueOn: z.string(),
  })
  .meta({ id: 'RetentionCandidate' });
export type RetentionCandidate = z.infer<typeof retentionCandidateSchema>;

export const retentionPreviewQuery = z.strictObject({ centreId: id.optional(), ...pageQuery });
export type RetentionPreviewQuery = z.infer<typeof retentionPreviewQuery>;

/** A page of the files due in the reader's centres, with the day it was computed for and the whole organisation's count. */
export const retentionPreviewSchema = pageOf(retentionCandidateSchema)
  .extend({
    today: z.string(),
    enabled: z.boolean(),
    /** How many files a run would remove now in the whole organisation (a count, no names). */
    dueInOrganisation: z.number().int(),
  })
  .meta({ id: 'RetentionPreview' });
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const RETENTION_TRIGGERS = ['manual', 'scheduled'] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

/** running; then completed or failed; skipped when another run was going; interrupted when found running after a stop. */
export const RETENTION_OUTCOMES = ['running', 'completed', 'failed', 'skipped', 'interrupted'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

export const retentionRunSchema = storedRecord('RetentionRun', {
  trigger: z.enum(RETENTION_TRIGGERS),
  /** Who ran it (null: the daily schedule). */
  startedBy: userRef.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(RETENTION_OUTCOMES),
  peopleRemoved: z.number().int(),
  yearsAfterContact: z.number().int(),
  yearsAfterCase: z.number().int(),
  /** Why it was skipped or failed. */
  detail: z.string().nullable(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionRunsQuery = z.strictObject({ ...pageQuery });
export type RetentionRunsQuery = z.infer<typeof retentionRunsQuery>;
