/**
 * Display labels of the fixed value lists, in Italian and English: used by the web app and by
 * the server for exports. The Italian words follow the centre's report.
 */

import { REMINDER_DELIVERY_WORDS, REMINDER_KIND_WORDS } from '../domain/reminders.js';
import type { AuditAction } from './audit.js';
import type {
  AgeBand,
  Channel,
  Gender,
  IdentityDocumentKind,
  OriginGroup,
  PermitType,
  ReferralSource,
  RenewalStatus,
  Role,
} from './enums.js';

export type Locale = 'it' | 'en';

type Labels<K extends string> = Record<Locale, Record<K, string>>;

export const GENDER_LABELS: Labels<Gender> = {
  it: { female: 'Donna', male: 'Uomo', other: 'Altra identità', not_stated: 'Non dichiarato' },
  en: { female: 'Woman', male: 'Man', other: 'Another identity', not_stated: 'Not stated' },
};

export const ORIGIN_GROUP_LABELS: Labels<OriginGroup> = {
  it: { italian: 'Italiani', eu: 'Comunitari', non_eu: 'Extracomunitari', unspecified: 'Non specificato' },
  en: { italian: 'Italians', eu: 'EU citizens', non_eu: 'Non-EU citizens', unspecified: 'Not specified' },
};

export const CHANNEL_LABELS: Labels<Channel> = {
  it: { in_person: 'Di persona', phone: 'Telefono', email: 'E-mail', messaging: 'Messaggistica' },
  en: { in_person: 'In person', phone: 'Phone', email: 'E-mail', messaging: 'Messaging' },
};

export const REFERRAL_LABELS: Labels<ReferralSource> = {
  it: {
    spontaneous: 'Spontaneo',
    municipal_service: 'Servizio comunale',
    asp: 'ASP',
    sai: 'Progetto SAI',
    other_body: 'Altro ente',
  },
  en: {
    spontaneous: 'Spontaneous',
    municipal_service: 'Municipal service',
    asp: 'ASP',
    sai: 'SAI project',
    other_body: 'Other body',
  },
};

export const AGE_BAND_LABELS: Labels<AgeBand> = {
  it: {
    '0-17': '0-17 anni',
    '18-29': '18-29 anni',
    '30-44': '30-44 anni',
    '45-64': '45-64 anni',
    '65+': '65 anni e più',
    unknown: 'Non nota',
  },
  en: {
    '0-17': '0-17 years',
    '18-29': '18-29 years',
    '30-44': '30-44 years',
    '45-64': '45-64 years',
    '65+': '65 and over',
    unknown: 'Unknown',
  },
};

export const ROLE_LABELS: Labels<Role> = {
  it: { admin: 'Amministratore', coordinator: 'Coordinatore', operator: 'Operatore', viewer: 'Consultazione' },
  en: { admin: 'Administrator', coordinator: 'Coordinator', operator: 'Operator', viewer: 'Viewer' },
};

// --- cases (plan, diary, referrals)

/** The cases' value types, named here so that the shared import line above stays as it is. */
type Cases = {
  CaseArea: import('./enums.js').CaseArea;
  CaseStatus: import('./enums.js').CaseStatus;
  CaseClosingReason: import('./enums.js').CaseClosingReason;
  GoalStatus: import('./enums.js').GoalStatus;
  ActionStatus: import('./enums.js').ActionStatus;
  NoteRestriction: import('./enums.js').NoteRestriction;
  ReferralDirection: import('./enums.js').ReferralDirection;
  ReferralService: import('./enums.js').ReferralService;
  ReferralStatus: import('./enums.js').ReferralStatus;
};

export const CASE_AREA_LABELS: Labels<Cases['CaseArea']> = {
  it: {
    family: 'Famiglia',
    work: 'Lavoro',
    economic: 'Economica',
    social: 'Sociale',
    legal: 'Legale',
    health: 'Salute',
    housing: 'Casa',
    documents: 'Documenti',
  },
  en: {
    family: 'Family',
    work: 'Work',
    economic: 'Economic',
    social: 'Social',
    legal: 'Legal',
    health: 'Health',
    housing: 'Housing',
    documents: 'Documents',
  },
};

export const CASE_STATUS_LABELS: Labels<Cases['CaseStatus']> = {
  it: { open: 'Aperta', closed: 'Chiusa' },
  en: { open: 'Open', closed: 'Closed' },
};

