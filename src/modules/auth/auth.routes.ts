import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginInput, me, passwordChangeInput, setupInput, setupStatus } from '../../contracts/auth.js';
import { problemSchema } from '../../contracts/common.js';
import { completeSetup, setupNeeded } from '../setup/setup.usecases.js';
import { requireLogin, SESSION_COOKIE } from './actor.js';
import type { NewSession } from './auth.usecases.js';
import { changePassword, describeMe, login, logout, startSession } from './auth.usecases.js';

const tags = ['auth'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 429: problemSchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const setCookie = (reply: FastifyReply, session: NewSession) =>
    reply.setCookie(SESSION_COOKIE, session.cookieValue, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.cookieSecure,
      // No expiry on the cookie: the server ends the session after SESSION_HOURS without use
      // (sliding), and the browser forgets the cookie when it closes.
    });

  app.get(
    '/setup',
    { schema: { tags, summary: 'Whether the first administrator still has to be created', security: [], response: { 200: setupStatus } } },
    async () => ({
      needed: await setupNeeded(app.db),
    }),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags,
        summary: 'First run: create the organisation, the first centre and the administrator',
        security: [],
        body: setupInput,
        response: { 201: me, ...problems },
      },
    },
    async (request, reply) => {
      const userId = await completeSetup(app.db, request.body);
      const { session, actor } = await startSession(app.db, userId, app.config.sessionHours);
      setCookie(reply, session);
      return reply.code(201).send(await describeMe(app.db, { actor, via: 'session', csrfToken: session.csrfToken }));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password (sets the session cookie)',
        security: [],
        body: loginInput,
        response: { 200: me, ...problems },
      },
    },
    async (request, reply) => {
      // request.ip is the peer's address, or with TRUST_PROXY the client's as the proxy forwards
      // it (X-Forwarded-For): the login limits count per client.
      const { session, actor } = await login(app.db, request.body, request.ip, app.config.sessionHours);
      setCookie(reply, session);
      return describeMe(app.db, { actor, via: 'session', csrfToken: session.csrfToken });
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'End the session', response: { 204: z.null(), 401: problemSchema } } },
    async (request, reply) => {
      await logout(app.db, requireLogin(request.auth));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The logged-in user, their centres and the CSRF token', response: { 200: me, 401: problemSchema } } },
    async (request) => {
      return describeMe(app.db, requireLogin(request.auth));
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (other sessions end)',
        body: passwordChangeInput,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await changePassword(app.db, requireLogin(request.auth), request.body);
      return reply.code(204).send(null);
    },
  );
};
