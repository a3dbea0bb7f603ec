/**
 * People in care: households, cases with their periods, members, plan (goals and actions),
 * diary and referrals; residence permits and identity documents; applications (with their
 * catalogue), the public PC station's log and the lawyer's consultations.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { bilingualLabels, bytewiseText, createIndexes, editable, irreversible, partOf, seedCatalogue } from './shapes.js';

/** The default application types at the time of this migration: code, labels, level, Anagrafe (1). */
const APPLICATION_TYPES_0002: Array<[string, string, string, string, number]> = [
  ['child_allowance', 'Assegno unico universale', 'Universal child allowance', 'national', 0],
  ['social_bonus_isee', 'Bonus sociale luce e gas / ISEE', 'Social bonus for electricity and gas / ISEE', 'national', 0],
  ['purchase_card', 'Carta acquisti', 'Purchase card', 'national', 0],
  ['inclusion_allowance', 'Assegno di inclusione', 'Inclusion allowance', 'national', 0],
  ['rent_support', 'Bonus affitto / contributo canone di locazione', 'Rent support', 'municipal', 0],
  ['regional_grant', 'Contributo regionale', 'Regional grant', 'regional', 0],
  ['residence_request', 'Richiesta di residenza', 'Residence request', 'municipal', 1],
  ['change_of_address', 'Cambio di indirizzo', 'Change of address', 'municipal', 1],
  [
    'registry_enrolment',
    'Iscrizione anagrafica / dichiarazione di dimora abituale',
    'Registry enrolment / declaration of habitual abode',
    'municipal',
    1,
  ],
  ['registry_certificates', 'Certificati anagrafici', 'Registry certificates', 'municipal', 1],
  ['citizenship', 'Domanda di cittadinanza', 'Citizenship application', 'national', 0],
  ['family_reunification', 'Ricongiungimento familiare — nulla osta', 'Family reunification — clearance', 'national', 0],
  ['residence_permit_kit', 'Kit permesso di soggiorno', 'Residence permit kit', 'national', 0],
  ['other', 'Altro', 'Other', 'municipal', 0],
];

