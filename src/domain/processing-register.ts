/**
 * The register of processing (GDPR art. 30): what Approdo holds, about whom and why, declared
 * once. Each category of data names the tables and columns behind it (the database's own
 * snake_case names), so that the register says what the schema holds; a test fails when a
 * table of the schema is in no category and not declared free of personal data. The words are
 * written here in both languages, like the value lists of contracts/labels.ts: the page and
 * the PDF say the same.
 */
import { PERMISSIONS, type Permission, ROLES, type Role } from './permissions.js';

/** A text in both languages (Italian first). */
export interface Bilingual {
  it: string;
  en: string;
}

export const PEOPLE_CATEGORIES = {
  desk_users: {
    it: 'Persone che si rivolgono allo sportello (utenti, anche minori) e persone prese in carico',
    en: 'People who come to the desk (users, minors too) and people in care',
  },
  household_members: {
    it: 'Componenti dei nuclei familiari delle persone prese in carico',
    en: 'Members of the households of people in care',
  },
  participants: {
    it: 'Partecipanti a corsi, liste d’attesa ed eventi',
    en: 'Participants in courses, waiting lists and events',
  },
  staff: {
    it: 'Personale e utenti di Approdo (operatori, coordinatori, amministratori, consultatori)',
    en: 'Staff and users of Approdo (operators, coordinators, administrators, viewers)',
  },
} as const satisfies Record<string, Bilingual>;
export type PeopleCategory = keyof typeof PEOPLE_CATEGORIES;

export const PURPOSES = {
  desk: {
    it: 'Informazione, orientamento e accompagnamento allo sportello (registro degli accessi)',
    en: 'Information, orientation and support at the desk (the register of visits)',
  },
  care: {
    it: 'Presa in carico: percorsi personalizzati, piano, diario, invii ad altri servizi',
    en: 'Care: personalised paths, plan, diary, referrals to other services',
  },
  documents: {
    it: 'Supporto per documenti, permessi di soggiorno e domande (bonus, Anagrafe)',
    en: 'Support with documents, residence permits and applications (benefits, registry office)',
  },
  activities: {
    it: 'Corsi, laboratori ed eventi del centro',
    en: 'The centre’s courses, clubs and events',
  },
  statistics: {
    it: 'Statistiche e relazione annuale di gestione, solo con dati aggregati',
    en: 'Statistics and the annual management report, with aggregated figures only',
  },
  rights: {
    it: 'Esercizio dei diritti dell’interessato (informativa, accesso, cancellazione)',
    en: 'The data subject’s rights (privacy notice, access, erasure)',
  },
  security: {
    it: 'Gestione degli accessi al sistema, sicurezza e tracciabilità delle operazioni',
    en: 'Access to the system, security and accountability of operations',
  },
} as const satisfies Record<string, Bilingual>;
export type Purpose = keyof typeof PURPOSES;

/** A table and the columns of it that hold the category's data. */
export interface DataSource {
  table: string;
  columns: readonly string[];
}

export interface DataCategory extends Bilingual {
  code: string;
  /** Special categories (art. 9: health; legal status and ethnic origin that can be inferred). */
  special: boolean;
  people: readonly PeopleCategory[];
  purposes: readonly Purpose[];
  sources: readonly DataSource[];
}

const source = (table: string, ...columns: string[]): DataSource => ({ table, columns });