export const CASE_CLOSING_REASON_LABELS: Labels<Cases['CaseClosingReason']> = {
  it: {
    goals_achieved: 'Obiettivi raggiunti',
    no_longer_needed: 'Non più necessaria',
    referred_elsewhere: 'Inviato ad altro servizio',
    moved_away: 'Trasferito altrove',
    lost_contact: 'Contatti interrotti',
    other: 'Altro',
  },
  en: {
    goals_achieved: 'Goals achieved',
    no_longer_needed: 'No longer needed',
    referred_elsewhere: 'Referred elsewhere',
    moved_away: 'Moved away',
    lost_contact: 'Lost contact',
    other: 'Other',
  },
};

export const GOAL_STATUS_LABELS: Labels<Cases['GoalStatus']> = {
  it: { open: 'Aperto', achieved: 'Raggiunto', dropped: 'Abbandonato' },
  en: { open: 'Open', achieved: 'Achieved', dropped: 'Dropped' },
};

export const ACTION_STATUS_LABELS: Labels<Cases['ActionStatus']> = {
  it: { todo: 'Da fare', in_progress: 'In corso', done: 'Fatta', cancelled: 'Annullata' },
  en: { todo: 'To do', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
};

export const NOTE_RESTRICTION_LABELS: Labels<Cases['NoteRestriction']> = {
  it: { health: 'Riservata: salute', legal: 'Riservata: legale' },
  en: { health: 'Restricted: health', legal: 'Restricted: legal' },
};

export const REFERRAL_DIRECTION_LABELS: Labels<Cases['ReferralDirection']> = {
  it: { outgoing: 'Invio ad altro servizio', incoming: 'Inviato da altro servizio' },
  en: { outgoing: 'To another service', incoming: 'From another service' },
};

export const REFERRAL_SERVICE_LABELS: Labels<Cases['ReferralService']> = {
  it: {
    asp: 'ASP',
    social_services: 'Servizi sociali',
    sai: 'Progetto SAI',
    employment_centre: "Centro per l'impiego",
    patronage_union: 'Patronato / sindacato',
    school: 'Scuola',
    health_services: 'Servizi sanitari',
    questura_prefettura: 'Questura / Prefettura',
    other: 'Altro',
  },
  en: {
    asp: 'ASP',
    social_services: 'Social services',
    sai: 'SAI project',
    employment_centre: 'Employment centre',
    patronage_union: 'Patronage / trade union',
    school: 'School',
    health_services: 'Health services',
    questura_prefettura: 'Questura / Prefettura',
    other: 'Other',
  },
};

export const REFERRAL_STATUS_LABELS: Labels<Cases['ReferralStatus']> = {
  it: { sent: 'Inviata', in_progress: 'In corso', completed: 'Conclusa', declined: 'Rifiutata' },
  en: { sent: 'Sent', in_progress: 'In progress', completed: 'Completed', declined: 'Declined' },
};

// --- households

// The type is named inline so that this block stays apart from the shared import line.
export const HOUSEHOLD_RELATION_LABELS: Labels<import('./enums.js').HouseholdRelation> = {
  it: {
    reference_person: 'Intestatario/persona di riferimento',
    spouse_partner: 'Coniuge/partner',
    child: 'Figlio/a',
    parent: 'Genitore',
    sibling: 'Fratello/sorella',
    grandchild: 'Nipote',
    grandparent: 'Nonno/a',
    other_relative: 'Altro parente',
    cohabitant: 'Convivente',
  },
  en: {
    reference_person: 'Reference person',
    spouse_partner: 'Spouse/partner',
    child: 'Child',
    parent: 'Parent',
    sibling: 'Sibling',
    grandchild: 'Grandchild',
    grandparent: 'Grandparent',
    other_relative: 'Other relative',
    cohabitant: 'Cohabitant',
  },
};

// --- documents

export const PERMIT_TYPE_LABELS: Labels<PermitType> = {
  it: {
    employment: 'Lavoro subordinato',
    self_employment: 'Lavoro autonomo',
    family: 'Motivi familiari',
    asylum: 'Asilo (status di rifugiato)',
    subsidiary_protection: 'Protezione sussidiaria',
    special_protection: 'Protezione speciale',
    special_cases: 'Casi speciali',
    study: 'Studio',
    job_seeking: 'Attesa occupazione',
    eu_long_term: 'Soggiornante UE di lungo periodo',
    medical_treatment: 'Cure mediche',
    minor: 'Minore età',
    asylum_request: 'Richiesta asilo (richiedente protezione internazionale)',
    other: 'Altro',
  },
  en: {
    employment: 'Employment',
    self_employment: 'Self-employment',
    family: 'Family reasons',
    asylum: 'Asylum (refugee status)',
    subsidiary_protection: 'Subsidiary protection',
    special_protection: 'Special protection',
    special_cases: 'Special cases',
    study: 'Study',
    job_seeking: 'Awaiting employment',
    eu_long_term: 'EU long-term resident',
    medical_treatment: 'Medical treatment',
    minor: 'Minor age',
    asylum_request: 'Asylum request (applicant for international protection)',
    other: 'Other',
  },
};

export const RENEWAL_STATUS_LABELS: Labels<RenewalStatus> = {
  it: {
    none: 'Nessuna azione',
    to_renew: 'Da rinnovare',
    requested: 'Rinnovo richiesto (ricevuta)',
    renewed: 'Rinnovato',
    refused: 'Rinnovo rifiutato',
  },
  en: {
    none: 'No action',
    to_renew: 'To renew',
    requested: 'Renewal requested (receipt)',
    renewed: 'Renewed',
    refused: 'Renewal refused',
  },
};

export const IDENTITY_DOCUMENT_KIND_LABELS: Labels<IdentityDocumentKind> = {
  it: {
    passport: 'Passaporto',
    identity_card: 'Carta d’identità',
    refugee_travel_document: 'Documento di viaggio per rifugiati',
    other: 'Altro documento',
  },
  en: {
    passport: 'Passport',
    identity_card: 'Identity card',
    refugee_travel_document: 'Refugee travel document',
    other: 'Other document',
  },
};

// --- applications, PC station, legal consultations

// Imported here, not at the top, so that each area's block stays its own.
import type { ApplicationLevel, ApplicationOutcome, PcPurpose } from './enums.js';

export const APPLICATION_LEVEL_LABELS: Labels<ApplicationLevel> = {
  it: { municipal: 'Comunale', regional: 'Regionale', national: 'Nazionale' },
  en: { municipal: 'Municipal', regional: 'Regional', national: 'National' },
};

export const APPLICATION_OUTCOME_LABELS: Labels<ApplicationOutcome> = {
  it: { submitted: 'Presentata', accepted: 'Accolta', rejected: 'Respinta', unknown: 'Esito non noto' },
  en: { submitted: 'Submitted', accepted: 'Accepted', rejected: 'Rejected', unknown: 'Outcome unknown' },
};

export const PC_PURPOSE_LABELS: Labels<PcPurpose> = {
  it: {
    job_search: 'Ricerca di lavoro',
    documents_online: 'Pratiche e documenti online',
    school: 'Scuola e formazione',
    printing_scanning: 'Stampa e scansione',
    email: 'Posta elettronica',
    other: 'Altro',
  },
  en: {
    job_search: 'Job search',
    documents_online: 'Online forms and documents',
    school: 'School and training',
    printing_scanning: 'Printing and scanning',
    email: 'E-mail',
    other: 'Other',
  },
};

// --- calendar, staff, projects

export const STAFF_ROLE_LABELS: Labels<import('./enums.js').StaffRole> = {
  it: {
    coordinator: 'Coordinatore',
    mediation_operator: 'Operatore della mediazione',
    integration_operator: "Operatore dell'integrazione",
    other: 'Altro',
  },
  en: {
    coordinator: 'Coordinator',
    mediation_operator: 'Mediation operator',
    integration_operator: 'Integration operator',
    other: 'Other',
  },
};

// --- courses, lessons, enrolments, waiting lists

// Imported here, not at the top, so that each area's block stays its own.
import type { CourseLevel, EnrolmentProgramme, LessonStatus, WaitingListKind, WaitingListPriority, WaitingListStatus } from './enums.js';

export const COURSE_LEVEL_LABELS: Labels<CourseLevel> = {
  it: { base: 'Base', alfabetizzazione: 'Alfabetizzazione', A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2' },
  en: { base: 'Basic', alfabetizzazione: 'Literacy', A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2' },
};

export const ENROLMENT_PROGRAMME_LABELS: Labels<EnrolmentProgramme> = {
  it: { sai: 'Beneficiario SAI', centre_user: 'Utente del centro', other: 'Altro' },
  en: { sai: 'SAI beneficiary', centre_user: 'Centre user', other: 'Other' },
};

export const LESSON_STATUS_LABELS: Labels<LessonStatus> = {
  it: { scheduled: 'Programmato', held: 'Svolto', cancelled: 'Annullato' },
  en: { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' },
};

export const WAITING_LIST_KIND_LABELS: Labels<WaitingListKind> = {
  it: { adult_l2: 'Italiano L2 adulti', minor_l2: 'Italiano L2 minori', driving: 'Supporto scuola guida', other: 'Altro' },
  en: { adult_l2: 'Italian L2 for adults', minor_l2: 'Italian L2 for minors', driving: 'Driving-exam support', other: 'Other' },
};

export const WAITING_LIST_STATUS_LABELS: Labels<WaitingListStatus> = {
  it: { waiting: 'In attesa', placed: 'Inserita in un corso', withdrawn: 'Ritirata' },
  en: { waiting: 'Waiting', placed: 'Placed in a course', withdrawn: 'Withdrawn' },
};

export const WAITING_LIST_PRIORITY_LABELS: Record<Locale, Record<WaitingListPriority, string>> = {
  it: { 0: 'Normale', 1: 'Alta', 2: 'Urgente' },
  en: { 0: 'Normal', 1: 'High', 2: 'Urgent' },
};

// --- events, network meetings

import type { NetworkOrganisationKind } from './enums.js';

export const NETWORK_ORGANISATION_KIND_LABELS: Labels<NetworkOrganisationKind> = {
  it: { union: 'Sindacato', service: 'Servizio pubblico', school: 'Scuola', association: 'Associazione', other: 'Altro' },
  en: { union: 'Trade union', service: 'Public service', school: 'School', association: 'Association', other: 'Other' },
};

// --- the audit log

/** The actions as the reviewer's page and the CSV export word them. */
const AUDIT_ACTION_LABELS: Labels<AuditAction> = {
  it: {
    create: 'Creazione',
    read: 'Lettura',
    list: 'Elenco',
    update: 'Modifica',
    delete: 'Eliminazione',
    login: 'Accesso',
    logout: 'Uscita',
    export: 'Esportazione',
  },
  en: {
    create: 'Creation',
    read: 'Reading',
    list: 'List',
    update: 'Change',
    delete: 'Deletion',
    login: 'Sign-in',
    logout: 'Sign-out',
    export: 'Export',
  },
};

/**
 * Every value list the app shows, by name: the one place the web app (`useI18n().label`) and the
 * documents find a value's words. A list here is complete in both languages (its type says so, and
 * labels.test.ts checks each list against its enum's values).
 */
export const LABELS = {
  gender: GENDER_LABELS,
  originGroup: ORIGIN_GROUP_LABELS,
  channel: CHANNEL_LABELS,
  referralSource: REFERRAL_LABELS,
  ageBand: AGE_BAND_LABELS,
  role: ROLE_LABELS,
  caseArea: CASE_AREA_LABELS,
  caseStatus: CASE_STATUS_LABELS,
  caseClosingReason: CASE_CLOSING_REASON_LABELS,
  goalStatus: GOAL_STATUS_LABELS,
  actionStatus: ACTION_STATUS_LABELS,
  noteRestriction: NOTE_RESTRICTION_LABELS,
  referralDirection: REFERRAL_DIRECTION_LABELS,
  referralService: REFERRAL_SERVICE_LABELS,
  referralStatus: REFERRAL_STATUS_LABELS,
  householdRelation: HOUSEHOLD_RELATION_LABELS,
  permitType: PERMIT_TYPE_LABELS,
  renewalStatus: RENEWAL_STATUS_LABELS,
  identityDocumentKind: IDENTITY_DOCUMENT_KIND_LABELS,
  applicationLevel: APPLICATION_LEVEL_LABELS,
  applicationOutcome: APPLICATION_OUTCOME_LABELS,
  pcPurpose: PC_PURPOSE_LABELS,
  staffRole: STAFF_ROLE_LABELS,
  courseLevel: COURSE_LEVEL_LABELS,
  enrolmentProgramme: ENROLMENT_PROGRAMME_LABELS,
  lessonStatus: LESSON_STATUS_LABELS,
  waitingListKind: WAITING_LIST_KIND_LABELS,
  waitingListStatus: WAITING_LIST_STATUS_LABELS,
  waitingListPriority: WAITING_LIST_PRIORITY_LABELS,
  networkOrganisationKind: NETWORK_ORGANISATION_KIND_LABELS,
  reminderKind: REMINDER_KIND_WORDS,
  reminderDelivery: REMINDER_DELIVERY_WORDS,
  auditAction: AUDIT_ACTION_LABELS,
} as const;

export type LabelList = keyof typeof LABELS;
/** The values of a list: `LabelValue<'gender'>` is `'female' | 'male' | …`. */
export type LabelValue<L extends LabelList> = keyof (typeof LABELS)[L]['it'];

/** A list's words in one language, keyed by value (for `<Options labels={…}>`). */
export function labelsOf<L extends LabelList>(locale: Locale, list: L): Record<LabelValue<L>, string> {
  return LABELS[list][locale] as Record<LabelValue<L>, string>;
}

/** One value's words, e.g. `labelOf('it', 'gender', 'female')` → "Donna". */
export function labelOf<L extends LabelList>(locale: Locale, list: L, value: LabelValue<L>): string {
  return labelsOf(locale, list)[value];
}
