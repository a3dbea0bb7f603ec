/**
 * A person's data given back (GDPR arts. 15 and 20): everything Approdo holds about the person,
 * machine-readable. Keys in English and stable, dates ISO (YYYY-MM-DD, instants in UTC), values
 * of a list as their codes, catalogue entries with their code and Italian label. A change that
 * renames or removes a key raises `schema`.
 *
 * What it leaves out: other people (a household member or a member of a household case appears
 * only as their relation; their names are masked in the free texts of household cases), staff
 * other than the case's responsible operator, and the restricted notes the exporting user may not
 * read (counted in `withheldNotes`).
 */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  APPLICATION_OUTCOMES,
  CASE_AREAS,
  CASE_CLOSING_REASONS,
  CASE_STATUSES,
  CHANNELS,
  ENROLMENT_PROGRAMMES,
  GOAL_STATUSES,
  IDENTITY_DOCUMENT_KINDS,
  NOTE_RESTRICTIONS,
  PC_PURPOSES,
  PERMIT_TYPES,
  REFERRAL_DIRECTIONS,
  REFERRAL_SERVICES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  RENEWAL_STATUSES,
  WAITING_LIST_KINDS,
  WAITING_LIST_STATUSES,
} from './enums.js';
import { personParticulars } from './people.js';
import { ERASURE_OUTCOMES } from './privacy.js';

export const SUBJECT_EXPORT_SCHEMA = 'approdo.subject-export/1';

/** What replaces another person's name in a free text (Italian legal usage: "omitted"). */
export const MASKED_NAME = '[omissis]';

const date = z.string();
const nullableDate = z.string().nullable();
const catalogueEntry = z.object({ code: z.string(), label: z.string() });

const relation = z.string().nullable();

const exportedNote = z.object({
  date,
  body: z.string(),
  restriction: z.enum(NOTE_RESTRICTIONS).nullable(),
});

const exportedCase = z.object({
  status: z.enum(CASE_STATUSES),
  /** A case of the person alone, or of the household the person belongs to. */
  of: z.enum(['person', 'household']),
  /** The person's relation in a household case. */
  relation,
  /** The other members of a household case, by relation only. */
  otherMembers: z.array(z.object({ relation })),
  areas: z.array(z.enum(CASE_AREAS)),
  referralSource: z.enum(REFERRAL_SOURCES),
  responsibleOperator: z.string().nullable(),
  summary: z.string().nullable(),
  openedOn: date,
  closedOn: nullableDate,
  periods: z.array(
    z.object({
      openedOn: date,
      closedOn: nullableDate,
      closingReason: z.enum(CASE_CLOSING_REASONS).nullable(),
      closingNotes: z.string().nullable(),
    }),
  ),
  plan: z.array(
    z.object({
      goal: z.string(),
      description: z.string().nullable(),
      status: z.enum(GOAL_STATUSES),
      actions: z.array(z.object({ description: z.string(), status: z.enum(ACTION_STATUSES), dueOn: nullableDate, doneOn: nullableDate })),
    }),
  ),
  notes: z.array(exportedNote),
  /** Restricted notes (health, legal) the exporting user may not read: left out, counted. */
  withheldNotes: z.number(),
  referrals: z.array(
    z.object({
      direction: z.enum(REFERRAL_DIRECTIONS),
      service: z.enum(REFERRAL_SERVICES),
      serviceDetail: z.string().nullable(),
      referredOn: date,
      reason: z.string(),
      status: z.enum(REFERRAL_STATUSES),
      notes: z.string().nullable(),
    }),
  ),
});
export type ExportedCase = z.infer<typeof exportedCase>;

