/** Organisations, centres, accounts and their sign-in, the topic catalogue and the audit log. */
import type { Generated } from 'kysely';
import type { CatalogueTable } from './shared.js';

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  createdAt: string;
  /** JSON array of the roles that must use a second factor (migration 0011); none by default. */
  secondFactorRoles: Generated<string>;
  /** 1: signing in through the identity provider creates an account (viewer of no centre) for someone unknown (migration 0012). */
  ssoCreatesAccounts: Generated<number>;
  /** 'everyone', or 'break_glass': only `breakGlassUserId` signs in with a password. */
  passwordSignIn: Generated<string>;
  breakGlassUserId: number | null;
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

/** A centre's logo or its Comune's stemma, shown on the report's cover (migration 0016): one a centre. */
export interface CentreLogosTable {
  centreId: number;
  /** image/png or image/jpeg, as read from the bytes. */
  mediaType: string;
  bytes: Buffer;
  byteSize: number;
  /** Pixels. */
  width: number;
  height: number;
  uploadedAt: string;
  uploadedBy: number | null;
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
  /** The codice fiscale, to match the `fiscalNumber` an identity provider sends (migration 0012). */
  fiscalCode: string | null;
  /** The identity (issuer and subject) this account signs in with, bound at its first sign-in. */
  ssoIssuer: string | null;
  ssoSubject: string | null;
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
  /** 'password' or 'sso' (migration 0012): an sso session's sign-out goes to the provider too. */
  signedInWith: Generated<string>;
}

/** A sign-in through the identity provider, started and not yet finished (single use, minutes long). */
export interface SignInRequestsTable {
  /** SHA-256 of the state sent to the provider. */
  id: string;
  nonce: string;
  codeVerifier: string;
  /** The app's page to go back to. */
  returnTo: string;
  createdAt: string;
  expiresAt: string;
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
  centreLogos: CentreLogosTable;
  users: UsersTable;
  userCentres: UserCentresTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginAttempts: LoginAttemptsTable;
  setupTokens: SetupTokensTable;
  recoveryCodes: RecoveryCodesTable;
  signInRequests: SignInRequestsTable;
  requestTopics: RequestTopicsTable;
  auditLog: AuditLogTable;
}
