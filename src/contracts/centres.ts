/**
 * A centre's own settings, one resource (`GET/PATCH /centres/{id}/settings`): its name, its
 * comune (ISTAT code, answered with the comune's name), its contacts for the public page, the
 * report and the invitations, its patron day (the calendar closes it), the share of lessons
 * that completes a course and the version of the privacy notice it gives. Versioned by the
 * centre's settings version.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { email } from './auth.js';
import { centreContacts, comuneIstat, shortText, updateOf, versionedRecord } from './common.js';
import { messageEn } from './messages/index.js';
import { noticeVersion } from './privacy.js';

/** MM-DD of a real day (29 February included: it exists in leap years). */
export const patronDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, messageEn('calendar.day_not_valid'))
  .refine((day) => isIsoDate(`2024-${day}`), { message: messageEn('calendar.day_not_real') })
  .meta({ example: '09-22' });

/** A centre's logo (or its Comune's stemma) for the report's cover: PNG or JPEG, at most 1 MB and 4000 pixels a side. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MAX_PIXELS = 4000;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** What is known of the logo (its bytes are GET /centres/{id}/logo). */
export const centreLogoSchema = z
  .strictObject({
    mediaType: z.enum(LOGO_TYPES),
    byteSize: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'CentreLogo' });
export type CentreLogo = z.infer<typeof centreLogoSchema>;

export const centreSettingsSchema = versionedRecord('CentreSettings', {
  code: z.string(),
  name: z.string(),
  /** The comune the centre is in (6-digit ISTAT code): the report's residence split is by it. */
  comuneIstat: z.string().nullable(),
  /** The comune's name ("Jesi"), so that pages need no second lookup. */
  comuneName: z.string().nullable(),
  /** The comune's province sigla ("AN"). */
  comuneProvince: z.string().nullable(),
  ...centreContacts,
  /** The patron day as MM-DD: the centre is closed. */
  patronDay: z.string().nullable(),
  /** Percent of a course's lessons a learner attends to have completed it. */
  completionThreshold: z.number(),
  /** The privacy notice's version the centre gives today: a person given another one is warned about. */
  privacyNoticeVersion: z.string(),
  /** The logo on the report's cover, null when none is set (not part of the settings' version: PUT/DELETE /centres/{id}/logo). */
  logo: centreLogoSchema.nullable(),
});
export type CentreSettings = z.infer<typeof centreSettingsSchema>;

/** The settings a centre is created with (first-run setup, `approdo user add`): all optional. */
export const centrePlaceFields = {
  comuneIstat: comuneIstat.nullable(),
  address: shortText(300).nullable(),
  phone: shortText(40).nullable(),
  email: email.nullable(),
};

export const centreSettingsUpdateInput = updateOf({
  name: shortText(200).min(1),
  ...centrePlaceFields,
  patronDay: patronDay.nullable(),
  completionThreshold: z.number().int().min(1).max(100),
  privacyNoticeVersion: noticeVersion,
});
export type CentreSettingsUpdateInput = z.infer<typeof centreSettingsUpdateInput>;
