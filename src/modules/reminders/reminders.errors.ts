/** The errors of reminders. */
import { fixedError } from '../../errors/index.js';

/** Reminders by e-mail asked for on a server that sends no e-mail (SMTP_URL unset). */
export const emailUnavailable = fixedError(
  'reminders.email_unavailable',
  409,
  'This server sends no e-mail (SMTP_URL is not set): choose reminders in the app',
);
