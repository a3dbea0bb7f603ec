/** Reminders (migration 0015-reminders): users' wish for a daily digest, the digests made and their items. */
import type { Generated } from 'kysely';

/** A user's wish; a user without a row gets no digest. */
export interface ReminderPreferencesTable {
  userId: number;
  /** off | app | email (in the app and by e-mail) */
  delivery: string;
  updatedAt: string;
}

/** One digest per user per Europe/Rome day (unique). */
export interface ReminderDigestsTable {
  id: Generated<number>;
  userId: number;
  digestOn: string;
  createdAt: string;
  /** none | pending | sending | sent | failed */
  emailStatus: string;
  emailAttempts: Generated<number>;
  emailClaimedAt: string | null;
  emailSentAt: string | null;
  /** The last failure's SMTP code or kind (no personal data). */
  emailError: string | null;
}

/** What a digest lists, by reference: the names are read when it is shown. */
export interface ReminderItemsTable {
  id: Generated<number>;
  digestId: number;
  /** permit_expiring | action_overdue | case_silent | course_places */
  kind: string;
  centreId: number;
  personId: number | null;
  caseId: number | null;
  courseId: number | null;
  /** The permit or the plan action. */
  recordId: number | null;
  dueOn: string;
  amount: number;
  waiting: number | null;
}

/** This area's part of `Database` (schema.ts). */
export interface RemindersTables {
  reminderPreferences: ReminderPreferencesTable;
  reminderDigests: ReminderDigestsTable;
  reminderItems: ReminderItemsTable;
}
