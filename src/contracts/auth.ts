import { z } from 'zod';
import { ROLES } from '../domain/permissions.js';
import { comuneIstat, id, optionalFields, shortText, storedRecord } from './common.js';
import { messageEn } from './messages/index.js';
import { fiscalCode } from './people.js';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Long passphrases are welcome; very long inputs are refused before hashing. */
export const newPassword = z.string().min(12, messageEn('password.too_short')).max(200);

/** A code of the second factor: 6 digits from the authenticator app, or a recovery code. */
export const secondFactorCode = z.string().trim().min(1).max(40);

export const loginInput = z.strictObject({
  email,
  password: z.string().min(1).max(200),
  /** Needed when the account has a second factor (else the login answers auth.second_factor_required). */
  code: secondFactorCode.optional(),
});

export const centreSummary = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const me = z
  .object({
    id: z.number(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    locale: z.string(),
    organisationId: z.number(),
    centres: z.array(centreSummary),
    /** on; off; required: the organisation requires it of the user's role and the user has none yet. */
    secondFactor: z.enum(['on', 'off', 'required']),
    /** Send it back as the X-CSRF-Token header on every write made with the session cookie. */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});

export const setupStatus = z.object({ needed: z.boolean() });

export const setupInput = z.strictObject({
  token: z.string().min(10).max(200),
  organisationName: shortText(200).min(1),
  centreCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, messageEn('centre.code_not_valid')),
  centreName: shortText(200).min(1),
  /**
   * The centre's comune (ISTAT code; the web form asks it, a script may leave it out and set it
   * later in the centre's settings), address, telephone and e-mail.
   */
  centreComuneIstat: comuneIstat.nullable().optional(),
  centreAddress: shortText(300).nullable().optional(),
  centrePhone: shortText(40).nullable().optional(),
  centreEmail: email.nullable().optional(),
  displayName: shortText(120).min(1),
  email,
  password: newPassword,
});
export type SetupInput = z.infer<typeof setupInput>;

export const userSchema = storedRecord('User', {
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  centreIds: z.array(z.number()),
  createdAt: z.string(),
  /** Matched to the `fiscalNumber` claim of SPID/CIE gateways when signing in through the identity provider. */
  fiscalCode: z.string().nullable(),
  /** Signed in through the identity provider at least once: the account is bound to that identity. */
  ssoBound: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

const userFields = {
  displayName: shortText(120).min(1),
  role: z.enum(ROLES),
  centreIds: z.array(id).min(1).max(100),
  password: newPassword,
  fiscalCode: fiscalCode.nullable(),
};

/** A new account; without a password, it signs in only through the identity provider. */
export const userCreateInput = z.strictObject({
  email,
  ...userFields,
  password: newPassword.optional(),
  fiscalCode: fiscalCode.nullable().optional(),
});

/** A change of account: its email is not changed; `active: false` deactivates it. */
export const userUpdateInput = z.strictObject({ ...optionalFields(userFields), active: z.boolean().optional() });

export const apiTokenSchema = storedRecord('ApiToken', {
  userId: z.number(),
  userEmail: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const apiTokenCreateInput = z.strictObject({
  userId: id,
  name: shortText(100).min(1),
});

export const apiTokenCreated = apiTokenSchema.extend({
  /** Shown once: only its hash is stored. */
  token: z.string(),
});

export const centreSchema = storedRecord('Centre', {
  organisationId: z.number(),
  code: z.string(),
  name: z.string(),
  comuneIstat: z.string().nullable(),
});

export const centreCreateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/),
  name: shortText(200).min(1),
  comuneIstat: comuneIstat.nullable().optional(),
});

/** A session as its user sees it: never its secret, only a short handle to end it by. */
export const sessionSchema = z
  .object({
    handle: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    /** The session this request comes with. */
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const sessionHandleParams = z.strictObject({ handle: z.string().regex(/^[0-9a-f]{16}$/) });

export const sessionsEnded = z.object({ ended: z.number() });

// --- the second factor (TOTP with recovery codes)

export const secondFactorStatus = z.object({
  state: z.enum(['on', 'off', 'required']),
  /** The organisation requires it of the user's role: it cannot be turned off. */
  requiredForRole: z.boolean(),
  recoveryCodesLeft: z.number(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatus>;

/** A new seed, answered once: the otpauth URI, its QR code and the seed for typing in by hand. */
export const secondFactorSetup = z.object({
  otpauthUri: z.string(),
  /** The seed in base32, for an app without a camera. */
  secret: z.string(),
  /** The QR code of the otpauth URI, as an SVG data URL. */
  qrCode: z.string(),
});
export type SecondFactorSetup = z.infer<typeof secondFactorSetup>;

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, messageEn('second_factor.code_not_valid'));

/** Turning the second factor on asks the password too: a stolen session alone cannot tie the account to a thief's phone. */
export const secondFactorEnableInput = z.strictObject({ password: z.string().min(1).max(200), code: totpCode });

/** The recovery codes, answered once when the second factor is turned on: only their hashes are kept. */
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const secondFactorDisableInput = z.strictObject({
  password: z.string().min(1).max(200),
  code: secondFactorCode,
});

/** The roles an organisation may require a second factor of. */
export const SECOND_FACTOR_ROLES = ['admin', 'coordinator'] as const;

export const secondFactorPolicy = z.object({ roles: z.array(z.enum(SECOND_FACTOR_ROLES)) }).meta({ id: 'SecondFactorPolicy' });
export type SecondFactorPolicy = z.infer<typeof secondFactorPolicy>;

export const secondFactorPolicyInput = z.strictObject({ roles: z.array(z.enum(SECOND_FACTOR_ROLES)).max(2) });

// --- signing in through the Comune's identity provider (OpenID Connect)

/** What the login page offers: the identity provider's button when one is configured, and whether passwords are for the break-glass account only. */
export const signInOptions = z
  .object({
    sso: z.object({ buttonLabel: z.string().nullable() }).nullable(),
    passwordSignIn: z.enum(['everyone', 'break_glass']),
  })
  .meta({ id: 'SignInOptions' });
export type SignInOptions = z.infer<typeof signInOptions>;

export const signInPolicyInput = z.strictObject({
  /** Signing in creates an account (viewer of no centre) for someone the provider knows and Approdo does not. */
  ssoCreatesAccounts: z.boolean(),
  /** 'break_glass': only `breakGlassUserId` (an active administrator with a password) signs in with a password. */
  passwordSignIn: z.enum(['everyone', 'break_glass']),
  breakGlassUserId: id.nullable(),
});

export const signInPolicy = signInPolicyInput
  .extend({
    /** Whether the server has an identity provider configured (OIDC_ISSUER). */
    ssoConfigured: z.boolean(),
  })
  .meta({ id: 'SignInPolicy' });
export type SignInPolicy = z.infer<typeof signInPolicy>;

export const ssoStartQuery = z.strictObject({ returnTo: z.string().max(500).optional() });

/** A provider's callback: the code and state, or its error; anything else it adds (iss, session_state) is passed on as sent. */
export const ssoCallbackQuery = z.looseObject({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});

/** Logging out of a session opened through the identity provider: where to sign out there too. */
export const logoutAnswer = z.object({ endSessionUrl: z.string().nullable() });