export const DATA_CATEGORIES: readonly DataCategory[] = [
  {
    code: 'identity',
    it: 'Dati anagrafici e identificativi (nome, genere, nascita, codice fiscale, documenti d’identità)',
    en: 'Identity (name, gender, birth, codice fiscale, identity documents)',
    special: false,
    people: ['desk_users', 'household_members', 'participants'],
    purposes: ['desk', 'care', 'documents', 'activities'],
    sources: [
      source('people', 'given_names', 'family_names', 'gender', 'birth_date', 'birth_country', 'fiscal_code', 'languages'),
      source('person_name_tokens', 'token', 'skeleton'),
      source('identity_documents', 'kind', 'number', 'issuing_country', 'issued_on', 'expires_on'),
    ],
  },
  {
    code: 'contacts',
    it: 'Recapiti (telefono, e-mail)',
    en: 'Contacts (telephone, e-mail)',
    special: false,
    people: ['desk_users', 'participants'],
    purposes: ['desk', 'care', 'activities'],
    sources: [source('people', 'phone', 'email')],
  },
  {
    code: 'citizenship',
    it: 'Cittadinanza e condizione giuridica (da cui può desumersi l’origine etnica)',
    en: 'Citizenship and legal status (ethnic origin may be inferred from them)',
    special: true,
    people: ['desk_users', 'household_members', 'participants'],
    purposes: ['desk', 'care', 'documents', 'statistics'],
    sources: [
      source('people', 'citizenship'),
      source('visits', 'citizenship', 'origin_group'),
      source('case_members', 'citizenship'),
      source('enrolments', 'citizenship'),
    ],
  },
  {
    code: 'permits',
    it: 'Permessi di soggiorno (tipo, numero, scadenza, rinnovo)',
    en: 'Residence permits (type, number, expiry, renewal)',
    special: true,
    people: ['desk_users'],
    purposes: ['documents'],
    sources: [
      source(
        'residence_permits',
        'permit_type',
        'number',
        'issued_on',
        'expires_on',
        'renewal_status',
        'superseded',
        'notes',
        'contacted_on',
        'contacted_by',
      ),
    ],
  },
  {
    code: 'residence',
    it: 'Residenza (comune, senza fissa dimora)',
    en: 'Residence (comune, no fixed abode)',
    special: false,
    people: ['desk_users', 'household_members'],
    purposes: ['desk', 'care', 'statistics'],
    sources: [source('people', 'residence_kind', 'residence_comune'), source('case_members', 'residence_kind', 'residence_comune')],
  },
  {
    code: 'visits',
    it: 'Accessi allo sportello (data, canale, tipologia di richiesta, note)',
    en: 'Visits to the desk (date, channel, request topic, notes)',
    special: false,
    people: ['desk_users'],
    purposes: ['desk', 'statistics'],
    sources: [
      source('visits', 'occurred_at', 'visit_date', 'channel', 'person_id', 'gender', 'age_band', 'referral_source', 'notes'),
      source('visit_topics', 'topic_id'),
    ],
  },
  {
    code: 'household',
    it: 'Nucleo familiare (componenti, relazioni di parentela, note)',
    en: 'Household (members, relations, notes)',
    special: false,
    people: ['desk_users', 'household_members'],
    purposes: ['care'],
    sources: [
      source('households', 'name', 'name_key', 'notes'),
      source('household_members', 'person_id', 'relation', 'joined_on', 'left_on'),
    ],
  },
  {
    code: 'care',
    it: 'Percorsi di presa in carico (aree di bisogno, piano, diario, invii ad altri servizi)',
    en: 'Care (areas of need, plan, diary, referrals to other services)',
    special: false,
    people: ['desk_users', 'household_members'],
    purposes: ['care', 'statistics'],
    sources: [
      source('cases', 'person_id', 'household_id', 'responsible_id', 'referral_source', 'areas', 'summary', 'opened_on', 'closed_on'),
      source('case_periods', 'opened_on', 'closed_on', 'closing_reason', 'closing_notes'),
      source('case_members', 'person_id', 'anonymous_key', 'relation', 'gender', 'birth_date'),
      source('case_goals', 'title', 'description', 'status'),
      source('case_actions', 'description', 'assignee_name', 'due_on', 'status', 'done_on'),
      source('case_notes', 'note_date', 'body'),
      source('referrals', 'direction', 'service', 'service_detail', 'referred_on', 'reason', 'status', 'notes'),
    ],
  },
  {
    code: 'health_legal',
    it: 'Note riservate su salute e questioni legali; consulenze legali sui casi',
    en: 'Restricted notes on health and legal matters; legal consultations on cases',
    special: true,
    people: ['desk_users', 'household_members'],
    purposes: ['care'],
    sources: [
      source('case_notes', 'restriction', 'body'),
      source('legal_consultations', 'questions', 'guidance'),
      source('legal_consultation_cases', 'case_id'),
    ],
  },
  {
    code: 'applications',
    it: 'Domande e bonus compilati, uso della postazione PC',
    en: 'Applications and benefits filled in, use of the PC station',
    special: false,
    people: ['desk_users'],
    purposes: ['documents', 'statistics'],
    sources: [
      source('applications', 'person_id', 'type_id', 'applied_on', 'outcome', 'notes'),
      source('pc_station_uses', 'person_id', 'used_on', 'purpose', 'minutes'),
    ],
  },
  {
    code: 'activities',
    it: 'Corsi, presenze, liste d’attesa ed eventi',
    en: 'Courses, attendance, waiting lists and events',
    special: false,
    people: ['participants'],
    purposes: ['activities', 'statistics'],
    sources: [
      source('enrolments', 'person_id', 'programme', 'enrolled_on', 'withdrawn_on', 'gender'),
      source('attendance', 'enrolment_id', 'present'),
      source('waiting_list_entries', 'person_id', 'kind', 'requested_on', 'priority', 'status', 'notes'),
      source('event_participants', 'person_id'),
    ],
  },
  {
    code: 'privacy',
    it: 'Informative consegnate e richieste di cancellazione',
    en: 'Privacy notices given and erasure requests',
    special: false,
    people: ['desk_users'],
    purposes: ['rights'],
    sources: [
      source('privacy_notices', 'person_id', 'given_on', 'notice_version', 'language'),
      source('erasure_requests', 'person_id', 'requested_on', 'reason', 'outcome', 'refusal_reason'),
    ],
  },
  {
    code: 'imports',
    it: 'Registri importati (file caricati in attesa e righe scartate, come lette)',
    en: 'Imported registers (files waiting to be imported, rejected rows as read)',
    special: false,
    people: ['desk_users', 'participants'],
    purposes: ['desk'],
    sources: [
      source('imports', 'file_name', 'stored_path', 'headers', 'value_mappings', 'decisions'),
      source('import_rows', 'fingerprint'),
      source('import_rejects', 'cells', 'params'),
      source('import_record_ranges', 'first_id', 'last_id'),
      source('import_mappings', 'value_mappings'),
    ],
  },
  {
    code: 'staff',
    it: 'Personale e account (nome, e-mail, ruolo, centri, contratti)',
    en: 'Staff and accounts (name, e-mail, role, centres, contracts)',
    special: false,
    people: ['staff'],
    purposes: ['security', 'activities'],
    sources: [
      source('users', 'email', 'display_name', 'fiscal_code', 'role', 'active', 'locale'),
      source('user_centres', 'user_id', 'centre_id'),
      source('staff_members', 'name', 'role', 'user_id', 'notes'),
      source('staff_contracts', 'from_date', 'to_date', 'weekly_minutes'),
      source('legal_consultations', 'lawyer_name'),
    ],
  },
  {
    code: 'credentials',
    it: 'Credenziali e sessioni (password e codici come hash, secondo fattore, indirizzo IP e browser)',
    en: 'Credentials and sessions (passwords and codes as hashes, second factor, IP address and browser)',
    special: false,
    people: ['staff'],
    purposes: ['security'],
    sources: [
      source(
        'users',
        'password_hash',
        'sso_issuer',
        'sso_subject',
        'totp_secret',
        'totp_pending_secret',
        'totp_enabled_at',
        'totp_last_step',
      ),
      source('recovery_codes', 'code_hash', 'used_at'),
      source('sessions', 'user_id', 'created_at', 'last_seen_at', 'user_agent', 'ip', 'signed_in_with'),
      source('api_tokens', 'user_id', 'name', 'token_hash', 'last_used_at'),
      source('login_attempts', 'email', 'ip', 'at', 'succeeded'),
    ],
  },
  {
    code: 'reminders',
    it: 'Promemoria giornalieri (la scelta di ogni utente, i promemoria fatti e inviati, le persone, i casi e i corsi a cui rimandano)',
    en: 'Daily reminders (each user’s choice, the digests made and sent, the people, cases and courses they point to)',
    special: false,
    people: ['staff', 'desk_users', 'participants'],
    purposes: ['care', 'documents', 'activities'],
    sources: [
      source('reminder_preferences', 'user_id', 'delivery'),
      source('reminder_digests', 'user_id', 'digest_on', 'email_status', 'email_sent_at', 'email_error'),
      source('reminder_items', 'kind', 'person_id', 'case_id', 'course_id', 'record_id', 'due_on', 'amount'),
    ],
  },
  {
    code: 'audit',
    it: 'Registro delle attività (chi ha letto o modificato quale scheda, quando)',
    en: 'Audit log (who read or changed which file, when)',
    special: false,
    people: ['staff', 'desk_users'],
    purposes: ['security'],
    sources: [source('audit_log', 'at', 'user_id', 'action', 'entity', 'entity_id', 'details')],
  },
];

