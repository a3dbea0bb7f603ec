/**
 * Reminders (issue 15): each user's wish for a daily digest (off, in the app, in the app and by
 * e-mail), the digests made (one per user per day: a unique key, so that two instances or two
 * runs never make nor send a second one), and their items. An item names what it is about by
 * reference only (the person, the case, the course and the permit or action): the names are read
 * when the digest is shown, and an erased person's items go with their file.
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { createIndexes, irreversible, partOf, required } from './shapes.js';

export function reminders(dialect: DialectName): Migration {
  return irreversible('reminders', dialect, async (db, table) => {
    // No row: off.
    await db.schema
      .createTable('reminder_preferences')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      /** off | app | email */
      .addColumn('delivery', 'text', required)
      .addColumn('updated_at', 'text', required)
      .execute();

    await table
      .partsOf('reminder_digests', 'user_id', 'users.id')
      /** The Europe/Rome day it is the digest of. */
      .addColumn('digest_on', 'text', required)
      .addColumn('created_at', 'text', required)
      /**
       * none (in the app only) | pending | sending | sent | failed: a failed one is tried again by
       * the next run; a run takes a digest to send by setting it sending, so no other sends it too.
       */
      .addColumn('email_status', 'text', required)
      .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      /** When a run took it to send: one still sending long after died with its server, and is tried again. */
      .addColumn('email_claimed_at', 'text')
      .addColumn('email_sent_at', 'text')
      /** Why the last attempt failed (the SMTP error's code, no personal data). */
      .addColumn('email_error', 'text')
      .addUniqueConstraint('reminder_digests_user_day_uq', ['user_id', 'digest_on'])
      .execute();
    await createIndexes(db, 'reminder_digests', { reminder_digests_email_idx: ['email_status', 'digest_on'] });

    await table
      .partsOf('reminder_items', 'digest_id', 'reminder_digests.id')
      /** permit_expiring | action_overdue | case_silent | course_places */
      .addColumn('kind', 'text', required)
      .addColumn('centre_id', 'integer', partOf('centres.id'))
      .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('cascade'))
      .addColumn('case_id', 'integer', (c) => c.references('cases.id').onDelete('cascade'))
      .addColumn('course_id', 'integer', (c) => c.references('courses.id').onDelete('cascade'))
      /** The permit or the plan action (no reference: the item is only a reminder). */
      .addColumn('record_id', 'integer')
      /** The day that makes it due: the permit's expiry, the action's due day, the case's last note, the last place freed. */
      .addColumn('due_on', 'text', required)
      /** Days left or overdue, days silent, or places free. */
      .addColumn('amount', 'integer', required)
      /** For freed course places: how many people of the centre wait. */
      .addColumn('waiting', 'integer')
      .execute();
    await createIndexes(db, 'reminder_items', {
      reminder_items_digest_idx: ['digest_id'],
      reminder_items_person_idx: ['person_id'],
      reminder_items_case_idx: ['case_id'],
      reminder_items_course_idx: ['course_id'],
    });
  });
}
