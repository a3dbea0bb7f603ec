/** The errors of logging in and of authenticating a request. */
import { createErrorFactory, fixedError } from '../../errors/index.js';

export const notLoggedIn = fixedError('auth.unauthenticated', 401, 'Log in, or send a valid API token');

export const bearerTokensOnly = fixedError('auth.unauthenticated', 401, 'Only Bearer tokens are accepted');

export const invalidApiToken = fixedError('auth.unauthenticated', 401, 'This API token is not valid');

export const csrfFailed = fixedError('auth.csrf_failed', 403, 'Missing or wrong X-CSRF-Token header: reload the page');

/** The client may try again after the login window: the problem and its Retry-After say when. */
export const loginRateLimited = createErrorFactory<{ windowMinutes: number }>({
  code: 'auth.rate_limited',
  status: 429,
  message: ({ windowMinutes }) => `Too many failed attempts: try again in ${windowMinutes} minutes`,
  extra: ({ windowMinutes }) => ({ retryAfterSeconds: windowMinutes * 60 }),
});

/** One answer for an unknown address, a wrong password and an inactive account. */
export const invalidCredentials = fixedError('auth.invalid_credentials', 401, 'Wrong e-mail or password');

export const wrongCurrentPassword = fixedError('auth.wrong_password', 400, 'The current password is not right');

// --- the second factor

/** The password was right: the account has a second factor, and the login sent no code. */
export const secondFactorRequired = fixedError(
  'auth.second_factor_required',
  401,
  'Send the code of your authenticator app (or a recovery code)',
);

export const secondFactorInvalid = fixedError('auth.second_factor_invalid', 401, 'The verification code is not right');

/** A TOTP code of a time step already used: a replay, refused and logged. */
export const secondFactorReused = fixedError(
  'auth.second_factor_reused',
  401,
  'This verification code was used already: wait for the next one',
);

export const wrongSecondFactorCode = fixedError('auth.second_factor_wrong_code', 400, 'The verification code is not right');

export const secondFactorNotSetUp = fixedError('auth.second_factor_not_set_up', 409, 'Set up the second factor first');

export const secondFactorAlreadyOn = fixedError('auth.second_factor_already_on', 409, 'The second factor is on already: turn it off first');

export const secondFactorNotOn = fixedError('auth.second_factor_not_on', 409, 'The second factor is not on');

/** The organisation requires a second factor of the user's role. */
export const secondFactorMandatory = fixedError(
  'auth.second_factor_mandatory',
  409,
  'Your organisation requires a second factor for your role',
);

export const secondFactorNeedsSession = fixedError(
  'auth.second_factor_session_only',
  400,
  'The second factor is set up from a logged-in browser, not with an API token',
);

// --- signing in through the identity provider (each refusal is also logged)

export const ssoNotConfigured = fixedError('auth.sso_not_configured', 404, 'Sign-in through an identity provider is not configured');

export const ssoUnavailable = fixedError('auth.sso_unavailable', 503, 'The identity provider cannot be reached: try again later');

/** A callback with no sign-in behind it in this browser: forged, replayed, from another browser or too late. */
export const ssoStateInvalid = fixedError('auth.sso_state_invalid', 400, 'This sign-in is not valid or has expired: start again');

/** The provider refused, or its answer failed the checks (ID token, nonce, issuer, expiry). */
export const ssoRefused = fixedError('auth.sso_refused', 401, 'The identity provider did not confirm who you are');

export const ssoNoAccount = fixedError('auth.sso_no_account', 403, 'There is no Approdo account for this identity: ask your administrator');

export const ssoAmbiguous = fixedError(
  'auth.sso_ambiguous',
  409,
  "This identity's e-mail and codice fiscale belong to two different accounts: ask your administrator",
);

export const ssoBoundElsewhere = fixedError(
  'auth.sso_bound_elsewhere',
  409,
  'The Approdo account with these details is linked to another identity: ask your administrator',
);

export const ssoAccountInactive = fixedError(
  'auth.sso_account_inactive',
  403,
  'Your Approdo account is deactivated: ask your administrator',
);

/** The organisation has turned local passwords off for everyone but its break-glass administrator. */
export const passwordSignInOff = fixedError(
  'auth.password_sign_in_off',
  403,
  "Sign in with your Comune's identity: passwords are off for your account",
);

export const breakGlassNotAdmin = fixedError(
  'auth.break_glass_not_admin',
  400,
  'The break-glass account must be an active administrator of the organisation with a password',
);

/** Passwords cannot be turned off while there is no identity provider to sign in with. */
export const ssoNeededToTurnPasswordsOff = fixedError(
  'auth.sso_needed',
  409,
  'Configure the identity provider before turning passwords off',
);
