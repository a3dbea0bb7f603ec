/**
 * Applications (compilazione domande / bonus, with the Anagrafe), the public PC station's log
 * and the lawyer's consultations.
 */
import { z } from 'zod';
import { catalogueContract, catalogueLabels } from './catalogues.js';
import { id, isoDate, pageQuery, pastDate, shortText, version } from './common.js';
import { APPLICATION_LEVELS, APPLICATION_OUTCOMES, PC_PURPOSES } from './enums.js';
import { messageEn } from './messages/index.js';

const period = { from: isoDate.optional(), to: isoDate.optional() };
const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: messageEn('period.from_after_to'), path: ['to'] };

const personRef = z.object({ id: z.number(), givenNames: z.string(), familyNames: z.string() }).nullable();
const userRef = z.object({ id: z.number(), displayName: z.string() }).nullable();

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

// --- applications

export const applicationCreateInput = z.strictObject({
  /** Only without a person or a visit, for users of several centres: otherwise their centre is taken. */
  centreId: id.optional(),
  typeId: id,
  /** Defaults to today. */
  date: pastDate.optional(),
  /** Normally set. Without it, the visit's person (if any) is taken. */
  personId: id.nullable().optional(),
  /** The visit the application was filled in at. */
  visitId: id.nullable().optional(),
  outcome: z.enum(APPLICATION_OUTCOMES).default('submitted'),
  notes: shortText(2000).nullable().optional(),
});
export type ApplicationCreateInput = z.infer<typeof applicationCreateInput>;

export const applicationUpdateInput = z.strictObject({
  version,
  typeId: id.optional(),
  date: pastDate.optional(),
  personId: id.nullable().optional(),
  visitId: id.nullable().optional(),
  outcome: z.enum(APPLICATION_OUTCOMES).optional(),
  notes: shortText(2000).nullable().optional(),
});
export type ApplicationUpdateInput = z.infer<typeof applicationUpdateInput>;

