/** Fixed value lists shared by the server and the web app. Labels live in web/i18n. */

export { AGE_BANDS, type AgeBand } from '../domain/dates.js';
export { ORIGIN_GROUPS, type OriginGroup } from '../domain/origin-group.js';
export { ROLES, type Role } from '../domain/permissions.js';

export const GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const CHANNELS = ['in_person', 'phone', 'email', 'messaging'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REFERRAL_SOURCES = ['spontaneous', 'municipal_service', 'asp', 'sai', 'other_body'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const RESIDENCE_KINDS = ['comune', 'no_fixed_abode', 'unknown'] as const;
export type ResidenceKind = (typeof RESIDENCE_KINDS)[number];

// --- cases (plan, diary, referrals)

/** Areas of need of a case (ambiti del percorso personalizzato). */
export const CASE_AREAS = ['family', 'work', 'economic', 'social', 'legal', 'health', 'housing', 'documents'] as const;
export type CaseArea = (typeof CASE_AREAS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_CLOSING_REASONS = [
  'goals_achieved',
  'no_longer_needed',
  'referred_elsewhere',
  'moved_away',
  'lost_contact',
  'other',
] as const;
export type CaseClosingReason = (typeof CASE_CLOSING_REASONS)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ACTION_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A diary note may be restricted to the coordinator, the responsible operator and its author. */
export const NOTE_RESTRICTIONS = ['health', 'legal'] as const;
export type NoteRestriction = (typeof NOTE_RESTRICTIONS)[number];

export const REFERRAL_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_SERVICES = [
  'asp',
  'social_services',
  'sai',
  'employment_centre',
  'patronage_union',
  'school',
  'health_services',
  'questura_prefettura',
  'other',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_STATUSES = ['sent', 'in_progress', 'completed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// --- households

/** A member's relation to the household's reference person (the intestatario). */
export const HOUSEHOLD_RELATIONS = [
  'reference_person',
  'spouse_partner',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'cohabitant',
] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

// --- documents

export { RENEWAL_STATUSES, type RenewalStatus } from '../domain/deadlines.js';

/** The kinds of permesso di soggiorno, by the reason it is issued for. */
export const PERMIT_TYPES = [
  'employment',
  'self_employment',
  'family',
  'asylum',
  'subsidiary_protection',
  'special_protection',
  'special_cases',
  'study',
  'job_seeking',
  'eu_long_term',
  'medical_treatment',
  'minor',
  'asylum_request',
  'other',
] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

/** The one permit that may have no expiry date (permesso UE per soggiornanti di lungo periodo). */
export const PERMIT_TYPE_WITHOUT_EXPIRY: PermitType = 'eu_long_term';

export const IDENTITY_DOCUMENT_KINDS = ['passport', 'identity_card', 'refugee_travel_document', 'other'] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

// --- applications, PC station, legal consultations

export { APPLICATION_LEVELS, type ApplicationLevel, PC_PURPOSES, type PcPurpose } from '../domain/activities.js';

export const APPLICATION_OUTCOMES = ['submitted', 'accepted', 'rejected', 'unknown'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

// --- calendar, staff, projects

/** The roles of the centre's staff (figure professionali), as the report names them. */
export const STAFF_ROLES = ['coordinator', 'mediation_operator', 'integration_operator', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Why a day that has opening hours is closed (src/domain/calendar.ts); no_hours: the weekday has none. */
export const CLOSED_BECAUSE_KINDS = ['holiday', 'patron_day', 'closure', 'no_hours'] as const;
export type ClosedBecauseKind = (typeof CLOSED_BECAUSE_KINDS)[number];

// --- courses, lessons, enrolments, waiting lists

/** Levels of a language course: base, alfabetizzazione (literacy) and the CEFR levels. */
export const COURSE_LEVELS = ['base', 'alfabetizzazione', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/** The programme a learner comes from: a SAI beneficiary, a user of the centre, other. */
export const ENROLMENT_PROGRAMMES = ['sai', 'centre_user', 'other'] as const;
export type EnrolmentProgramme = (typeof ENROLMENT_PROGRAMMES)[number];

/** A lesson becomes held when its attendance is taken. */
export const LESSON_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** The kinds of course place people wait for (Bisogni rilevati). */
export const WAITING_LIST_KINDS = ['adult_l2', 'minor_l2', 'driving', 'other'] as const;
export type WaitingListKind = (typeof WAITING_LIST_KINDS)[number];

export const WAITING_LIST_STATUSES = ['waiting', 'placed', 'withdrawn'] as const;
export type WaitingListStatus = (typeof WAITING_LIST_STATUSES)[number];

/** 0 normal, 1 high, 2 urgent: the list shows the most urgent first, then the longest waiting. */
export const WAITING_LIST_PRIORITIES = [0, 1, 2] as const;
export type WaitingListPriority = (typeof WAITING_LIST_PRIORITIES)[number];

// --- reminders (issue 15)

export {
  REMINDER_DELIVERIES,
  REMINDER_KINDS,
  type ReminderDelivery,
  type ReminderKind,
} from '../domain/reminders.js';

// --- events, network meetings

/** What kind of body a network organisation is: unions first, then public services, schools, associations. */
export const NETWORK_ORGANISATION_KINDS = ['union', 'service', 'school', 'association', 'other'] as const;
export type NetworkOrganisationKind = (typeof NETWORK_ORGANISATION_KINDS)[number];
