/**
 * Applications (compilazione domande / bonus, with the Anagrafe), the public PC station's log
 * and the lawyer's consultations.
 */
import { z } from 'zod';
import { catalogueContract, catalogueLabels } from './catalogues.js';
import {
  centreQuery,
  centreRecord,
  createInCentre,
  id,
  pageQuery,
  pastDate,
  personRef,
  shortText,
  storedRecord,
  updateOf,
  userRef,
} from './common.js';
import { APPLICATION_LEVELS, APPLICATION_OUTCOMES, PC_PURPOSES } from './enums.js';
import { periodQuery, summaryPeriodQuery } from './period.js';

/** A minute count: a use of the PC or a meeting lasts from one minute to ten hours. */
const minutes = z.number().int().min(1).max(600);

// --- the application-type catalogue

const typeLabels = catalogueLabels(120);

export const applicationTypeContract = catalogueContract({
  id: 'ApplicationType',
  item: { ...typeLabels.item, level: z.enum(APPLICATION_LEVELS), anagrafe: z.boolean() },
  input: {
    ...typeLabels.input,
    level: z.enum(APPLICATION_LEVELS),
    /** Handled with the Anagrafe office (residence requests and the like). */
    anagrafe: z.boolean().default(false),
  },
  sorted: true,
});
export type ApplicationType = z.infer<typeof applicationTypeContract.item>;

/** An application type as an application and the summary name it. */
const typeNamed = { code: z.string(), ...typeLabels.item, level: z.enum(APPLICATION_LEVELS), anagrafe: z.boolean() };

// --- applications

const applicationFields = {
  typeId: id,
  /** Defaults to today. */
  date: pastDate.optional(),
  /** Normally set. Without it, the visit's person (if any) is taken. */
  personId: id.nullable().optional(),
  /** The visit the application was filled in at. */
  visitId: id.nullable().optional(),
  outcome: z.enum(APPLICATION_OUTCOMES).default('submitted'),
  notes: shortText(2000).nullable().optional(),
};

/** Its centreId only without a person or a visit (their centre is taken otherwise). */
export const applicationCreateInput = createInCentre(applicationFields);
export type ApplicationCreateInput = z.infer<typeof applicationCreateInput>;

export const applicationUpdateInput = updateOf(applicationFields);
export type ApplicationUpdateInput = z.infer<typeof applicationUpdateInput>;

