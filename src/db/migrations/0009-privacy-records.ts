/**
 * Data protection records (issue 14): the privacy notices (informativa) given to a person, the
 * erasure requests (GDPR art. 17) and how each was decided, and the centre's current notice
 * version (a setting of the centre, as its other settings).
 * Typed as Kysely<any> on purpose: a migration is frozen in time.
 */
import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { addColumnTo, byUser, createIndexes, irreversible, partOf, required } from './shapes.js';

export function privacyRecords(dialect: DialectName): Migration {
  return irreversible('privacy records', dialect, async (db, table) => {
    // The version of the notice the centre gives today ("2024-01"): a notice of another version is out of date.
    await addColumnTo(db, 'centres', 'privacy_notice_version', 'text', (c) => c.notNull().defaultTo('1'));

    // A notice given to a person: when, which version, in which language, by whom. Goes with the person's file.
    await table
      .ofCentre('privacy_notices')
      .addColumn('person_id', 'integer', partOf('people.id'))
      .addColumn('given_on', 'text', required)
      .addColumn('notice_version', 'text', required)
      /** ISO 639-1 code of the notice's language. */
      .addColumn('language', 'text', required)
      .addColumn('given_by', 'integer', byUser)
      .addColumn('created_at', 'text', required)
      .execute();
    await createIndexes(db, 'privacy_notices', { privacy_notices_person_idx: ['person_id', 'given_on'] });

    // An erasure request and its decision. The person's id is a plain number: an erased person's row goes.
    await table
      .ofCentre('erasure_requests')
      .addColumn('person_id', 'integer', required)
      .addColumn('requested_on', 'text', required)
      .addColumn('reason', 'text', required)
      /** erased | refused */
      .addColumn('outcome', 'text', required)
      .addColumn('refusal_reason', 'text')
      .addColumn('decided_by', 'integer', byUser)
      .addColumn('decided_at', 'text', required)
      .execute();
    await createIndexes(db, 'erasure_requests', { erasure_requests_centre_idx: ['centre_id', 'decided_at'] });
  });
}
