/** Cases (prese in carico): their plan, diary and referrals, as the API takes and gives them. */
import { z } from 'zod';
import {
  centreQuery,
  centreRecord,
  id,
  isoDate,
  pageQuery,
  pastDate,
  personRef,
  shortText,
  storedRecord,
  timestamps,
  updateOf,
  userRef,
  version,
  versionedRecord,
  yearFiguresQuery,
} from './common.js';
import {
  ACTION_STATUSES,
  CASE_AREAS,
  CASE_CLOSING_REASONS,
  CASE_STATUSES,
  GENDERS,
  GOAL_STATUSES,
  NOTE_RESTRICTIONS,
  REFERRAL_DIRECTIONS,
  REFERRAL_SERVICES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
} from './enums.js';
import { messageEn } from './messages/index.js';

const areas = z
  .array(z.enum(CASE_AREAS))
  .min(1, messageEn('case.area_required'))
  .max(CASE_AREAS.length)
  .refine((list) => new Set(list).size === list.length, { message: messageEn('case.area_twice') });

const summary = shortText(4000).nullable();

// --- the case

export const caseCreateInput = z
  .strictObject({
    /** A person's case… */
    personId: id.optional(),
    /** …or a household's, naming some of its current members (all of them if not said). */
    householdId: id.optional(),
    memberIds: z.array(id).min(1).max(30).optional(),
    /** Defaults to today (Europe/Rome). */
    openedOn: pastDate.optional(),
    /** A user working in the case's centre; defaults to the caller. */
    responsibleId: id.optional(),
    areas,
    /** Defaults to the visit's, when opened from a visit, or to spontaneous. */
    referralSource: z.enum(REFERRAL_SOURCES).optional(),
    summary: summary.optional(),
    /** The visit the case is opened from: its person is the case's, when personId is not given. */
    visitId: id.optional(),
  })
  .refine((v) => !(v.personId && v.householdId), {
    message: messageEn('case.person_or_household'),
    path: ['householdId'],
  })
  .refine((v) => Boolean(v.personId || v.householdId || v.visitId), {
    message: messageEn('case.subject_required'),
    path: ['personId'],
  })
  .refine((v) => !v.memberIds || v.householdId, { message: messageEn('case.members_only_for_household'), path: ['memberIds'] });
export type CaseCreateInput = z.infer<typeof caseCreateInput>;

export const caseUpdateInput = z.strictObject({
  version,
  responsibleId: id.optional(),
  areas: areas.optional(),
  referralSource: z.enum(REFERRAL_SOURCES).optional(),
  summary: summary.optional(),
});
export type CaseUpdateInput = z.infer<typeof caseUpdateInput>;

export const caseCloseInput = z.strictObject({
  version,
  closedOn: pastDate,
  reason: z.enum(CASE_CLOSING_REASONS),
  notes: shortText(2000).nullable().optional(),
});
export type CaseCloseInput = z.infer<typeof caseCloseInput>;

export const caseReopenInput = z.strictObject({
  version,
  /** Defaults to today (Europe/Rome); after the last closing. */
  openedOn: pastDate.optional(),
});
export type CaseReopenInput = z.infer<typeof caseReopenInput>;

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  responsibleId: id.optional(),
  /** Only the cases the caller is responsible for. */
  mine: z.enum(['true', 'false']).optional(),
  personId: id.optional(),
  householdId: id.optional(),
  centreId: id.optional(),
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const careSummaryQuery = yearFiguresQuery;

export const careSummarySchema = z
  .object({
    year: z.number(),
    /** Utenti presi in carico: distinct people named by a case open at some moment of the year. */
    inCare: z.number(),
    /** Utenti nuovi: of those, the people whose first case opened in the year. */
    new: z.number(),
  })
  .meta({ id: 'CareSummary' });
export type CareSummary = z.infer<typeof careSummarySchema>;

export const staffQuery = centreQuery;

export const casePeriodSchema = storedRecord('CasePeriod', {
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closingReason: z.enum(CASE_CLOSING_REASONS).nullable(),
  closingNotes: z.string().nullable(),
});
export type CasePeriod = z.infer<typeof casePeriodSchema>;

/** A member of a case; its id is the member row's (a member stays after the person's file is erased, without a person). */
export const caseMemberSchema = storedRecord('CaseMember', {
  person: personRef.nullable(),
  relation: z.string().nullable(),
  gender: z.enum(GENDERS),
});
export type CaseMember = z.infer<typeof caseMemberSchema>;

const caseFields = {
  status: z.enum(CASE_STATUSES),
  person: personRef.nullable(),
  household: z.object({ id: z.number(), name: z.string() }).nullable(),
  responsible: userRef.nullable(),
  areas: z.array(z.enum(CASE_AREAS)),
  referralSource: z.enum(REFERRAL_SOURCES),
  /** The first opening, and the end of the last period (null while open). */
  openedOn: z.string(),
  closedOn: z.string().nullable(),
};