export const applicationSchema = centreRecord('Application', {
  date: z.string(),
  type: z.object({ id: z.number(), ...typeNamed }),
  outcome: z.enum(APPLICATION_OUTCOMES),
  person: personRef.nullable(),
  visitId: z.number().nullable(),
  notes: z.string().nullable(),
  operator: userRef.nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListQuery = periodQuery({
  typeId: id.optional(),
  level: z.enum(APPLICATION_LEVELS).optional(),
  anagrafe: z.enum(['true', 'false']).optional(),
  outcome: z.enum(APPLICATION_OUTCOMES).optional(),
  personId: id.optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const summaryQuery = summaryPeriodQuery;
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const applicationSummary = z
  .object({
    total: z.number(),
    /** The part of the total handled with the Anagrafe office. */
    anagrafe: z.number(),
    /** Every level and outcome, with zeros: each breakdown adds up to the total. */
    byLevel: z.record(z.enum(APPLICATION_LEVELS), z.number()),
    byOutcome: z.record(z.enum(APPLICATION_OUTCOMES), z.number()),
    byType: z.array(z.object({ typeId: z.number(), ...typeNamed, count: z.number() })),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof applicationSummary>;

// --- the PC station

export const pcStationUseCreateInput = z.strictObject({
  centreId: id.optional(),
  /** Defaults to today. */
  date: pastDate.optional(),
  personId: id.nullable().optional(),
  purpose: z.enum(PC_PURPOSES),
  minutes,
});
export type PcStationUseCreateInput = z.infer<typeof pcStationUseCreateInput>;

export const pcStationUseSchema = storedRecord('PcStationUse', {
  centreId: z.number(),
  date: z.string(),
  person: personRef.nullable(),
  purpose: z.enum(PC_PURPOSES),
  minutes: z.number(),
  operator: userRef.nullable(),
  createdAt: z.string(),
});
export type PcStationUse = z.infer<typeof pcStationUseSchema>;

export const pcStationUseListQuery = periodQuery({ centreId: id.optional(), personId: id.optional(), ...pageQuery });
export type PcStationUseListQuery = z.infer<typeof pcStationUseListQuery>;

/** The uses of the PC and their minutes, in all and for each purpose. */
const usesAndMinutes = z.object({ uses: z.number(), minutes: z.number() });
export const pcStationSummary = usesAndMinutes
  .extend({
    /** Distinct identified people; anonymous uses count in uses and minutes only. */
    people: z.number(),
    /** Every purpose, with zeros: the parts add up to the totals. */
    byPurpose: z.record(z.enum(PC_PURPOSES), usesAndMinutes),
  })
  .meta({ id: 'PcStationSummary' });
export type PcStationSummary = z.infer<typeof pcStationSummary>;

// --- legal consultations

const consultationText = shortText(4000);

const consultationInput = {
  /** Defaults to today. */
  date: pastDate.optional(),
  minutes,
  lawyerName: shortText(120).nullable().optional(),
  /** The cases discussed: cases of the consultation's centre. */
  caseIds: z.array(id).max(50).default([]),
  questions: consultationText.min(1),
  guidance: consultationText.nullable().optional(),
};

export const legalConsultationCreateInput = createInCentre(consultationInput);
export type LegalConsultationCreateInput = z.infer<typeof legalConsultationCreateInput>;

export const legalConsultationUpdateInput = updateOf(consultationInput);
export type LegalConsultationUpdateInput = z.infer<typeof legalConsultationUpdateInput>;

const consultationFields = {
  date: z.string(),
  minutes: z.number(),
  lawyerName: z.string().nullable(),
  createdBy: userRef.nullable(),
};

/** How much of the questions a list shows (characters); the whole text is read, and logged, in the consultation. */
export const QUESTIONS_EXCERPT_LENGTH = 200;

/** A case as the consultation names it: its id and whose it is (a person or a household; null once erased). */
export const caseOption = storedRecord('LegalCaseOption', {
  centreId: z.number(),
  kind: z.enum(['person', 'household']),
  name: z.string().nullable(),
  status: z.string(),
  openedOn: z.string(),
});
export type CaseOption = z.infer<typeof caseOption>;

export const legalConsultationSchema = centreRecord('LegalConsultation', {
  ...consultationFields,
  questions: z.string(),
  guidance: z.string().nullable(),
  cases: z.array(caseOption),
});
export type LegalConsultation = z.infer<typeof legalConsultationSchema>;

/**
 * In lists, the start of the questions and how many cases were discussed: the whole text, the
 * guidance and the cases' names are in the consultation itself, whose reading is logged.
 */
export const legalConsultationListItem = centreRecord('LegalConsultationListItem', {
  ...consultationFields,
  /** The first QUESTIONS_EXCERPT_LENGTH characters of the questions, with … when there is more. */
  questionsExcerpt: z.string(),
  caseCount: z.number(),
});
export type LegalConsultationListItem = z.infer<typeof legalConsultationListItem>;

export const legalConsultationListQuery = periodQuery({ centreId: id.optional(), ...pageQuery });
export type LegalConsultationListQuery = z.infer<typeof legalConsultationListQuery>;

export const caseOptionsQuery = centreQuery;

export const legalSummary = z
  .object({ consultations: z.number(), minutes: z.number(), casesDiscussed: z.number() })
  .meta({ id: 'LegalConsultationSummary' });
export type LegalSummary = z.infer<typeof legalSummary>;
