/**
 * Reminders: all the SQL. The facts the rules of domain/reminders.ts decide on (read once per run
 * for every reminded user's centres), users' preferences, the digests and their items, and the
 * e-mails' state. A digest is unique per user and day: a second insert does nothing.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { groupBy, groupsOf, joinPersonNames } from '../../db/joined.js';
import { relatedCount, saveRowByKey } from '../../db/queries.js';
import type { Database, ReminderDigestsTable } from '../../db/schema.js';
import type { Role } from '../../domain/permissions.js';
import {
  type ActionFact,
  type CaseFact,
  type CourseFact,
  type DueItem,
  type PermitFact,
  REMINDED_ROLES,
  type ReminderDelivery,
  type ReminderFacts,
  type ReminderKind,
} from '../../domain/reminders.js';
import { overdueActions } from '../cases/plan.repository.js';
import { watchedPermits } from '../documents/documents.repository.js';

type Db = Kysely<Database>;
export type DigestRow = Selectable<ReminderDigestsTable>;

// --- preferences

export async function preferenceRow(db: Db, userId: number) {
  return db.selectFrom('reminderPreferences').selectAll().where('userId', '=', userId).executeTakeFirst();
}

export async function savePreferenceRow(db: Db, userId: number, delivery: ReminderDelivery, at: string): Promise<void> {
  await saveRowByKey(db, 'reminderPreferences', 'userId', { userId, delivery, updatedAt: at });
}

export interface RemindedUser {
  userId: number;
  role: Role;
  email: string;
  displayName: string;
  locale: string;
  delivery: ReminderDelivery;
  centreIds: number[];
}

/**
 * The active users who read personal files and want a digest, with their centres: only `userId`
 * when given, only those without a digest of `withoutDigestOn` when given.
 */
export async function remindedUsers(db: Db, only: { userId?: number; withoutDigestOn?: string } = {}): Promise<RemindedUser[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('reminderPreferences as rp', 'rp.userId', 'users.id')
    .select(['users.id as userId', 'users.role', 'users.email', 'users.displayName', 'users.locale', 'rp.delivery'])
    .where('users.active', '=', 1)
    .where('users.role', 'in', REMINDED_ROLES)
    .where('rp.delivery', '!=', 'off');
  if (only.userId !== undefined) query = query.where('users.id', '=', only.userId);
  const day = only.withoutDigestOn;
  if (day !== undefined) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('reminderDigests as d').select('d.id').whereRef('d.userId', '=', 'users.id').where('d.digestOn', '=', day))),
    );
  }
  const users = await query.orderBy('users.id').execute();
  const centres = await groupsOf(
    users.map((user) => user.userId),
    (userIds) => db.selectFrom('userCentres').select(['userId', 'centreId']).where('userId', 'in', userIds).orderBy('centreId').execute(),
    (row) => row.userId,
    (row) => row.centreId,
  );
  return users.map((user) => ({
    ...user,
    role: user.role as Role,
    delivery: user.delivery as ReminderDelivery,
    centreIds: centres.get(user.userId) ?? [],
  }));
}

// --- facts

/** Permits the Scadenze page watches (renewal open, not superseded) expiring from `today` to `until`, with the responsible operators of the open cases naming their person. */
async function permitFacts(db: Db, centreIds: readonly number[], today: string, until: string): Promise<PermitFact[]> {
  const watched = watchedPermits(db, centreIds, until).where('rp.expiresOn', '>=', today);
  const permits = await watched.select(['rp.id as permitId', 'rp.centreId', 'rp.personId', 'rp.expiresOn']).orderBy('rp.id').execute();
  const responsible = await db
    .selectFrom('caseMembers as cm')
    .innerJoin('cases as c', 'c.id', 'cm.caseId')
    .select(['cm.personId', 'c.responsibleId'])
    .distinct()
    .where('c.status', '=', 'open')
    .where('c.responsibleId', 'is not', null)
    .where('cm.personId', 'in', watched.select('rp.personId'))
    .execute();
  const responsibleOf = groupBy(
    responsible,
    // Both are set: the query asks for the members among the permits' people, of cases with someone responsible.
    (row) => row.personId as number,
    (row) => row.responsibleId as number,
  );
  return permits.map((permit) => ({
    ...permit,
    expiresOn: permit.expiresOn as string,
    responsibleIds: responsibleOf.get(permit.personId) ?? [],
  }));
}

