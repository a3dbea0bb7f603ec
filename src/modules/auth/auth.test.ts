import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  api,
  bearerFor,
  type Cast,
  createTestUser,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import { MAX_FAILURES_PER_EMAIL } from './login-limits.js';
import { verifyPassword } from './secrets.js';

const PERSON = { givenNames: 'Amina', familyNames: 'Diallo', gender: 'female', citizenship: 'SN', birthDate: '1990-04-02' };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: authentication, sessions, tokens, CSRF`, () => {
    let t: TestApp;
    let cast: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
    });
    afterAll(() => t?.close());

    it('answers 401 problem+json on every personal route without credentials', async () => {
      const anonymous = api(t.app, null);
      const topic = await t.db.selectFrom('requestTopics').select('id').executeTakeFirstOrThrow();
      const calls = [
        anonymous.get('/people'),
        anonymous.get('/people/1'),
        anonymous.post('/people', PERSON),
        anonymous.patch('/people/1', { version: 1, givenNames: 'X' }),
        anonymous.post(erasurePath(1), ERASURE_REQUEST),
        anonymous.get('/visits'),
        anonymous.get('/visits/1'),
        anonymous.get('/visits/summary'),
        anonymous.get('/visits/export.csv'),
        anonymous.post('/visits', { anonymous: { gender: 'male', citizenship: 'MA', ageBand: '18-29' }, topicIds: [topic.id] }),
        anonymous.get('/audit'),
        anonymous.get('/auth/me'),
        anonymous.get('/users'),
        anonymous.get('/topics'),
        anonymous.get('/reference/countries'),
      ];
      for (const res of await Promise.all(calls)) {
        const problem = expectProblem(res, 401, 'auth.unauthenticated');
        expect(problem.detail).toEqual(expect.any(String));
        expect(res.body).not.toMatch(/Diallo|stack|at \//);
      }
      expect(await t.db.selectFrom('people').select('id').execute()).toEqual([]);
    });

    it('logs in, shows who is logged in with the CSRF token, and refuses a wrong password', async () => {
      const login = await api(t.app, null).post('/auth/login', { email: 'OPERATOR.A@example.test', password: cast.operatorA.password });
      const me = expectStatus<{ email: string; role: string; centres: Array<{ id: number }>; csrfToken: string }>(login, 200);
      expect(me).toMatchObject({ email: 'operator.a@example.test', role: 'operator', centres: [{ id: cast.centreA.id }] });
      const setCookie = String(login.headers['set-cookie']);
      expect(setCookie).toMatch(/approdo_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);

      const wrong = await api(t.app, null).post('/auth/login', { email: cast.operatorA.email, password: 'not the password' });
      expectProblem(wrong, 401, 'auth.invalid_credentials');
      expect(wrong.headers['set-cookie']).toBeUndefined();
      const unknown = await api(t.app, null).post('/auth/login', { email: 'nobody@example.test', password: 'whatever it is' });
      const problem = expectProblem(unknown, 401, 'auth.invalid_credentials');
      // The same answer for an unknown address: it does not tell which addresses exist.
      expect(problem.detail).toBe(wrong.json().detail);

      const logins = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'login').execute();
      expect(logins).toEqual([expect.objectContaining({ userId: cast.operatorA.id, entity: 'session' })]);
    });

    it('a cookie-authenticated write needs the X-CSRF-Token header; a wrong one is refused too', async () => {
      const session = await loginAs(t.app, cast.operatorA.email);
      const withoutCsrf = await api(t.app, { cookie: session.cookie }).post('/people', PERSON);
      expectProblem(withoutCsrf, 403, 'auth.csrf_failed');
      const wrongCsrf = await api(t.app, { cookie: session.cookie, csrf: `${session.csrf.slice(0, -2)}xx` }).post('/people', PERSON);
      expectProblem(wrongCsrf, 403, 'auth.csrf_failed');
      const otherSession = await loginAs(t.app, cast.operatorA2.email);
      const othersCsrf = await api(t.app, { cookie: session.cookie, csrf: otherSession.csrf }).post('/people', PERSON);
      expectProblem(othersCsrf, 403, 'auth.csrf_failed');
      expect(await t.db.selectFrom('people').select('id').execute()).toEqual([]);

      // Reads need no CSRF token.
      expectStatus(await api(t.app, { cookie: session.cookie }).get('/people'), 200);
      const created = expectStatus<{ id: number; givenNames: string }>(await api(t.app, session).post('/people', PERSON), 201);
      expect(created.givenNames).toBe('Amina');
      expect(await t.db.selectFrom('people').select('id').execute()).toEqual([{ id: created.id }]);
    });

    it('a Bearer token needs no CSRF token; a revoked or made-up token answers 401', async () => {
      const admin = await loginAs(t.app, cast.admin.email);
      const created = expectStatus<{ id: number; token: string; tokenPrefix: string }>(
        await api(t.app, admin).post('/tokens', { userId: cast.operatorA2.id, name: 'Import script' }),
        201,
      );
      expect(created.token.startsWith(created.tokenPrefix)).toBe(true);
      const stored = await t.db.selectFrom('apiTokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(stored.tokenHash).not.toContain(created.token); // only its hash is kept

      const viaToken = api(t.app, { bearer: created.token });
      const person = expectStatus<{ id: number }>(
        await viaToken.post('/people', {
          ...PERSON,
          givenNames: 'Chidi',
          familyNames: 'Okafor',
          citizenship: 'NG',
          birthDate: '1985-01-01',
        }),
        201,
      );
      expect((await t.db.selectFrom('people').select('createdBy').where('id', '=', person.id).executeTakeFirstOrThrow()).createdBy).toBe(
        cast.operatorA2.id,
      );
      const me = expectStatus<{ id: number; csrfToken: string | null }>(await viaToken.get('/auth/me'), 200);
      expect(me).toMatchObject({ id: cast.operatorA2.id, csrfToken: null });

      expectStatus(await api(t.app, admin).delete(`/tokens/${created.id}`), 204);
      expectProblem(await viaToken.get('/people'), 401, 'auth.unauthenticated');
      expectProblem(await viaToken.post('/people', PERSON), 401, 'auth.unauthenticated');
      const tokens = expectStatus<Array<{ id: number; revokedAt: string | null }>>(await api(t.app, admin).get('/tokens'), 200);
      expect(tokens.find((token) => token.id === created.id)?.revokedAt).toEqual(expect.any(String));

      expectProblem(await api(t.app, { bearer: 'apd_madeup' }).get('/people'), 401, 'auth.unauthenticated');
      // Other schemes are refused rather than ignored.
      const basic = await api(t.app, null).request({ method: 'GET', url: '/people', headers: { authorization: 'Basic YTpi' } });
      expectProblem(basic, 401, 'auth.unauthenticated');
    });

    it('a token of a deactivated user stops working', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'leaving@example.test',
      });
      const { bearer } = await bearerFor(t.db, user.id);
      expectStatus(await api(t.app, { bearer }).get('/people'), 200);
      const admin = await loginAs(t.app, cast.admin.email);
      expectStatus(await api(t.app, admin).patch(`/users/${user.id}`, { active: false }), 200);
      expectProblem(await api(t.app, { bearer }).get('/people'), 401, 'auth.unauthenticated');
    });

    it(`after ${MAX_FAILURES_PER_EMAIL} failures for an e-mail from one client, it is refused there with 429, the right password too`, async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'forgetful@example.test',
      });
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        expectProblem(
          await api(t.app, null).post('/auth/login', { email: user.email, password: `guess number ${i}` }),
          401,
          'auth.invalid_credentials',
        );
      }
      const limited = await api(t.app, null).post('/auth/login', { email: user.email, password: user.password });
      const problem = expectProblem(limited, 429, 'auth.rate_limited');
      expect(problem.retryAfterSeconds).toBe(15 * 60);
      expect(limited.headers['retry-after']).toBe(String(15 * 60));
      expect(limited.headers['set-cookie']).toBeUndefined();
      // The limit is per e-mail (and client, see login-limits.test.ts): others still log in from the same address.
      await loginAs(t.app, cast.coordinator.email);
      // And the limit is case-blind, since e-mails are folded to lower case.
      expectProblem(
        await api(t.app, null).post('/auth/login', { email: 'FORGETFUL@example.test', password: user.password }),
        429,
        'auth.rate_limited',
      );
    });

    it('logout ends the session (then 401) and clears the cookie', async () => {
      const session = await loginAs(t.app, cast.coordinator.email);
      expectStatus(await api(t.app, session).get('/auth/me'), 200);
      expectProblem(await api(t.app, { cookie: session.cookie }).post('/auth/logout'), 403, 'auth.csrf_failed');
      const out = await api(t.app, session).post('/auth/logout');
      // A password session signs out here only: nowhere else to go.
      expect(expectStatus(out, 200)).toEqual({ endSessionUrl: null });
      expect(String(out.headers['set-cookie'])).toMatch(/approdo_session=;/);
      expectProblem(await api(t.app, session).get('/auth/me'), 401, 'auth.unauthenticated');
      expectProblem(await api(t.app, session).get('/people'), 401, 'auth.unauthenticated');
      const logout = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', 'logout')
        .where('userId', '=', cast.coordinator.id)
        .execute();
      expect(logout).toHaveLength(1);
    });

    it('an expired session answers 401; a used one slides its expiry forward', async () => {
      const session = await loginAs(t.app, cast.viewer.email);
      const sessionOf = () => t.db.selectFrom('sessions').selectAll().where('userId', '=', cast.viewer.id).executeTakeFirstOrThrow();
      const created = await sessionOf();
      // Last seen two hours ago, still valid: using it moves the expiry to now + 8 hours.
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const inOneHour = new Date(Date.now() + 3_600_000).toISOString();
      await t.db.updateTable('sessions').set({ lastSeenAt: twoHoursAgo, expiresAt: inOneHour }).where('id', '=', created.id).execute();
      expectStatus(await api(t.app, session).get('/auth/me'), 200);
      const slid = await sessionOf();
      // Moved from now + 1 hour to about now + 8 hours (the default SESSION_HOURS).
      expect(Date.parse(slid.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3_600_000);
      expect(Date.parse(slid.expiresAt) - Date.now()).toBeLessThanOrEqual(8 * 3_600_000);
      expect(slid.lastSeenAt > twoHoursAgo).toBe(true);

      await t.db
        .updateTable('sessions')
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', created.id)
        .execute();
      expectProblem(await api(t.app, session).get('/auth/me'), 401, 'auth.unauthenticated');
      expectProblem(await api(t.app, session).get('/visits/summary'), 401, 'auth.unauthenticated');
    });

    it('a password change ends the other sessions, keeps this one, and swaps the passwords', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'changer@example.test',
      });
      const laptop = await loginAs(t.app, user.email);
      const phone = await loginAs(t.app, user.email);

      const wrong = await api(t.app, laptop).post('/auth/password', {
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase',
      });
      expectProblem(wrong, 400, 'auth.wrong_password');
      expectStatus(await api(t.app, phone).get('/auth/me'), 200);
      const tooShort = await api(t.app, laptop).post('/auth/password', { currentPassword: user.password, newPassword: 'short' });
      expectProblem(tooShort, 400, 'validation.failed');

      const changed = await api(t.app, laptop).post('/auth/password', {
        currentPassword: user.password,
        newPassword: 'a brand new passphrase',
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expectStatus(await api(t.app, laptop).get('/auth/me'), 200);
      expectProblem(await api(t.app, phone).get('/auth/me'), 401, 'auth.unauthenticated');
      expectProblem(
        await api(t.app, null).post('/auth/login', { email: user.email, password: user.password }),
        401,
        'auth.invalid_credentials',
      );
      await loginAs(t.app, user.email, 'a brand new passphrase');
    });

    it(`the current password asked again is guessed within the login limits: after ${MAX_FAILURES_PER_EMAIL} wrong ones, 429 and nothing changes`, async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'guesser@example.test',
      });
      // A session left open: whoever sits at it guesses the password behind it.
      const session = api(t.app, await loginAs(t.app, user.email));
      const change = (currentPassword: string) =>
        session.post('/auth/password', { currentPassword, newPassword: 'a guessed new passphrase' });
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expectProblem(await change(`guess ${i}`), 400, 'auth.wrong_password');
      expectProblem(await change('guess 5'), 429, 'auth.rate_limited');
      expectProblem(await change(user.password), 429, 'auth.rate_limited');
      // The second factor's own check of the password is held by the same limits.
      expectStatus(await session.post('/auth/second-factor/setup', {}), 200);
      expectProblem(
        await session.post('/auth/second-factor/enable', { password: user.password, code: '123456' }),
        429,
        'auth.rate_limited',
      );
      // The guesses count as failed logins of the address from this client: it is refused here too, the password unchanged.
      expectProblem(await api(t.app, null).post('/auth/login', { email: user.email, password: user.password }), 429, 'auth.rate_limited');
      const hash = await t.db.selectFrom('users').select('passwordHash').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(await verifyPassword(hash.passwordHash, user.password)).toBe(true);
    });

    it('an inactive user cannot log in, and their open sessions end', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'coordinator',
        centreIds: [cast.centreA.id],
        email: 'inactive@example.test',
      });
      const session = await loginAs(t.app, user.email);
      const admin = await loginAs(t.app, cast.admin.email);
      const updated = expectStatus<{ active: boolean }>(await api(t.app, admin).patch(`/users/${user.id}`, { active: false }), 200);
      expect(updated.active).toBe(false);
      expectProblem(await api(t.app, session).get('/auth/me'), 401, 'auth.unauthenticated');
      const refused = await api(t.app, null).post('/auth/login', { email: user.email, password: user.password });
      expectProblem(refused, 401, 'auth.invalid_credentials');

      // Reactivated, the same password works again.
      expectStatus(await api(t.app, admin).patch(`/users/${user.id}`, { active: true }), 200);
      await loginAs(t.app, user.email);
    });

    it('an administrator cannot deactivate themselves; only administrators manage users and tokens', async () => {
      const admin = await loginAs(t.app, cast.admin.email);
      expectProblem(await api(t.app, admin).patch(`/users/${cast.admin.id}`, { active: false }), 409, 'resource.conflict');
      const coordinator = await loginAs(t.app, cast.coordinator.email);
      expectProblem(await api(t.app, coordinator).get('/users'), 403, 'auth.forbidden');
      expectProblem(await api(t.app, coordinator).post('/tokens', { userId: cast.coordinator.id, name: 'mine' }), 403, 'auth.forbidden');
      expectProblem(await api(t.app, coordinator).patch(`/users/${cast.coordinator.id}`, { role: 'admin' }), 403, 'auth.forbidden');
      expect((await t.db.selectFrom('users').select('role').where('id', '=', cast.coordinator.id).executeTakeFirstOrThrow()).role).toBe(
        'coordinator',
      );
    });
  });
}
