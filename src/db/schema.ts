/**
 * The tables as the application sees them (columns in camelCase; the database uses
 * snake_case through Kysely's CamelCasePlugin). Calendar dates and instants are ISO text in
 * both databases; booleans are 0/1 integers.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  createdAt: string;
}

export interface CentresTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  name: string;
  comuneIstat: string | null;
  createdAt: string;
  /** The comune's patron day as MM-DD: the centre is closed. */
  patronDay: string | null;
  /** Share of a course's lessons (percent) a learner attends to have completed it. */
  completionThreshold: Generated<number>;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The version of the settings above (patron day, threshold, contacts). */
  settingsVersion: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  organisationId: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  role: string;
  active: number;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserCentresTable {
  userId: number;
  centreId: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface SetupTokensTable {
  id: Generated<number>;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RequestTopicsTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  labelIt: string;
  labelEn: string;
  active: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTable {
  id: Generated<number>;
  centreId: number;
  givenNames: string;
  familyNames: string;
  gender: string;
  birthDate: string | null;
  birthCountry: string | null;
  citizenship: string;
  fiscalCode: string | null;
  phone: string | null;
  email: string | null;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  residenceKind: string;
  residenceComune: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonNameTokensTable {
  personId: number;
  centreId: number;
  token: string;
  skeleton: string;
}

export interface VisitsTable {
  id: Generated<number>;
  centreId: number;
  /** Instant, ISO UTC. */
  occurredAt: string;
  /** Its date in Europe/Rome: what every count by day or year uses. */
  visitDate: string;
  visitYear: number;
  channel: string;
  personId: number | null;
  /** Snapshot at the visit, so statistics survive later edits and erasure. */
  gender: string;
  citizenship: string;
  ageBand: string;
  originGroup: string;
  referralSource: string;
  notes: string | null;
  operatorId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VisitTopicsTable {
  visitId: number;
  topicId: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  centreId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON: what changed (field names, never the personal values). */
  details: string | null;
}

// --- People in care (migration 0002-care)

/** created_at, updated_at and version of an editable record (optimistic concurrency). */
interface Editable {
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface HouseholdsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  /** The name folded for search and order (householdNameKey); written with every name. */
  nameKey: Generated<string>;
  notes: string | null;
}

export interface HouseholdMembersTable {
  id: Generated<number>;
  householdId: number;
  personId: number;
  relation: string;
  joinedOn: string;
  /** null while the person belongs to the household (one household at a time). */
  leftOn: string | null;
  createdAt: string;
}

export interface CasesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  /** Exactly one of personId and householdId is set when the case is opened. */
  personId: number | null;
  householdId: number | null;
  responsibleId: number | null;
  referralSource: string;
  /** JSON array of area-of-need codes. */
  areas: string;
  summary: string | null;
  visitId: number | null;
  /** open | closed, denormalised from the periods. */
  status: string;
  /** First opening, and the end of the last period (null while open). */
  openedOn: string;
  closedOn: string | null;
}

export interface CasePeriodsTable {
  id: Generated<number>;
  caseId: number;
  openedOn: string;
  closedOn: string | null;
  closingReason: string | null;
  closingNotes: string | null;
  createdAt: string;
}

export interface CaseMembersTable {
  id: Generated<number>;
  caseId: number;
  /** null once the person's file is erased: the snapshot keeps the statistics. */
  personId: number | null;
  /** Given at erasure, the same on all the erased person's member rows: they still count as one person. */
  anonymousKey: number | null;
  relation: string | null;
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
  /** When the snapshot was taken (opening, then closing). */
  snapshotOn: string;
}

export interface CaseGoalsTable extends Editable {
  id: Generated<number>;
  caseId: number;
  title: string;
  description: string | null;
  status: string;
  sortOrder: number;
}

export interface CaseActionsTable extends Editable {
  id: Generated<number>;
  goalId: number;
  caseId: number;
  description: string;
  assigneeId: number | null;
  assigneeName: string | null;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
}

export interface CaseNotesTable extends Editable {
  id: Generated<number>;
  caseId: number;
  noteDate: string;
  authorId: number | null;
  body: string;
  /** null, or health | legal: then only the coordinator and the responsible operator read it. */
  restriction: string | null;
}

export interface ReferralsTable extends Editable {
  id: Generated<number>;
  caseId: number;
  /** outgoing | incoming */
  direction: string;
  service: string;
  serviceDetail: string | null;
  referredOn: string;
  reason: string;
  status: string;
  notes: string | null;
}

export interface ResidencePermitsTable extends Editable {
  id: Generated<number>;
  personId: number;
  centreId: number;
  permitType: string;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  renewalStatus: string;
  /** 1 when another permit of the same person expires later or never (kept by the documents module on every write). */
  superseded: Generated<number>;
  notes: string | null;
}

export interface IdentityDocumentsTable extends Editable {
  id: Generated<number>;
  personId: number;
  centreId: number;
  kind: string;
  number: string | null;
  issuingCountry: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface ApplicationTypesTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  labelIt: string;
  labelEn: string;
  level: string;
  anagrafe: number;
  active: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  personId: number | null;
  typeId: number;
  appliedOn: string;
  operatorId: number | null;
  outcome: string;
  visitId: number | null;
  notes: string | null;
}

export interface PcStationUsesTable {
  id: Generated<number>;
  centreId: number;
  usedOn: string;
  personId: number | null;
  purpose: string;
  minutes: number;
  operatorId: number | null;
  createdAt: string;
}

export interface LegalConsultationsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  heldOn: string;
  minutes: number;
  lawyerName: string | null;
  questions: string;
  guidance: string | null;
  createdBy: number | null;
}

export interface LegalConsultationCasesTable {
  consultationId: number;
  caseId: number;
}

// --- The centre's calendar and activities (migration 0003-activities-calendar)

export interface OpeningHourSetsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  validFrom: string;
  notes: string | null;
}

export interface OpeningSlotsTable {
  id: Generated<number>;
  setId: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  fromTime: string;
  toTime: string;
}

export interface ClosuresTable extends Editable {
  id: Generated<number>;
  centreId: number;
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface StaffMembersTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  role: string;
  userId: number | null;
  notes: string | null;
}

export interface StaffContractsTable extends Editable {
  id: Generated<number>;
  staffId: number;
  fromDate: string;
  toDate: string | null;
  weeklyMinutes: number;
  description: string | null;
  projectId: number | null;
}

export interface ProjectsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  funder: string | null;
  fromDate: string;
  toDate: string | null;
  extraWeeklyMinutes: number;
  description: string | null;
}