/** Plan actions to do or in progress, of open cases, due before `today`. */
function actionFacts(db: Db, centreIds: readonly number[], today: string): Promise<ActionFact[]> {
  return overdueActions(db, { centreIds, today })
    .select([
      'caseActions.id as actionId',
      'caseActions.caseId',
      'cases.centreId',
      'cases.personId',
      sql<string>`${sql.ref('caseActions.dueOn')}`.as('dueOn'),
      'cases.responsibleId',
      'caseActions.assigneeId',
    ])
    .orderBy('caseActions.id')
    .execute();
}

/** Open cases with their last diary note's day. */
function caseFacts(db: Db, centreIds: readonly number[]): Promise<CaseFact[]> {
  return db
    .selectFrom('cases as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('caseNotes')
          .select(['caseId', (n) => n.fn.max('noteDate').as('lastNoteOn')])
          .groupBy('caseId')
          .as('n'),
      (join) => join.onRef('n.caseId', '=', 'c.id'),
    )
    .select([
      'c.id as caseId',
      'c.centreId',
      'c.personId',
      'c.responsibleId',
      'c.openedOn',
      sql<string | null>`n.last_note_on`.as('lastNoteOn'),
    ])
    .where('c.centreId', 'in', centreIds)
    .where('c.status', '=', 'open')
    .orderBy('c.id')
    .execute();
}

/** Courses not yet ended with a capacity: enrolled now, the last withdrawal, and how many wait in the centre. */
async function courseFacts(db: Db, centreIds: readonly number[], today: string): Promise<CourseFact[]> {
  const rows = await db
    .selectFrom('courses as co')
    .select((eb) => [
      'co.id as courseId',
      'co.centreId',
      'co.endDate',
      'co.capacity',
      relatedCount(eb, 'enrolments', 'enrolments.courseId', 'co.id').where('enrolments.withdrawnOn', 'is', null).as('enrolled'),
      eb
        .selectFrom('enrolments as e')
        .select((e) => e.fn.max('e.withdrawnOn').as('d'))
        .whereRef('e.courseId', '=', 'co.id')
        .as('lastWithdrawnOn'),
      relatedCount(eb, 'waitingListEntries', 'waitingListEntries.centreId', 'co.centreId')
        .where('waitingListEntries.status', '=', 'waiting')
        .as('waiting'),
    ])
    .where('co.centreId', 'in', centreIds)
    .where('co.endDate', '>=', today)
    .where('co.capacity', 'is not', null)
    .orderBy('co.id')
    .execute();
  return rows.map((row) => ({
    ...row,
    enrolled: Number(row.enrolled),
    waiting: Number(row.waiting),
    lastWithdrawnOn: (row.lastWithdrawnOn as string | null) ?? null,
  }));
}

/** Everything the rules may list in these centres on `today`. */
export async function reminderFacts(db: Db, centreIds: readonly number[], today: string, permitsUntil: string): Promise<ReminderFacts> {
  if (centreIds.length === 0) return { permits: [], actions: [], cases: [], courses: [] };
  return {
    permits: await permitFacts(db, centreIds, today, permitsUntil),
    actions: await actionFacts(db, centreIds, today),
    cases: await caseFacts(db, centreIds),
    courses: await courseFacts(db, centreIds, today),
  };
}

// --- digests