export const subjectExportSchema = z
  .object({
    schema: z.literal(SUBJECT_EXPORT_SCHEMA),
    generatedAt: z.string(),
    /** Who holds the data: the person's centre and the organisation running it. */
    controller: z.object({ centre: z.string(), organisation: z.string() }),
    person: z.object({
      ...personParticulars,
      fiscalCode: z.string().nullable(),
      languages: z.array(z.string()),
      registeredOn: date,
      updatedOn: date,
    }),
    contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
    residence: z.object({
      kind: z.enum(['comune', 'no_fixed_abode', 'unknown']),
      comuneIstat: z.string().nullable(),
      comuneName: z.string().nullable(),
    }),
    visits: z.array(
      z.object({
        date,
        time: z.string(),
        channel: z.enum(CHANNELS),
        referralSource: z.enum(REFERRAL_SOURCES),
        topics: z.array(catalogueEntry),
        notes: z.string().nullable(),
      }),
    ),
    cases: z.array(exportedCase),
    household: z.object({
      current: z.object({ name: z.string(), relation, joinedOn: date, otherMembers: z.array(z.object({ relation })) }).nullable(),
      memberships: z.array(z.object({ household: z.string(), relation, joinedOn: date, leftOn: nullableDate })),
    }),
    documents: z.object({
      residencePermits: z.array(
        z.object({
          permitType: z.enum(PERMIT_TYPES),
          number: z.string().nullable(),
          issuedOn: nullableDate,
          expiresOn: nullableDate,
          renewalStatus: z.enum(RENEWAL_STATUSES),
          notes: z.string().nullable(),
        }),
      ),
      identityDocuments: z.array(
        z.object({
          kind: z.enum(IDENTITY_DOCUMENT_KINDS),
          number: z.string().nullable(),
          issuingCountry: z.string().nullable(),
          issuedOn: nullableDate,
          expiresOn: nullableDate,
        }),
      ),
    }),
    courses: z.object({
      enrolments: z.array(
        z.object({
          course: z.string(),
          kind: catalogueEntry,
          level: z.string().nullable(),
          startDate: date,
          endDate: date,
          programme: z.enum(ENROLMENT_PROGRAMMES),
          enrolledOn: date,
          withdrawnOn: nullableDate,
          lessonsHeld: z.number(),
          lessonsAttended: z.number(),
          completed: z.boolean(),
        }),
      ),
      waitingList: z.array(
        z.object({
          kind: z.enum(WAITING_LIST_KINDS),
          requestedOn: date,
          status: z.enum(WAITING_LIST_STATUSES),
          closedOn: nullableDate,
          notes: z.string().nullable(),
        }),
      ),
    }),
    activities: z.object({
      applications: z.array(z.object({ date, type: catalogueEntry, outcome: z.enum(APPLICATION_OUTCOMES), notes: z.string().nullable() })),
      /**
       * The lawyer's consultations that discussed the person's cases. Their questions and
       * guidance only when every case discussed is one of the person's (else `textWithheld`).
       */
      legalConsultations: z.array(
        z.object({
          date,
          minutes: z.number(),
          lawyer: z.string().nullable(),
          questions: z.string().nullable(),
          guidance: z.string().nullable(),
          textWithheld: z.boolean(),
        }),
      ),
      pcStationUses: z.array(z.object({ date, purpose: z.enum(PC_PURPOSES), minutes: z.number() })),
    }),
    events: z.array(z.object({ title: z.string(), date, place: z.string().nullable() })),
    /** The privacy notices given to the person. */
    privacyNotices: z.array(z.object({ givenOn: date, version: z.string(), language: z.string() })),
    /** The person's erasure requests (art. 17) that were refused: an erased person has no file to export. */
    erasureRequests: z.array(
      z.object({ requestedOn: date, reason: z.string(), outcome: z.enum(ERASURE_OUTCOMES), refusalReason: z.string().nullable() }),
    ),
    /**
     * Art. 15(1)(c): who the data were disclosed to, by category. Inside Approdo: the roles of the
     * users who opened the file, with how many times and when last (not who: that is the audit
     * log's); outside: the services the person was referred to.
     */
    recipients: z.object({
      readers: z.array(z.object({ role: z.string(), reads: z.number(), lastReadOn: date })),
      servicesReferredTo: z.array(z.enum(REFERRAL_SERVICES)),
    }),
    /** The rule that decided which restricted notes are in, in words. */
    restrictedNotesRule: z.string(),
  })
  .meta({ id: 'SubjectExport' });
export type SubjectExport = z.infer<typeof subjectExportSchema>;
