/**
 * The tables as the application sees them (columns in camelCase; the database uses
 * snake_case through Kysely's CamelCasePlugin). Calendar dates and instants are ISO text in
 * both databases; booleans are 0/1 integers. Each area's tables are in schema/<area>.ts.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AccountsTables, UsersTable } from './schema/accounts.js';
import type { CalendarTables } from './schema/calendar.js';
import type { CareTables } from './schema/care.js';
import type { CoursesTables } from './schema/courses.js';
import type { DocumentsTables } from './schema/documents.js';
import type { EventsTables } from './schema/events.js';
import type { ImportsTables } from './schema/imports.js';
import type { PeopleTable, PeopleTables, VisitsTable } from './schema/people.js';
import type { PrivacyTables } from './schema/privacy.js';
import type { ProcessingRegisterTables } from './schema/processing-register.js';
import type { RemindersTables } from './schema/reminders.js';
import type { ReportsTables } from './schema/reports.js';
import type { RetentionTables } from './schema/retention.js';

export type {
  ApiTokensTable,
  AuditLogTable,
  CentreLogosTable,
  CentresTable,
  LoginAttemptsTable,
  OrganisationsTable,
  RequestTopicsTable,
  SessionsTable,
  SetupTokensTable,
  SignInRequestsTable,
  UserCentresTable,
  UsersTable,
} from './schema/accounts.js';
export type {
  ClosuresTable,
  OpeningHourSetsTable,
  OpeningSlotsTable,
  ProjectsTable,
  StaffContractsTable,
  StaffMembersTable,
} from './schema/calendar.js';
export type {
  CaseActionsTable,
  CaseGoalsTable,
  CaseMembersTable,
  CaseNotesTable,
  CasePeriodsTable,
  CasesTable,
  HouseholdMembersTable,
  HouseholdsTable,
  ReferralsTable,
} from './schema/care.js';
export type {
  AttendanceTable,
  CourseKindsTable,
  CoursesTable,
  EnrolmentsTable,
  LessonsTable,
  WaitingListEntriesTable,
} from './schema/courses.js';
export type {
  ApplicationsTable,
  ApplicationTypesTable,
  IdentityDocumentsTable,
  LegalConsultationCasesTable,
  LegalConsultationsTable,
  PcStationUsesTable,
  ResidencePermitsTable,
} from './schema/documents.js';
export type {
  EventParticipantsTable,
  EventsTable,
  NetworkMeetingOrganisationsTable,
  NetworkMeetingsTable,
  NetworkOrganisationsTable,
} from './schema/events.js';
export type { PeopleTable, PersonNameTokensTable, VisitsTable, VisitTopicsTable } from './schema/people.js';
export type { ErasureRequestsTable, PrivacyNoticesTable } from './schema/privacy.js';
export type { ProcessingRegisterTextsTable } from './schema/processing-register.js';
export type { ReminderDigestsTable, ReminderItemsTable, ReminderPreferencesTable } from './schema/reminders.js';
export type { ReportCentresTable, ReportsTable, ReportVersionLogosTable, ReportVersionsTable } from './schema/reports.js';
export type { RetentionRunsTable, RetentionSettingsTable } from './schema/retention.js';

export interface Database
  extends AccountsTables,
    PeopleTables,
    CareTables,
    DocumentsTables,
    CalendarTables,
    CoursesTables,
    EventsTables,
    ReportsTables,
    ImportsTables,
    RetentionTables,
    PrivacyTables,
    ProcessingRegisterTables,
    RemindersTables {}

export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type VisitRow = Selectable<VisitsTable>;
export type UserRow = Selectable<UsersTable>;
