/** Reminders (migration 0015-reminders): users' wish for a daily digest, the digests made and their items. */
import type { Generated } from 'kysely';
import type { DueItem } from '../../domain/reminders.js';

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

/** What a digest lists, by reference (a DueItem of domain/reminders.ts): the names are read when it is shown. */
export interface ReminderItemsTable extends Omit<DueItem, 'kind'> {
  id: Generated<number>;
  digestId: number;
  /** permit_expiring | action_overdue | case_silent | course_places */
  kind: string;
}

/** This area's part of `Database` (schema.ts). */
export interface RemindersTables {
  reminderPreferences: ReminderPreferencesTable;
  reminderDigests: ReminderDigestsTable;
  reminderItems: ReminderItemsTable;
}
