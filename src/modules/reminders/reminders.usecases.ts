/**
 * Reminders (issue 15): each user's wish (audited), today's digest in the app (made when first
 * asked for, the list of people it shows logged), and the daily run: a digest for every user who
 * wants one and has none today, then the e-mails due. A digest is made once per user and day
 * (unique in the database: two runs or two instances make one); an e-mail is sent by the one run
 * that took it (pending → sending), and one that failed is recorded and tried again by the next
 * run of the day. Nothing here throws for a failure to send.
 */
import type { Kysely } from 'kysely';
import type { ReminderDigest, ReminderItem, ReminderPreference, ReminderPreferenceInput } from '../../contracts/reminders.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import {
  digestEmail,
  REMINDER_RULES,
  type ReminderDelivery,
  type ReminderFacts,
  reminderLocaleOf,
  reminderPath,
  remindersDue,
} from '../../domain/reminders.js';
import { recordChange, recordListing } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Mailer, sendFailureOf } from './mailer.js';
import { emailUnavailable } from './reminders.errors.js';
import {
  claimDigest,
  type DigestRow,
  digestOf,
  digestsToSend,
  insertDigest,
  markDigestEmail,
  namedItems,
  preferenceRow,
  type RemindedUser,
  remindedUsers,
  reminderFacts,
  savePreferenceRow,
} from './reminders.repository.js';

type Db = Kysely<Database>;

/** A digest still sending this long after it was taken died with its run: the next run sends it. */
export const STALE_SENDING_MINUTES = 30;

/** How the server sends the e-mails: no mailer when SMTP_URL is unset. */
export interface ReminderPost {
  mailer: Mailer | null;
  /** PUBLIC_URL: the links of the e-mail. */
  publicUrl: string;
}

// --- the preference

export async function reminderPreferenceFor(db: Db, actor: Actor, emailAvailable: boolean): Promise<ReminderPreference> {
  const row = await preferenceRow(db, actor.userId);
  return {
    delivery: (row?.delivery ?? 'off') as ReminderDelivery,
    email: actor.email,
    emailAvailable,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Sets the user's own wish; e-mail only on a server that sends it (409). Audited with the choice. */
export async function setReminderPreference(
  db: Db,
  actor: Actor,
  input: ReminderPreferenceInput,
  emailAvailable: boolean,
): Promise<ReminderPreference> {
  if (input.delivery === 'email' && !emailAvailable) throw emailUnavailable();
  await inTransaction(db, async (trx) => {
    await savePreferenceRow(trx, actor.userId, input.delivery, new Date().toISOString());
    await recordChange(trx, actor, 'update', 'reminder_preference', { id: actor.userId, centreId: null }, { details: { ...input } });
  });
  return reminderPreferenceFor(db, actor, emailAvailable);
}

// --- digests

const permitsUntil = (today: string) => addDays(today, REMINDER_RULES.permitWithinDays);

/** Makes the user's digest of `today` from the facts (nothing when one exists already); its e-mail pending when they want one and it lists something. */
async function makeDigest(db: Db, user: RemindedUser, facts: ReminderFacts, today: string, now: Date): Promise<boolean> {
  const items = remindersDue(user, facts, today);
  const emailStatus = user.delivery === 'email' && items.length > 0 ? 'pending' : 'none';
  const id = await inTransaction(db, (trx) =>
    insertDigest(trx, { userId: user.userId, digestOn: today, createdAt: now.toISOString(), emailStatus }, items),
  );
  return id !== undefined;
}

async function itemsOf(db: Db, digest: DigestRow): Promise<ReminderItem[]> {
  return (await namedItems(db, digest.id)).map((item) => ({ ...item, path: reminderPath(item) }));
}

/**
 * Today's digest of the logged-in user, made now if the run has not made it yet; nothing when
 * they want none. The people it names are logged as a listing.
 */
export async function todaysDigest(db: Db, actor: Actor, now = new Date()): Promise<ReminderDigest> {
  const today = todayInRome(now);
  const [user] = await remindedUsers(db, { userId: actor.userId });
  if (!user) return { digestOn: today, delivery: 'off', emailStatus: 'none', items: [] };
  let digest = await digestOf(db, user.userId, today);
  if (!digest) {
    await makeDigest(db, user, await reminderFacts(db, user.centreIds, today, permitsUntil(today)), today, now);
    digest = (await digestOf(db, user.userId, today)) as DigestRow;
  }
  // The centres read now bound what is shown: a centre taken from the user since the digest was made is not.
  const items = (await itemsOf(db, digest)).filter((item) => actor.centreIds.includes(item.centreId));
  await recordListing(
    db,
    actor.userId,
    'reminder_digest',
    items.map((item) => item.personId),
  );
  return { digestOn: today, delivery: user.delivery, emailStatus: digest.emailStatus as ReminderDigest['emailStatus'], items };
}

// --- the daily run

export interface ReminderRun {
  digestOn: string;
  /** Digests made by this run. */
  made: number;
  sent: number;
  failed: number;
  /** E-mails due but not tried: the server sends none (SMTP_URL unset). */
  unsent: number;
}

/** Sends the e-mails of today's digests that are due, each taken first so that no other run sends it too. */
async function sendDue(db: Db, post: ReminderPost, today: string, now: Date): Promise<Pick<ReminderRun, 'sent' | 'failed' | 'unsent'>> {
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MINUTES * 60_000).toISOString();
  const due = await digestsToSend(db, today, staleBefore);
  const counts = { sent: 0, failed: 0, unsent: 0 };
  if (!post.mailer) return { ...counts, unsent: due.length };
  for (const digest of due) {
    if (!(await claimDigest(db, digest.id, now.toISOString(), staleBefore))) continue;
    const items = await namedItems(db, digest.id);
    if (items.length === 0) {
      // Everything it listed went with an erased file.
      await markDigestEmail(db, digest.id, { emailStatus: 'none' });
      continue;
    }
    const mail = digestEmail(
      { recipient: digest.displayName, digestOn: digest.digestOn, items },
      reminderLocaleOf(digest.locale),
      post.publicUrl,
    );
    try {
      await post.mailer.send({ to: digest.email, ...mail });
      await markDigestEmail(db, digest.id, { emailStatus: 'sent', emailSentAt: new Date().toISOString() });
      counts.sent++;
    } catch (error) {
      await markDigestEmail(db, digest.id, { emailStatus: 'failed', emailError: sendFailureOf(error) });
      counts.failed++;
    }
  }
  return counts;
}

/**
 * The daily run (every hour by the server's daily jobs, server/daily-job.ts): the digests of the
 * users who want one and have none today, the facts read once for all their centres; then the
 * e-mails due, failed ones of today included.
 */
export async function runReminders(db: Db, post: ReminderPost, now = new Date()): Promise<ReminderRun> {
  const today = todayInRome(now);
  const users = await remindedUsers(db, { withoutDigestOn: today });
  let made = 0;
  if (users.length > 0) {
    const centreIds = [...new Set(users.flatMap((user) => user.centreIds))].sort((a, b) => a - b);
    const facts = await reminderFacts(db, centreIds, today, permitsUntil(today));
    for (const user of users) if (await makeDigest(db, user, facts, today, now)) made++;
  }
  return { digestOn: today, made, ...(await sendDue(db, post, today, now)) };
}
