/** Organisations, centres, accounts and their sign-in, the topic catalogue and the audit log. */
import type { Generated } from 'kysely';
import type { CatalogueTable } from './shared.js';

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  createdAt: string;
  /** JSON array of the roles that must use a second factor (migration 0011); none by default. */
  secondFactorRoles: Generated<string>;
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
  /** The privacy notice's version the centre gives today (migration 0009). */
  privacyNoticeVersion: Generated<string>;
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
  /** The active TOTP seed (base32), stored as is: the app has no server secret to encrypt it with (migration 0011). */
  totpSecret: string | null;
  /** A seed set up but not yet confirmed with a code. */
  totpPendingSecret: string | null;
  totpEnabledAt: string | null;
  /** The last TOTP time step accepted: a code of that step or earlier is refused as reused. */
  totpLastStep: number | null;
  /** Codes refused since `secondFactorFailedAt`'s window began (any client): past a few, no code is taken. */
  secondFactorFailures: Generated<number>;
  secondFactorFailedAt: string | null;
}

/** A second factor's recovery codes: SHA-256 of each, used once. */
export interface RecoveryCodesTable {
  id: Generated<number>;
  userId: number;
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
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
  /** The browser's User-Agent when the session was opened (cut to 300 characters). */
  userAgent: string | null;
  /** The client's address when the session was opened. */
  ip: string | null;
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

export interface RequestTopicsTable extends CatalogueTable {}

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

/** This area\'s part of `Database` (schema.ts). */
export interface AccountsTables {
  organisations: OrganisationsTable;
  centres: CentresTable;
  users: UsersTable;
  userCentres: UserCentresTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginAttempts: LoginAttemptsTable;
  setupTokens: SetupTokensTable;
  recoveryCodes: RecoveryCodesTable;
  requestTopics: RequestTopicsTable;
  auditLog: AuditLogTable;
}