export function digestOf(db: Db, userId: number, digestOn: string): Promise<DigestRow | undefined> {
  return db.selectFrom('reminderDigests').selectAll().where('userId', '=', userId).where('digestOn', '=', digestOn).executeTakeFirst();
}

/** Today's digest of a user with its items, unless one was made already (by another run or instance): then nothing. */
export async function insertDigest(
  db: Db,
  digest: { userId: number; digestOn: string; createdAt: string; emailStatus: 'none' | 'pending' },
  items: readonly DueItem[],
): Promise<number | undefined> {
  const row = await db
    .insertInto('reminderDigests')
    .values(digest)
    .onConflict((conflict) => conflict.columns(['userId', 'digestOn']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return undefined;
  if (items.length > 0)
    await db
      .insertInto('reminderItems')
      .values(items.map((item) => ({ ...item, digestId: row.id })))
      .execute();
  return row.id;
}

export interface NamedItemRow extends DueItem {
  name: string;
}

/** A digest's items, each with the name of its person, its case's household or its course (an erased person's are gone). */
export async function namedItems(db: Db, digestId: number): Promise<NamedItemRow[]> {
  const items = db
    .selectFrom('reminderItems as i')
    .leftJoin('cases as c', 'c.id', 'i.caseId')
    .leftJoin('households as h', 'h.id', 'c.householdId')
    .leftJoin('courses as co', 'co.id', 'i.courseId')
    .select([
      'i.kind',
      'i.centreId',
      'i.personId',
      'i.caseId',
      'i.courseId',
      'i.recordId',
      'i.dueOn',
      'i.amount',
      'i.waiting',
      'h.name as householdName',
      'co.title as courseTitle',
    ])
    .where('i.digestId', '=', digestId)
    .orderBy('i.id');
  const rows = await joinPersonNames(items, 'i.personId').execute();
  return rows.map(({ givenNames, familyNames, householdName, courseTitle, ...item }) => ({
    ...item,
    kind: item.kind as ReminderKind,
    name: courseTitle ?? (givenNames !== null ? `${givenNames} ${familyNames}` : (householdName ?? '—')),
  }));
}

// --- e-mails

/** A digest whose e-mail is to send: pending, failed, or sending since before `staleBefore` (its run died). */
const emailDue = (staleBefore: string) =>
  sql<boolean>`(email_status in ('pending', 'failed') or (email_status = 'sending' and email_claimed_at < ${staleBefore}))`;

/** Today's digests whose e-mail is due, of users who still want e-mail. */
export async function digestsToSend(db: Db, digestOn: string, staleBefore: string) {
  return db
    .selectFrom('reminderDigests as d')
    .innerJoin('reminderPreferences as rp', 'rp.userId', 'd.userId')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select(['d.id', 'd.userId', 'd.digestOn', 'u.email', 'u.displayName', 'u.locale'])
    .where('d.digestOn', '=', digestOn)
    .where('u.active', '=', 1)
    .where('rp.delivery', '=', 'email')
    .where(emailDue(staleBefore))
    .orderBy('d.id')
    .execute();
}

/** Takes a digest to send: true for the one run that set it sending (no other run sends it). */
export async function claimDigest(db: Db, digestId: number, at: string, staleBefore: string): Promise<boolean> {
  const result = await db
    .updateTable('reminderDigests')
    .set({ emailStatus: 'sending', emailClaimedAt: at, emailAttempts: sql`email_attempts + 1` })
    .where('id', '=', digestId)
    .where(emailDue(staleBefore))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDigestEmail(
  db: Db,
  digestId: number,
  outcome: { emailStatus: 'sent' | 'failed' | 'none'; emailSentAt?: string; emailError?: string | null },
): Promise<void> {
  await db
    .updateTable('reminderDigests')
    .set({ emailStatus: outcome.emailStatus, emailSentAt: outcome.emailSentAt ?? null, emailError: outcome.emailError ?? null })
    .where('id', '=', digestId)
    .execute();
}
