/** The errors of logging in and of authenticating a request. */
import { createErrorFactory } from '../../errors/index.js';

export const notLoggedIn = createErrorFactory({ code: 'auth.unauthenticated', status: 401, message: 'Log in, or send a valid API token' });

export const bearerTokensOnly = createErrorFactory({
  code: 'auth.unauthenticated',
  status: 401,
  message: 'Only Bearer tokens are accepted',
});

export const invalidApiToken = createErrorFactory({ code: 'auth.unauthenticated', status: 401, message: 'This API token is not valid' });

export const csrfFailed = createErrorFactory({
  code: 'auth.csrf_failed',
  status: 403,
  message: 'Missing or wrong X-CSRF-Token header: reload the page',
});

/** The client may try again after the login window: the problem and its Retry-After say when. */
export const loginRateLimited = createErrorFactory<{ windowMinutes: number }>({
  code: 'auth.rate_limited',
  status: 429,
  message: ({ windowMinutes }) => `Too many failed attempts: try again in ${windowMinutes} minutes`,
  extra: ({ windowMinutes }) => ({ retryAfterSeconds: windowMinutes * 60 }),
});

/** One answer for an unknown address, a wrong password and an inactive account. */
export const invalidCredentials = createErrorFactory({
  code: 'auth.invalid_credentials',
  status: 401,
  message: 'Wrong e-mail or password',
});

export const wrongCurrentPassword = createErrorFactory({
  code: 'auth.wrong_password',
  status: 400,
  message: 'The current password is not right',
});
