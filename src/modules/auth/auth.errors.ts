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
