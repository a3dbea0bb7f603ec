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
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type VisitRow = Selectable<VisitsTable>;
export type UserRow = Selectable<UsersTable>;
