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
import { comuneIstat, shortText, updateOf, versionedRecord } from './common.js';
import { messageEn } from './messages/index.js';
import { noticeVersion } from './privacy.js';

/** MM-DD of a real day (29 February included: it exists in leap years). */
export const patronDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, messageEn('calendar.day_not_valid'))
  .refine((day) => isIsoDate(`2024-${day}`), { message: messageEn('calendar.day_not_real') })
  .meta({ example: '09-22' });

export const centreSettingsSchema = versionedRecord('CentreSettings', {
  code: z.string(),
  name: z.string(),
  /** The comune the centre is in (6-digit ISTAT code): the report's residence split is by it. */
  comuneIstat: z.string().nullable(),
  /** The comune's name ("Jesi"), so that pages need no second lookup. */
  comuneName: z.string().nullable(),
  /** The comune's province sigla ("AN"). */
  comuneProvince: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** The patron day as MM-DD: the centre is closed. */
  patronDay: z.string().nullable(),
  /** Percent of a course's lessons a learner attends to have completed it. */
  completionThreshold: z.number(),
  /** The privacy notice's version the centre gives today: a person given another one is warned about. */
  privacyNoticeVersion: z.string(),
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