export const caseListItemSchema = centreRecord('CaseListItem', { ...caseFields, members: z.array(caseMemberSchema) });
export type CaseListItem = z.infer<typeof caseListItemSchema>;

// --- the plan

const goalFields = {
  title: shortText(200).min(1),
  description: shortText(2000).nullable().optional(),
  status: z.enum(GOAL_STATUSES).default('open'),
};
export const goalCreateInput = z.strictObject(goalFields);
export const goalUpdateInput = updateOf(goalFields);
export type GoalCreateInput = z.infer<typeof goalCreateInput>;
export type GoalUpdateInput = z.infer<typeof goalUpdateInput>;

const actionFields = {
  description: shortText(1000).min(1),
  /** An operator of the case's centre… */
  assigneeId: id.nullable().optional(),
  /** …or someone named in words (the person, another service). */
  assigneeName: shortText(200).nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES).default('todo'),
  /** When it was done: defaults to today when the status becomes done. */
  doneOn: pastDate.nullable().optional(),
};
const oneAssignee = (v: { assigneeId?: number | null; assigneeName?: string | null }) => !(v.assigneeId && v.assigneeName);
const oneAssigneeMessage = { message: messageEn('action.assignee_one_kind'), path: ['assigneeName'] };

export const actionCreateInput = z.strictObject(actionFields).refine(oneAssignee, oneAssigneeMessage);
export const actionUpdateInput = updateOf(actionFields).refine(oneAssignee, oneAssigneeMessage);
export type ActionCreateInput = z.infer<typeof actionCreateInput>;
export type ActionUpdateInput = z.infer<typeof actionUpdateInput>;

export const actionSchema = versionedRecord('CaseAction', {
  goalId: z.number(),
  caseId: z.number(),
  description: z.string(),
  assignee: userRef.nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.string().nullable(),
});
export type CaseAction = z.infer<typeof actionSchema>;

export const goalSchema = versionedRecord('CaseGoal', {
  caseId: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  sortOrder: z.number(),
  actions: z.array(actionSchema),
});
export type CaseGoal = z.infer<typeof goalSchema>;

export const overdueActionSchema = actionSchema
  .extend({
    goalTitle: z.string(),
    /** Whom the case is for. */
    person: caseFields.person,
    household: caseFields.household,
    responsible: userRef.nullable(),
  })
  .meta({ id: 'OverdueAction' });
export type OverdueAction = z.infer<typeof overdueActionSchema>;

export const overdueQuery = z.strictObject({ centreId: id.optional(), ...pageQuery });

// --- the diary

const noteFields = {
  noteDate: pastDate.optional(),
  body: shortText(10_000).min(1),
  /** null: everyone who reads the case; health | legal: the coordinator, the responsible operator and the author. */
  restriction: z.enum(NOTE_RESTRICTIONS).nullable().optional(),
};
export const noteCreateInput = z.strictObject(noteFields);
export const noteUpdateInput = updateOf(noteFields);
export type NoteCreateInput = z.infer<typeof noteCreateInput>;
export type NoteUpdateInput = z.infer<typeof noteUpdateInput>;

export const noteSchema = versionedRecord('CaseNote', {
  caseId: z.number(),
  noteDate: z.string(),
  author: userRef.nullable(),
  body: z.string(),
  restriction: z.enum(NOTE_RESTRICTIONS).nullable(),
  ...timestamps,
});
export type CaseNote = z.infer<typeof noteSchema>;

// --- referrals

const referralFields = {
  direction: z.enum(REFERRAL_DIRECTIONS),
  service: z.enum(REFERRAL_SERVICES),
  serviceDetail: shortText(200).nullable().optional(),
  referredOn: pastDate,
  reason: shortText(1000).min(1),
  status: z.enum(REFERRAL_STATUSES).default('sent'),
  notes: shortText(2000).nullable().optional(),
};
export const referralCreateInput = z.strictObject(referralFields);
export const referralUpdateInput = updateOf(referralFields);
export type ReferralCreateInput = z.infer<typeof referralCreateInput>;
export type ReferralUpdateInput = z.infer<typeof referralUpdateInput>;

export const referralSchema = versionedRecord('Referral', {
  caseId: z.number(),
  direction: z.enum(REFERRAL_DIRECTIONS),
  service: z.enum(REFERRAL_SERVICES),
  serviceDetail: z.string().nullable(),
  referredOn: z.string(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  notes: z.string().nullable(),
});
export type Referral = z.infer<typeof referralSchema>;

// --- the whole case

export const caseSchema = centreRecord('Case', {
  ...caseFields,
  members: z.array(caseMemberSchema),
  summary: z.string().nullable(),
  visitId: z.number().nullable(),
  periods: z.array(casePeriodSchema),
  goals: z.array(goalSchema),
  /** The diary, newest first, without the restricted notes the caller may not read… */
  notes: z.array(noteSchema),
  /** …whose number is told instead. */
  hiddenNotes: z.number(),
  referrals: z.array(referralSchema),
  ...timestamps,
});
export type Case = z.infer<typeof caseSchema>;

export const staffSchema = z.array(userRef);