/**
 * The tables that hold no personal data, each with the reason: catalogues, the calendar, the
 * aggregated figures. A table of the schema is either here or in a category above.
 */
export const TABLES_WITHOUT_PERSONAL_DATA: Readonly<Record<string, string>> = {
  organisations: 'the organisation: name and second-factor policy',
  centres: 'service points: public contacts and settings',
  centre_logos: 'the centre’s logo or its Comune’s stemma for the report’s cover',
  setup_tokens: 'the one-time first-run link, as a hash',
  sign_in_requests: 'a sign-in waiting for its callback: state, nonce and verifier, no identity',
  request_topics: 'catalogue',
  application_types: 'catalogue',
  course_kinds: 'catalogue',
  network_organisations: 'catalogue of bodies, not people',
  network_meetings: 'meetings with bodies: topic and outcome',
  network_meeting_organisations: 'link of meetings and bodies',
  opening_hour_sets: 'calendar',
  opening_slots: 'calendar',
  closures: 'calendar (public reasons)',
  projects: 'funded projects',
  courses: 'courses: the course, not its participants',
  lessons: 'lessons: dates and times',
  events: 'events: the event, with a count of unnamed participants',
  reports: 'the annual report: aggregated figures and narrative texts',
  report_centres: 'link of reports and centres',
  report_versions: 'published reports: aggregated figures',
  report_version_logos: 'the cover’s logo a published report was published with',
  historical_figures: 'figures published for past years',
  visit_day_counts: 'the visits of each centre, day and origin group: counts, no visit or person',
  care_versions: 'a version of each centre’s care data, changed by every write of a case: no person',
  course_versions: 'a version of each centre’s course data, changed by every write of a course, lesson, enrolment or attendance: no person',
  processing_register_texts: 'this register’s texts',
  retention_settings: 'the organisation’s retention settings',
  retention_runs: 'each retention run: when, its settings and how many files it removed',
  kysely_migration: 'the migrations run',
  kysely_migration_lock: 'the migrations’ lock',
};

// --- recipients: who reads what, from the roles' permissions

/** What a role may read, from the widest: personal files, or aggregated figures only, or nothing. */
export type RoleReach = 'personal' | 'aggregate' | 'none';

export function reachOf(role: Role): RoleReach {
  const has = (permission: Permission) => (PERMISSIONS[permission] as readonly Role[]).includes(role);
  if (has('personal.read')) return 'personal';
  if (has('statistics.read')) return 'aggregate';
  return 'none';
}

export interface RoleRecipient {
  role: Role;
  reach: RoleReach;
  /** Every permission the role holds, as permissions.ts names them. */
  permissions: Permission[];
}

/** Each role with what it reads and may do. */
export function roleRecipients(): RoleRecipient[] {
  return ROLES.map((role) => ({
    role,
    reach: reachOf(role),
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
      (PERMISSIONS[permission] as readonly Role[]).includes(role),
    ),
  }));
}