export interface CourseKindsTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  labelIt: string;
  labelEn: string;
  active: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface CoursesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  kindId: number;
  title: string;
  level: string | null;
  partner: string | null;
  place: string | null;
  startDate: string;
  endDate: string;
  /** JSON array of ISO weekdays. */
  weekdays: string;
  startTime: string;
  lessonMinutes: number;
  capacity: number | null;
  notes: string | null;
}

export interface LessonsTable extends Editable {
  id: Generated<number>;
  courseId: number;
  lessonDate: string;
  startTime: string;
  minutes: number;
  /** scheduled | held | cancelled */
  status: string;
  notes: string | null;
  /** The date of the weekly pattern a generated lesson stands for (kept when moved); null when added by hand. */
  plannedOn: string | null;
}

export interface EnrolmentsTable extends Editable {
  id: Generated<number>;
  courseId: number;
  personId: number | null;
  /** sai | centre_user | other */
  programme: string;
  enrolledOn: string;
  withdrawnOn: string | null;
  gender: string;
  citizenship: string;
}

export interface AttendanceTable {
  lessonId: number;
  enrolmentId: number;
  present: number;
  recordedAt: string;
}

export interface WaitingListEntriesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  kind: string;
  personId: number | null;
  requestedOn: string;
  priority: number;
  /** waiting | placed | withdrawn */
  status: string;
  closedOn: string | null;
  enrolmentId: number | null;
  notes: string | null;
}

export interface EventsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  title: string;
  eventDate: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  meetingPoint: string | null;
  partner: string | null;
  description: string | null;
  otherParticipants: number;
}

export interface EventParticipantsTable {
  eventId: number;
  personId: number;
}

export interface NetworkOrganisationsTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  name: string;
  kind: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMeetingsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  heldOn: string;
  topic: string;
  outcome: string | null;
}

export interface NetworkMeetingOrganisationsTable {
  meetingId: number;
  networkOrganisationId: number;
}

// --- The annual report (migration 0004-reports)

export interface ReportsTable extends Editable {
  id: Generated<number>;
  organisationId: number;
  year: number;
  /** The centres covered, ids sorted and joined by commas. */
  scopeKey: string;
  /** JSON texts: settings, { blockId: Markdown }, free blocks. */
  settings: string;
  narratives: string;
  freeBlocks: string;
  createdBy: number | null;
}

export interface ReportCentresTable {
  reportId: number;
  centreId: number;
}

export interface ReportVersionsTable {
  id: Generated<number>;
  reportId: number;
  number: number;
  /** JSON: the ReportData published, frozen. */
  data: string;
  settings: string;
  appVersion: string;
  publishedAt: string;
  publishedBy: number | null;
}

export interface Database {
  organisations: OrganisationsTable;
  centres: CentresTable;
  users: UsersTable;
  userCentres: UserCentresTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginAttempts: LoginAttemptsTable;
  setupTokens: SetupTokensTable;
  requestTopics: RequestTopicsTable;
  people: PeopleTable;
  personNameTokens: PersonNameTokensTable;
  visits: VisitsTable;
  visitTopics: VisitTopicsTable;
  auditLog: AuditLogTable;
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
  cases: CasesTable;
  casePeriods: CasePeriodsTable;
  caseMembers: CaseMembersTable;
  caseGoals: CaseGoalsTable;
  caseActions: CaseActionsTable;
  caseNotes: CaseNotesTable;
  referrals: ReferralsTable;
  residencePermits: ResidencePermitsTable;
  identityDocuments: IdentityDocumentsTable;
  applicationTypes: ApplicationTypesTable;
  applications: ApplicationsTable;
  pcStationUses: PcStationUsesTable;
  legalConsultations: LegalConsultationsTable;
  legalConsultationCases: LegalConsultationCasesTable;
  openingHourSets: OpeningHourSetsTable;
  openingSlots: OpeningSlotsTable;
  closures: ClosuresTable;
  staffMembers: StaffMembersTable;
  staffContracts: StaffContractsTable;
  projects: ProjectsTable;
  courseKinds: CourseKindsTable;
  courses: CoursesTable;
  lessons: LessonsTable;
  enrolments: EnrolmentsTable;
  attendance: AttendanceTable;
  waitingListEntries: WaitingListEntriesTable;
  events: EventsTable;
  eventParticipants: EventParticipantsTable;
  networkOrganisations: NetworkOrganisationsTable;
  networkMeetings: NetworkMeetingsTable;
  networkMeetingOrganisations: NetworkMeetingOrganisationsTable;
  reports: ReportsTable;
  reportCentres: ReportCentresTable;
  reportVersions: ReportVersionsTable;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type VisitRow = Selectable<VisitsTable>;
export type UserRow = Selectable<UsersTable>;
