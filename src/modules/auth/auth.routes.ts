import type { FastifyReply } from 'fastify';
import { loginInput, logoutAnswer, me, passwordChangeInput, setupInput, setupStatus } from '../../contracts/auth.js';
import { problemSchema } from '../../contracts/common.js';
import { routesOf } from '../http/route.js';
import { completeSetup, setupNeeded } from '../setup/setup.usecases.js';
import { type Actor, deviceOf, requireLogin, SESSION_COOKIE, setSessionCookie } from './actor.js';
import type { NewSession } from './auth.usecases.js';
import { changePassword, describeMe, login, logout, startSession } from './auth.usecases.js';
import { secondFactorRoutes } from './second-factor.routes.js';
import { sessionsRoutes } from './sessions.routes.js';
import { ssoRoutes } from './sso.routes.js';
import { SsoClient } from './sso-client.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 429: problemSchema };

export const authRoutes = routesOf(['auth'], async (route, app) => {
  const sso = app.config.sso && new SsoClient(app.config.sso);

  /** The browser's new session: its cookie, and who is in with the session's CSRF token. */
  const signIn = (reply: FastifyReply, { session, actor }: { session: NewSession; actor: Actor }) => {
    setSessionCookie(app, reply, session);
    return describeMe(app.db, { actor, via: 'session', csrfToken: session.csrfToken });
  };

  route.get('/setup', {
    permission: 'public',
    summary: 'Whether the first administrator still has to be created',
    response: setupStatus,
    problems: {},
    handle: async () => ({ needed: await setupNeeded(app.db) }),
  });

  route.post('/setup', {
    permission: 'public',
    summary: 'First run: create the organisation, the first centre and the administrator',
    body: setupInput,
    response: me,
    status: 201,
    problems,
    handle: async (_nobody, { body }, request, reply) => {
      const userId = await completeSetup(app.db, body);
      return signIn(reply, await startSession(app.db, userId, app.config.sessionHours, deviceOf(request)));
    },
  });

  route.post('/auth/login', {
    permission: 'public',
    summary: "Log in with e-mail and password, and the second factor's code when the account has one (sets the session cookie)",
    body: loginInput,
    response: me,
    problems,
    // request.ip is the peer's address, or with TRUST_PROXY the client's as the proxy forwards
    // it (X-Forwarded-For): the login limits count per client.
    handle: async (_nobody, { body }, request, reply) =>
      signIn(reply, await login(app.db, body, deviceOf(request), app.config.sessionHours)),
  });

  // The three below act on the session itself (requireLogin), not only for its user.

  route.post('/auth/logout', {
    permission: 'login',
    summary: 'End the session; one opened through the identity provider answers where to sign out there too (else endSessionUrl is null)',
    response: logoutAnswer,
    problems: { 401: problemSchema },
    handle: async (_actor, _input, request, reply) => {
      const signedInWith = await logout(app.db, requireLogin(request.auth));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endSessionUrl: signedInWith === 'sso' && sso ? await sso.endSessionUrl().catch(() => null) : null };
    },
  });

  route.get('/auth/me', {
    permission: 'login',
    summary: 'The logged-in user, their centres and the CSRF token',
    response: me,
    problems: { 401: problemSchema },
    handle: (_actor, _input, request) => describeMe(app.db, requireLogin(request.auth)),
  });

  route.post('/auth/password', {
    permission: 'login',
    summary: 'Change your own password (other sessions end)',
    body: passwordChangeInput,
    problems,
    handle: (_actor, { body }, request) => changePassword(app.db, requireLogin(request.auth), body, request.ip),
  });

  await app.register(sessionsRoutes);
  await app.register(secondFactorRoutes);
  await app.register(ssoRoutes(sso));
});
