/**
 * Signing in through the Comune's identity provider: the browser goes to /auth/sso/start, the
 * provider, then /auth/sso/callback, which opens the session and goes back to the app's page
 * (or to the login page, saying why not: /login?sso=<code>). Both are browser navigations
 * answered with redirects, so they are declared on Fastify directly. Also: what the login page
 * offers, and the organisation's sign-in policy.
 */
import type { FastifyReply } from 'fastify';
import { signInOptions, signInPolicy, signInPolicyInput, ssoCallbackQuery, ssoStartQuery } from '../../contracts/auth.js';
import { problemResponses } from '../../contracts/common.js';
import { AppError } from '../../errors/index.js';
import { routesOf } from '../http/route.js';
import { deviceOf, setSessionCookie } from './actor.js';
import { ssoNotConfigured } from './auth.errors.js';
import { changeSignInPolicy, finishSsoSignIn, SIGN_IN_MINUTES, signInOptionsOf, signInPolicyFor, startSsoSignIn } from './sso.usecases.js';
import type { SsoClient } from './sso-client.js';

/** Keeps the state of the sign-in this browser started, for its callback only. */
const STATE_COOKIE = 'approdo_sso_state';
const STATE_COOKIE_PATH = '/api/v1/auth/sso';

export const ssoRoutes = (sso: SsoClient | null) =>
  routesOf(['auth'], (route, app) => {
    /** A refused sign-in goes back to the login page, which says why in the user's language. */
    const backToLogin = (reply: FastifyReply, error: unknown) => {
      if (!(error instanceof AppError) || !error.code.startsWith('auth.')) throw error;
      reply.request.log.warn({ code: error.code }, 'sign-in through the identity provider refused');
      return reply.redirect(`/login?sso=${encodeURIComponent(error.code)}`, 303);
    };

    app.get(
      '/auth/sso/start',
      {
        schema: {
          tags: ['auth'],
          summary: "Start signing in through the identity provider: redirects the browser there (returnTo: the app's page to come back to)",
          security: [],
          querystring: ssoStartQuery,
        },
      },
      async (request, reply) => {
        try {
          if (!sso) throw ssoNotConfigured();
          const { url, state } = await startSsoSignIn(app.db, sso, request.query.returnTo);
          reply.setCookie(STATE_COOKIE, state, {
            path: STATE_COOKIE_PATH,
            httpOnly: true,
            // Lax: the provider sends the browser back with a cross-site navigation, which a strict cookie would miss.
            sameSite: 'lax',
            secure: app.config.cookieSecure,
            maxAge: SIGN_IN_MINUTES * 60,
          });
          return reply.redirect(url, 303);
        } catch (error) {
          return backToLogin(reply, error);
        }
      },
    );

    app.get(
      '/auth/sso/callback',
      {
        schema: {
          tags: ['auth'],
          summary:
            "The identity provider's callback: opens the session and redirects to the app (or to /login?sso=<code> when refused; each refusal is logged)",
          security: [],
          querystring: ssoCallbackQuery,
        },
      },
      async (request, reply) => {
        const browserState = request.cookies[STATE_COOKIE];
        reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
        try {
          if (!sso) throw ssoNotConfigured();
          const query = request.url.slice(request.url.indexOf('?') + 1);
          const { session, returnTo } = await finishSsoSignIn(
            app.db,
            sso,
            { query, state: request.query.state, browserState },
            deviceOf(request),
            app.config.sessionHours,
          );
          setSessionCookie(app, reply, session);
          return reply.redirect(returnTo, 303);
        } catch (error) {
          return backToLogin(reply, error);
        }
      },
    );

    route.get('/auth/sign-in-options', {
      permission: 'public',
      summary: 'What the login page offers: the identity provider, and whether passwords are for the break-glass account only',
      response: signInOptions,
      problems: {},
      handle: () => signInOptionsOf(app.db, sso),
    });

    route.get('/organisation/sign-in', {
      permission: 'users.manage',
      summary: "The organisation's sign-in policy: accounts created by signing in, and who may still sign in with a password",
      response: signInPolicy,
      problems: problemResponses,
      handle: (actor) => signInPolicyFor(app.db, actor, sso !== null),
    });

    route.put('/organisation/sign-in', {
      permission: 'users.manage',
      summary:
        'Set the sign-in policy: passwords off for everyone but a break-glass administrator (needs the identity provider), accounts created by signing in (as viewer of no centre)',
      body: signInPolicyInput,
      response: signInPolicy,
      problems: problemResponses,
      handle: (actor, { body }) => changeSignInPolicy(app.db, actor, body, sso !== null),
    });
  });
