/**
 * Signing in through the Comune's identity provider, against a real OpenID provider started
 * here (test/support/oidc-provider.ts), on both databases: accounts matched by e-mail and by
 * codice fiscale, accounts created only when allowed, every forged, replayed or failing callback
 * refused and logged (never a 5xx), the organisation's password policy, and sign-out.
 */
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  sessionCookieOf,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../../test/support/oidc-provider.js';
import type { Me, SignInOptions, SignInPolicy, User } from '../../contracts/auth.js';
import { buildApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';

const APP_URL = testConfig().publicUrl;
const OMAR_CF = 'RSSMRA85T10A562S';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: signing in through the identity provider`, () => {
    let idp: TestProvider;
    let t: TestApp;
    let cast: Cast;
    let admin: { cookie: string; csrf: string };

    beforeAll(async () => {
      idp = await startTestProvider({
        appUrl: APP_URL,
        accounts: [
          { sub: 'carla', email: 'Coordinator@example.test', email_verified: true, name: 'Carla C.' },
          // A SPID/CIE gateway: the codice fiscale, no e-mail.
          { sub: 'omar', fiscalNumber: `TINIT-${OMAR_CF}`, name: 'Omar O.' },
          { sub: 'nuovo', email: 'nuovo.collega@example.test', email_verified: true, name: 'Nina Nuova' },
          { sub: 'unverified', email: 'viewer@example.test', email_verified: false },
        ],
      });
      t = await startTestApp(dialect, { sso: idp.ssoSettings() });
      cast = await seedCast(t.db);
      admin = await loginAs(t.app, cast.admin.email);
    });
    afterAll(async () => {
      await t?.close();
      await idp?.close();
    });

    /** The browser starts a sign-in: where Approdo sends it, and the state cookie it keeps. */
    async function start(returnTo?: string, app = t.app) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/auth/sso/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(303);
      const location = String(res.headers.location);
      expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
      const cookie = [res.headers['set-cookie']].flat().find((line) => String(line).startsWith('approdo_sso_state='));
      expect(String(cookie)).toMatch(/HttpOnly/i);
      expect(String(cookie)).toMatch(/SameSite=Lax/i);
      return { location, stateCookie: String(cookie).split(';')[0] as string };
    }

    /** The provider sends the browser back: Approdo's answer to the callback. */
    function callback(url: URL, stateCookie: string | undefined, app = t.app) {
      return app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: stateCookie ? { cookie: stateCookie } : {} });
    }

    async function signIn(login: string, returnTo?: string) {
      const { location, stateCookie } = await start(returnTo);
      return callback(await signInAtProvider(idp, location, login), stateCookie);
    }

    function expectRefused(res: Response, code: string) {
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe(`/login?sso=${code}`);
      expect(sessionCookieOf(res)).toBeUndefined();
    }

    async function refusals() {
      const rows = await t.db
        .selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'login')
        .where('details', 'like', '%refused%')
        .execute();
      return rows.map((row) => JSON.parse(row.details ?? '{}') as { refused: string; cause?: string });
    }

    async function meWith(res: Response) {
      const cookie = sessionCookieOf(res);
      expect(cookie).toBeDefined();
      return expectStatus<Me>(await api(t.app, { cookie: cookie as string }).get('/auth/me'), 200);
    }

    it('matches an account by e-mail, binds it to the identity, goes back to the page asked, and signs out at the provider too', async () => {
      const res = await signIn('carla', '/casi?stato=aperti');
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe('/casi?stato=aperti');
      expect(String(res.headers['set-cookie'])).toMatch(/approdo_session=[^;]+;.*HttpOnly/i);
      const me = await meWith(res);
      expect(me).toMatchObject({ id: cast.coordinator.id, role: 'coordinator' });

      const user = await t.db
        .selectFrom('users')
        .select(['ssoIssuer', 'ssoSubject'])
        .where('id', '=', cast.coordinator.id)
        .executeTakeFirstOrThrow();
      expect(user).toEqual({ ssoIssuer: idp.issuer, ssoSubject: 'carla' });
      const logins = await t.db
        .selectFrom('auditLog')
        .select('details')
        .where('userId', '=', cast.coordinator.id)
        .where('action', '=', 'login')
        .execute();
      expect(logins.map((row) => JSON.parse(row.details ?? '{}'))).toContainEqual({ via: 'sso' });

      const session = { cookie: sessionCookieOf(res) as string, csrf: me.csrfToken as string };
      const out = expectStatus<{ endSessionUrl: string }>(await api(t.app, session).post('/auth/logout'), 200);
      const end = new URL(out.endSessionUrl);
      expect(end.origin).toBe(idp.issuer);
      expect(Object.fromEntries(end.searchParams)).toEqual({ client_id: idp.clientId, post_logout_redirect_uri: `${APP_URL}/login` });
      expectProblem(await api(t.app, session).get('/auth/me'), 401, 'auth.unauthenticated');
      // A password session signs out here only.
      const password = await loginAs(t.app, cast.operatorB.email);
      expect(expectStatus(await api(t.app, password).post('/auth/logout'), 200)).toEqual({ endSessionUrl: null });
    });

    it('matches an account by the codice fiscale a SPID/CIE gateway sends (TINIT-…), set by the administrator', async () => {
      expectRefused(await signIn('omar'), 'auth.sso_no_account');
      const updated = expectStatus<User>(
        await api(t.app, admin).patch(`/users/${cast.operatorA.id}`, { fiscalCode: OMAR_CF.toLowerCase() }),
        200,
      );
      expect(updated).toMatchObject({ fiscalCode: OMAR_CF, ssoBound: false });
      expectProblem(await api(t.app, admin).patch(`/users/${cast.operatorB.id}`, { fiscalCode: OMAR_CF }), 409, 'resource.conflict');
      expectProblem(
        await api(t.app, admin).patch(`/users/${cast.operatorB.id}`, { fiscalCode: 'RSSMRA85T10A562T' }),
        400,
        'validation.failed',
      );

      const me = await meWith(await signIn('omar'));
      expect(me.id).toBe(cast.operatorA.id);
      const users = expectStatus<User[]>(await api(t.app, admin).get('/users'), 200);
      expect(users.find((u) => u.id === cast.operatorA.id)).toMatchObject({ ssoBound: true, fiscalCode: OMAR_CF });
    });

    it('creates nobody unless the organisation allows it, and then only a viewer of no centre', async () => {
      expectRefused(await signIn('nuovo'), 'auth.sso_no_account');
      expect(
        await t.db.selectFrom('users').select('id').where('email', '=', 'nuovo.collega@example.test').executeTakeFirst(),
      ).toBeUndefined();

      const policy = expectStatus<SignInPolicy>(await api(t.app, admin).get('/organisation/sign-in'), 200);
      expect(policy).toEqual({ ssoConfigured: true, ssoCreatesAccounts: false, passwordSignIn: 'everyone', breakGlassUserId: null });
      expectStatus(
        await api(t.app, admin).put('/organisation/sign-in', { ...policy, ssoConfigured: undefined, ssoCreatesAccounts: true }),
        200,
      );

      const me = await meWith(await signIn('nuovo'));
      expect(me).toMatchObject({ email: 'nuovo.collega@example.test', displayName: 'Nina Nuova', role: 'viewer', centres: [] });
      const created = await t.db
        .selectFrom('auditLog')
        .select('userId')
        .where('action', '=', 'create')
        .where('entity', '=', 'user')
        .where('entityId', '=', String(me.id))
        .execute();
      expect(created).toEqual([{ userId: null }]);

      // An e-mail the provider says is not verified finds no account and creates none.
      expectRefused(await signIn('unverified'), 'auth.sso_no_account');
      expectStatus(
        await api(t.app, admin).put('/organisation/sign-in', {
          ssoCreatesAccounts: false,
          passwordSignIn: 'everyone',
          breakGlassUserId: null,
        }),
        200,
      );
    });

    it('refuses a forged callback, a wrong state, a replay, a provider error and a changed nonce, and logs each', async () => {
      const before = (await refusals()).length;
      // Forged: no sign-in was started in this browser, or the state is made up.
      expectRefused(await callback(new URL(`${APP_URL}/api/v1/auth/sso/callback?code=abc&state=xyz`), undefined), 'auth.sso_state_invalid');
      expectRefused(
        await callback(new URL(`${APP_URL}/api/v1/auth/sso/callback?code=abc&state=xyz`), 'approdo_sso_state=xyz'),
        'auth.sso_state_invalid',
      );

      // The state of one sign-in with the cookie of another (login CSRF).
      const first = await start();
      const second = await start();
      const back = await signInAtProvider(idp, first.location, 'carla');
      expectRefused(await callback(back, second.stateCookie), 'auth.sso_state_invalid');

      // Replayed: the same callback twice.
      const again = await start();
      const url = await signInAtProvider(idp, again.location, 'carla');
      expect((await callback(url, again.stateCookie)).headers.location).toBe('/');
      expectRefused(await callback(url, again.stateCookie), 'auth.sso_state_invalid');

      // The provider answers with an error (the person cancelled).
      const cancelled = await start();
      const state = new URL(cancelled.location).searchParams.get('state') as string;
      expectRefused(
        await callback(
          new URL(`${APP_URL}/api/v1/auth/sso/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`),
          cancelled.stateCookie,
        ),
        'auth.sso_refused',
      );

      // The ID token's nonce is not the one this sign-in sent.
      const tampered = await start();
      await t.db.updateTable('signInRequests').set({ nonce: 'another-nonce' }).execute();
      expectRefused(await callback(await signInAtProvider(idp, tampered.location, 'carla'), tampered.stateCookie), 'auth.sso_refused');

      const logged = (await refusals()).slice(before);
      expect(logged.map((row) => row.refused)).toEqual([
        'auth.sso_state_invalid',
        'auth.sso_state_invalid',
        'auth.sso_state_invalid',
        'auth.sso_state_invalid',
        'auth.sso_refused',
        'auth.sso_refused',
      ]);
      expect(logged[4]?.cause).toBe('access_denied');
    });

    it('refuses an expired ID token and a code from another issuer', async () => {
      // The same database, an app whose clock runs two hours ahead: the provider's ID tokens (one hour) have expired.
      const late = await buildApp(t.database, testConfig({ sso: idp.ssoSettings({ clockSkewSeconds: 2 * 3600 }) }));
      try {
        const started = await start(undefined, late);
        expectRefused(
          await callback(await signInAtProvider(idp, started.location, 'carla'), started.stateCookie, late),
          'auth.sso_refused',
        );
      } finally {
        await late.close();
      }
      expect((await refusals()).at(-1)?.cause).toMatch(/JWT|TIMESTAMP|exp/i);

      // Another provider, with a client of the same name, signs the person in and sends its code here.
      const foreign = await startTestProvider({ appUrl: APP_URL, accounts: [{ sub: 'carla', email: 'coordinator@example.test' }] });
      try {
        const started = await start();
        const elsewhere = new URL(started.location);
        const foreignUrl = `${foreign.issuer}${elsewhere.pathname}${elsewhere.search}`;
        expectRefused(await callback(await signInAtProvider(foreign, foreignUrl, 'carla'), started.stateCookie), 'auth.sso_refused');
      } finally {
        await foreign.close();
      }
    });

    it('refuses an identity whose details name two accounts, an account bound to another identity, and a deactivated one', async () => {
      idp.accounts.set('doppio', { sub: 'doppio', email: 'operator.b@example.test', fiscalNumber: `TINIT-${OMAR_CF}` });
      expectRefused(await signIn('doppio'), 'auth.sso_ambiguous');
      idp.accounts.set('carla-bis', { sub: 'carla-bis', email: 'coordinator@example.test' });
      expectRefused(await signIn('carla-bis'), 'auth.sso_bound_elsewhere');

      expectStatus(await api(t.app, admin).patch(`/users/${cast.operatorA.id}`, { active: false }), 200);
      expectRefused(await signIn('omar'), 'auth.sso_account_inactive');
      expectStatus(await api(t.app, admin).patch(`/users/${cast.operatorA.id}`, { active: true }), 200);
    });

    it('goes back to a page of the app only, never to another site', async () => {
      const res = await signIn('carla', 'https://evil.example/phish');
      expect(res.headers.location).toBe('/');
      const slashes = await signIn('carla', '//evil.example');
      expect(slashes.headers.location).toBe('/');
    });

    it('lets the administrator turn passwords off for everyone but a break-glass administrator', async () => {
      const put = (body: object, who: { cookie: string; csrf: string } = admin) => api(t.app, who).put('/organisation/sign-in', body);
      const off = { ssoCreatesAccounts: false, passwordSignIn: 'break_glass' };
      expectProblem(await put({ ...off, breakGlassUserId: null }), 400, 'auth.break_glass_not_admin');
      expectProblem(await put({ ...off, breakGlassUserId: cast.coordinator.id }), 400, 'auth.break_glass_not_admin');
      expectProblem(await put({ ...off, breakGlassUserId: 999_999 }), 400, 'auth.break_glass_not_admin');
      expectProblem(await put({ ...off, breakGlassUserId: cast.admin.id, extra: 1 }), 400, 'validation.failed');
      const coordinator = await loginAs(t.app, cast.coordinator.email);
      expectProblem(await put({ ...off, breakGlassUserId: cast.admin.id }, coordinator), 403, 'auth.forbidden');
      expectProblem(await api(t.app, coordinator).get('/organisation/sign-in'), 403, 'auth.forbidden');

      expectStatus(await put({ ...off, breakGlassUserId: cast.admin.id }), 200);
      const options = expectStatus<SignInOptions>(await api(t.app, null).get('/auth/sign-in-options'), 200);
      expect(options).toEqual({ sso: { buttonLabel: 'Entra con l’identità del Comune' }, passwordSignIn: 'break_glass' });

      const refused = await api(t.app, null).post('/auth/login', { email: cast.operatorB.email, password: TEST_PASSWORD });
      expectProblem(refused, 403, 'auth.password_sign_in_off');
      // A wrong password answers as before: the policy tells nothing to someone without it.
      expectProblem(
        await api(t.app, null).post('/auth/login', { email: cast.operatorB.email, password: 'wrong password!' }),
        401,
        'auth.invalid_credentials',
      );
      expectStatus(await api(t.app, null).post('/auth/login', { email: cast.admin.email, password: TEST_PASSWORD }), 200);
      // The coordinator still comes in through the provider.
      expect((await meWith(await signIn('carla'))).id).toBe(cast.coordinator.id);

      expectStatus(await put({ ssoCreatesAccounts: false, passwordSignIn: 'everyone', breakGlassUserId: null }), 200);
      expectStatus(await api(t.app, null).post('/auth/login', { email: cast.operatorB.email, password: TEST_PASSWORD }), 200);
    });

    it('never gives the client secret, a code or a state to the browser or the log', async () => {
      const options = await api(t.app, null).get('/auth/sign-in-options');
      const policy = await api(t.app, admin).get('/organisation/sign-in');
      const started = await start();
      const back = await signInAtProvider(idp, started.location, 'carla');
      const done = await callback(back, started.stateCookie);
      for (const res of [options, policy, done]) expect(res.body).not.toContain(idp.clientSecret);
      const log = await t.db.selectFrom('auditLog').select('details').where('details', 'is not', null).execute();
      const text = log.map((row) => row.details).join('\n');
      expect(text).not.toContain(idp.clientSecret);
      expect(text).not.toContain(back.searchParams.get('code') as string);
      expect(text).not.toContain(back.searchParams.get('state') as string);
    });
  });

  describeDialect(dialect)(`${dialect}: without an identity provider`, () => {
    let t: TestApp;
    let cast: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
    });
    afterAll(() => t?.close());

    it('offers passwords only, sends a sign-in back to the login page, and keeps passwords on', async () => {
      expect(expectStatus(await api(t.app, null).get('/auth/sign-in-options'), 200)).toEqual({ sso: null, passwordSignIn: 'everyone' });
      const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/start' });
      expect(start.statusCode).toBe(303);
      expect(start.headers.location).toBe('/login?sso=auth.sso_not_configured');
      const admin = await loginAs(t.app, cast.admin.email);
      expectProblem(
        await api(t.app, admin).put('/organisation/sign-in', {
          ssoCreatesAccounts: false,
          passwordSignIn: 'break_glass',
          breakGlassUserId: cast.admin.id,
        }),
        409,
        'auth.sso_needed',
      );
    });
  });
}

describe('an identity provider that cannot be reached', () => {
  it('sends the browser back to the login page saying so (no 5xx)', async () => {
    const t = await startTestApp('sqlite', {
      sso: {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'approdo',
        clientSecret: 'secret',
        scopes: 'openid',
        emailClaim: 'email',
        fiscalCodeClaim: 'fiscalNumber',
        buttonLabel: null,
        redirectUri: `${APP_URL}/api/v1/auth/sso/callback`,
        postLogoutRedirectUri: `${APP_URL}/login`,
      },
    });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/start' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/login?sso=auth.sso_unavailable');
    } finally {
      await t.close();
    }
  });
});
