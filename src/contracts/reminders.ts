/**
 * Reminders (issue 15): each user's wish for a daily digest, and today's digest as the app shows
 * it (each item with the name of whom or what it is about, and where it leads).
 */
import { z } from 'zod';
import { REMINDER_DELIVERIES, REMINDER_KINDS } from './enums.js';

export const reminderPreferenceInput = z.strictObject({
  /** off: no digest; app: in the app; email: in the app and by e-mail. */
  delivery: z.enum(REMINDER_DELIVERIES),
});
export type ReminderPreferenceInput = z.infer<typeof reminderPreferenceInput>;

export const reminderPreferenceSchema = z
  .object({
    delivery: z.enum(REMINDER_DELIVERIES),
    /** Where the e-mail goes (the account's address). */
    email: z.string(),
    /** Whether this server sends e-mail (SMTP_URL set): without it, `email` cannot be chosen. */
    emailAvailable: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ReminderPreference' });
export type ReminderPreference = z.infer<typeof reminderPreferenceSchema>;

export const reminderItemSchema = z.object({
  kind: z.enum(REMINDER_KINDS),
  centreId: z.number(),
  /** The person, the case's person or household, or the course. */
  name: z.string(),
  /** The web app's page the item leads to. */
  path: z.string(),
  personId: z.number().nullable(),
  caseId: z.number().nullable(),
  courseId: z.number().nullable(),
  /** The permit or the plan action. */
  recordId: z.number().nullable(),
  /** The permit's expiry, the action's due day, the case's last note (or opening), the last place freed. */
  dueOn: z.string(),
  /** Days left (permit), days overdue (action), days without a note (case), places free (course). */
  amount: z.number().int(),
  /** For a course: how many people of the centre wait. */
  waiting: z.number().int().nullable(),
});
export type ReminderItem = z.infer<typeof reminderItemSchema>;

export const reminderDigestSchema = z
  .object({
    digestOn: z.string(),
    delivery: z.enum(REMINDER_DELIVERIES),
    /** none: in the app only (or off); pending, sending, sent or failed: its e-mail. */
    emailStatus: z.enum(['none', 'pending', 'sending', 'sent', 'failed']),
    items: z.array(reminderItemSchema),
  })
  .meta({ id: 'ReminderDigest' });
export type ReminderDigest = z.infer<typeof reminderDigestSchema>;