export function care(dialect: DialectName): Migration {
  return irreversible('care', dialect, async (db, table) => {
    // --- households and their membership history
    await editable(
      table
        .ofCentre('households')
        .addColumn('name', 'text', (c) => c.notNull())
        /** The name folded in JS (lower case, no accents: domain/households householdNameKey), for search and order. */
        .addColumn('name_key', bytewiseText(dialect), (c) => c.notNull().defaultTo(''))
        .addColumn('notes', 'text'),
    ).execute();
    await createIndexes(db, 'households', { households_centre_idx: ['centre_id', 'name_key'] });

    await table
      .partsOf('household_members', 'household_id', 'households.id')
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('left_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'household_members', { household_members_household_idx: ['household_id'] });
    // One household at a time: at most one membership without an end per person.
    await db.schema
      .createIndex('household_members_current_uq')
      .on('household_members')
      .column('person_id')
      .unique()
      .where(sql.ref('left_on'), 'is', null)
      .execute();
    // One reference person per household at a time, whatever two requests do at once.
    await db.schema
      .createIndex('household_members_reference_uq')
      .on('household_members')
      .column('household_id')
      .unique()
      .where(sql<boolean>`relation = 'reference_person' and left_on is null`)
      .execute();

    // --- cases
    await editable(
      table
        .ofCentre('cases')
        // Exactly one of the two: a person's case or a household's case.
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
        .addColumn('responsible_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('referral_source', 'text', (c) => c.notNull())
        /** JSON array of area codes (family, work, economic, …). */
        .addColumn('areas', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('summary', 'text')
        /** The visit it was opened from, if any. */
        .addColumn('visit_id', 'integer', (c) => c.references('visits.id').onDelete('set null'))
        /** Denormalised from the periods, for lists: open | closed. */
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text'),
    ).execute();
    await createIndexes(db, 'cases', {
      cases_centre_status_idx: ['centre_id', 'status'],
      cases_person_idx: ['person_id'],
      cases_household_idx: ['household_id'],
      cases_responsible_idx: ['responsible_id', 'status'],
    });

    // A case is open over one or more periods: closing ends one, reopening starts the next.
    await table
      .ofCase('case_periods')
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('closed_on', 'text')
      .addColumn('closing_reason', 'text')
      .addColumn('closing_notes', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'case_periods', {
      case_periods_case_idx: ['case_id', 'opened_on'],
      case_periods_dates_idx: ['opened_on', 'closed_on'],
    });

    // The people a case names (the person, or the household members it covers), with a
    // snapshot of what the statistics need, so that erasing a person keeps past counts.
    await table
      .ofCase('case_members')
      .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
      /** Set when the person is erased: the same number on all their member rows, so they still count as one person. */
      .addColumn('anonymous_key', 'integer')
      .addColumn('relation', 'text')
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('citizenship', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('residence_kind', 'text', (c) => c.notNull())
      .addColumn('residence_comune', 'text')
      .addColumn('snapshot_on', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'case_members', {
      case_members_case_idx: ['case_id'],
      case_members_person_idx: ['person_id'],
    });

    // --- the plan: goals, each with actions
    await editable(
      table
        .ofCase('case_goals')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
    ).execute();
    await createIndexes(db, 'case_goals', { case_goals_case_idx: ['case_id'] });

    await editable(
      table
        .partsOf('case_actions', 'goal_id', 'case_goals.id')
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('description', 'text', (c) => c.notNull())
        /** An operator of the centre, or someone else named in words (the person, a service). */
        .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('assignee_name', 'text')
        .addColumn('due_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('done_on', 'text'),
    ).execute();
    await createIndexes(db, 'case_actions', {
      case_actions_goal_idx: ['goal_id'],
      case_actions_case_idx: ['case_id'],
      case_actions_due_idx: ['status', 'due_on'],
    });

    // --- the diary
    await editable(
      table
        .ofCase('case_notes')
        .addColumn('note_date', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        /** null: everyone who may read the case; health | legal: coordinator and responsible operator only. */
        .addColumn('restriction', 'text'),
    ).execute();
    await createIndexes(db, 'case_notes', { case_notes_case_idx: ['case_id', 'note_date'] });

    // --- referrals to and from other services
    await editable(
      table
        .ofCase('referrals')
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('service_detail', 'text')
        .addColumn('referred_on', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notes', 'text'),
    ).execute();
    await createIndexes(db, 'referrals', { referrals_case_idx: ['case_id'] });

    // --- documents
    await editable(
      table
        .documentsOf('residence_permits')
        .addColumn('permit_type', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('issued_on', 'text')
        /** null for a permit without expiry (EU long-term). */
        .addColumn('expires_on', 'text')
        .addColumn('renewal_status', 'text', (c) => c.notNull())
        /** 1 when another permit of the person expires later or never: the Scadenze page skips it. */
        .addColumn('superseded', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text'),
    ).execute();
    await createIndexes(db, 'residence_permits', {
      residence_permits_centre_expiry_idx: ['centre_id', 'expires_on'],
      residence_permits_person_idx: ['person_id'],
    });

    await editable(
      table
        .documentsOf('identity_documents')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('issuing_country', 'text')
        .addColumn('issued_on', 'text')
        .addColumn('expires_on', 'text'),
    ).execute();
    await createIndexes(db, 'identity_documents', { identity_documents_person_idx: ['person_id'] });

    // --- applications (compilazione domande / bonus) and their catalogue
    await table
      .catalogue(
        'application_types',
        (entry) =>
          bilingualLabels(entry)
            /** municipal | regional | national */
            .addColumn('level', 'text', (c) => c.notNull())
            /** 1 for requests handled with the Anagrafe office (residence and the like). */
            .addColumn('anagrafe', 'integer', (c) => c.notNull().defaultTo(0)),
        { sorted: true },
      )
      .execute();
    // The organisations that exist already get the default catalogue (new ones get it when
    // created: see default-application-types.ts). The list is copied here, frozen in time.
    await seedCatalogue(
      db,
      'application_types',
      APPLICATION_TYPES_0002.map(([code, labelIt, labelEn, level, anagrafe]) => ({
        code,
        label_it: labelIt,
        label_en: labelEn,
        level,
        anagrafe,
      })),
      { sorted: true },
    );

    await editable(
      table
        .ofCentre('applications')
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('type_id', 'integer', (c) => c.notNull().references('application_types.id'))
        .addColumn('applied_on', 'text', (c) => c.notNull())
        .addColumn('operator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        /** submitted | accepted | rejected | unknown */
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('visit_id', 'integer', (c) => c.references('visits.id').onDelete('set null'))
        .addColumn('notes', 'text'),
    ).execute();
    await createIndexes(db, 'applications', {
      applications_centre_date_idx: ['centre_id', 'applied_on'],
      applications_person_idx: ['person_id'],
    });

    // --- the public PC station
    await table
      .ofCentre('pc_station_uses')
      .addColumn('used_on', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('operator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await createIndexes(db, 'pc_station_uses', { pc_station_uses_centre_date_idx: ['centre_id', 'used_on'] });

    // --- the lawyer's consultations (the lawyer takes no case; the cases discussed are listed)
    await editable(
      table
        .ofCentre('legal_consultations')
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addColumn('lawyer_name', 'text')
        .addColumn('questions', 'text', (c) => c.notNull())
        .addColumn('guidance', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')),
    ).execute();
    await createIndexes(db, 'legal_consultations', { legal_consultations_centre_date_idx: ['centre_id', 'held_on'] });

    await table
      .link('legal_consultation_cases', { consultation_id: partOf('legal_consultations.id'), case_id: partOf('cases.id') })
      .execute();
    await createIndexes(db, 'legal_consultation_cases', { legal_consultation_cases_case_idx: ['case_id'] });
  });
}
