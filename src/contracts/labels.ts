/**
 * Display labels of the fixed value lists, in Italian and English: used by the web app and by
 * the server for exports. The Italian words follow the centre's report.
 */
import type { AgeBand, Channel, Gender, OriginGroup, ReferralSource, Role } from './enums.js';

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

// --- documents

// --- applications, PC station, legal consultations
