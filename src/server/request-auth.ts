/**
 * Resolves who is calling on every /api/v1 request (Bearer token or session cookie) and
 * refuses cookie-authenticated writes without the session's CSRF token. Tokens are not
 * sent by browsers on their own, so Bearer requests need no CSRF check.
 */
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../modules/auth/actor.js';
import { bearerTokensOnly, csrfFailed, invalidApiToken } from '../modules/auth/auth.errors.js';
import { authenticate } from '../modules/auth/auth.usecases.js';
import { safeEqual } from '../modules/auth/secrets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerRequestAuth(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (header && !bearer) throw bearerTokensOnly();
    const cookie = request.cookies[SESSION_COOKIE];
    request.auth = await authenticate(app.db, { bearer, cookie }, app.config.sessionHours);
    if (bearer && !request.auth) throw invalidApiToken();

    if (request.auth?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.auth.csrfToken || !safeEqual(sent, request.auth.csrfToken)) {
        throw csrfFailed();
      }
    }
  });
}