export const applicationSchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
    date: z.string(),
    type: z.object({
      id: z.number(),
      code: z.string(),
      labelIt: z.string(),
      labelEn: z.string(),
      level: z.enum(APPLICATION_LEVELS),
      anagrafe: z.boolean(),
    }),
    outcome: z.enum(APPLICATION_OUTCOMES),
    person: personRef,
    visitId: z.number().nullable(),
    notes: z.string().nullable(),
    operator: userRef,
    version: z.number(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;

export const applicationListQuery = z
  .strictObject({
    ...period,
    typeId: id.optional(),
    level: z.enum(APPLICATION_LEVELS).optional(),
    anagrafe: z.enum(['true', 'false']).optional(),
    outcome: z.enum(APPLICATION_OUTCOMES).optional(),
    personId: id.optional(),
    centreId: id.optional(),
    ...pageQuery,
  })
  .refine(periodInOrder, periodMessage);
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

/** Aggregated figures: by period and centre only, so that nobody narrows them down to a person. */
export const summaryQuery = z.strictObject({ ...period, centreId: id.optional() }).refine(periodInOrder, periodMessage);
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const applicationSummary = z
  .object({
    total: z.number(),
    /** The part of the total handled with the Anagrafe office. */
    anagrafe: z.number(),
    /** Every level and outcome, with zeros: each breakdown adds up to the total. */
    byLevel: z.record(z.enum(APPLICATION_LEVELS), z.number()),
    byOutcome: z.record(z.enum(APPLICATION_OUTCOMES), z.number()),
    byType: z.array(
      z.object({
        typeId: z.number(),
        code: z.string(),
        labelIt: z.string(),
        labelEn: z.string(),
        level: z.enum(APPLICATION_LEVELS),
        anagrafe: z.boolean(),
        count: z.number(),
      }),
    ),
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

export const pcStationUseSchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
    date: z.string(),
    person: personRef,
    purpose: z.enum(PC_PURPOSES),
    minutes: z.number(),
    operator: userRef,
    createdAt: z.string(),
  })
  .meta({ id: 'PcStationUse' });
export type PcStationUse = z.infer<typeof pcStationUseSchema>;

export const pcStationUseListQuery = z
  .strictObject({ ...period, centreId: id.optional(), personId: id.optional(), ...pageQuery })
  .refine(periodInOrder, periodMessage);
export type PcStationUseListQuery = z.infer<typeof pcStationUseListQuery>;

const purposeCount = z.object({ uses: z.number(), minutes: z.number() });
export const pcStationSummary = z
  .object({
    uses: z.number(),
    minutes: z.number(),
    /** Distinct identified people; anonymous uses count in uses and minutes only. */
    people: z.number(),
    /** Every purpose, with zeros: the parts add up to the totals. */
    byPurpose: z.record(z.enum(PC_PURPOSES), purposeCount),
  })
  .meta({ id: 'PcStationSummary' });
export type PcStationSummary = z.infer<typeof pcStationSummary>;

// --- legal consultations

const consultationText = shortText(4000);

export const legalConsultationCreateInput = z.strictObject({
  centreId: id.optional(),
  /** Defaults to today. */
  date: pastDate.optional(),
  minutes,
  lawyerName: shortText(120).nullable().optional(),
  /** The cases discussed: cases of the consultation's centre. */
  caseIds: z.array(id).max(50).default([]),
  questions: consultationText.min(1),
  guidance: consultationText.nullable().optional(),
});
export type LegalConsultationCreateInput = z.infer<typeof legalConsultationCreateInput>;

export const legalConsultationUpdateInput = z.strictObject({
  version,
  date: pastDate.optional(),
  minutes: minutes.optional(),
  lawyerName: shortText(120).nullable().optional(),
  caseIds: z.array(id).max(50).optional(),
  questions: consultationText.min(1).optional(),
  guidance: consultationText.nullable().optional(),
});
export type LegalConsultationUpdateInput = z.infer<typeof legalConsultationUpdateInput>;

const consultationFields = {
  id: z.number(),
  centreId: z.number(),
  date: z.string(),
  minutes: z.number(),
  lawyerName: z.string().nullable(),
  createdBy: userRef,
  version: z.number(),
};

/** How much of the questions a list shows (characters); the whole text is read, and logged, in the consultation. */
export const QUESTIONS_EXCERPT_LENGTH = 200;

/** A case as the consultation names it: its id and whose it is (a person or a household; null once erased). */
export const caseOption = z
  .object({
    id: z.number(),
    centreId: z.number(),
    kind: z.enum(['person', 'household']),
    name: z.string().nullable(),
    status: z.string(),
    openedOn: z.string(),
  })
  .meta({ id: 'LegalCaseOption' });
export type CaseOption = z.infer<typeof caseOption>;

export const legalConsultationSchema = z
  .object({ ...consultationFields, questions: z.string(), guidance: z.string().nullable(), cases: z.array(caseOption) })
  .meta({ id: 'LegalConsultation' });
export type LegalConsultation = z.infer<typeof legalConsultationSchema>;

/**
 * In lists, the start of the questions and how many cases were discussed: the whole text, the
 * guidance and the cases' names are in the consultation itself, whose reading is logged.
 */
export const legalConsultationListItem = z
  .object({
    ...consultationFields,
    /** The first QUESTIONS_EXCERPT_LENGTH characters of the questions, with … when there is more. */
    questionsExcerpt: z.string(),
    caseCount: z.number(),
  })
  .meta({ id: 'LegalConsultationListItem' });
export type LegalConsultationListItem = z.infer<typeof legalConsultationListItem>;

export const legalConsultationListQuery = z
  .strictObject({ ...period, centreId: id.optional(), ...pageQuery })
  .refine(periodInOrder, periodMessage);
export type LegalConsultationListQuery = z.infer<typeof legalConsultationListQuery>;

export const caseOptionsQuery = z.strictObject({ centreId: id.optional() });

export const legalSummary = z
  .object({ consultations: z.number(), minutes: z.number(), casesDiscussed: z.number() })
  .meta({ id: 'LegalConsultationSummary' });
export type LegalSummary = z.infer<typeof legalSummary>;
