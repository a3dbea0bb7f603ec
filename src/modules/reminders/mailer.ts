/**
 * The reminders' e-mail through nodemailer's SMTP transport (SMTP_URL, SMTP_FROM). A failure is
 * given back as its code only (ECONNECTION, EAUTH, the server's reply code): neither the URL, which
 * holds the password, nor the message reaches a log or the database.
 */
import nodemailer from 'nodemailer';

/** The SMTP server the digests are sent through (SMTP_URL, SMTP_FROM: see server/config.ts). */
export interface SmtpSettings {
  /** Holds the password: never logged. */
  url: string;
  from: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(smtp: SmtpSettings): Mailer {
  // A server that does not answer is a failure of this run, tried again by the next.
  const transport = nodemailer.createTransport(
    { url: smtp.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 },
    { from: smtp.from },
  );
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

/** What is kept of a failure to send: its kind and the server's reply code, no text. */
export function sendFailureOf(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const kind = typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'ESEND';
  return typeof responseCode === 'number' ? `${kind} ${responseCode}` : kind;
}
