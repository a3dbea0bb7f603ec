/**
 * The second factor of local accounts (issue 14): enrolment, logging in with a TOTP or a
 * recovery code, wrong and reused codes refused (and counted, and logged), an administrator's
 * reset, the organisation's policy, and no secret in any later answer or audit row. The clock
 * is faked (Date only) so that each test says which 30-second step it is in.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  api,
  bearerFor,
  type Cast,
  createTestOrganisation,
  createTestUser,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  sessionCookieOf,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { MAX_FAILURES_PER_EMAIL } from './login-limits.js';
import { MAX_REFUSED_CODES } from './second-factor.usecases.js';

/** The start of a 30-second step. */
const START = Date.parse('2026-03-02T09:00:00Z');
const STEP_MS = 30_000;

interface Enrolled {
  seed: string;
  recoveryCodes: string[];
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the second factor (TOTP, recovery codes)`, () => {
    let t: TestApp;
    let cast: Cast;
    /** Every secret handed out, to look for it where it must not be. */
    const secrets: string[] = [];
    let clock = START;

    /** Moves the clock on by whole steps (and a few seconds into the step). */
    const advance = (steps: number, seconds = 3) => {
      clock += steps * STEP_MS + seconds * 1000;
      vi.setSystemTime(clock);
    };
    const codeNow = (seed: string) => generate({ secret: seed, epoch: Math.floor(clock / 1000) });
    const wrongCode = async (seed: string) => {
      const right = await codeNow(seed);
      return right === '123456' ? '654321' : '123456';
    };

    const login = (user: TestUser, code?: string) =>
      api(t.app, null).post('/auth/login', { email: user.email, password: user.password, ...(code !== undefined && { code }) });

    async function enrol(user: TestUser): Promise<Enrolled> {
      const session = await loginAs(t.app, user.email, user.password);
      const setup = expectStatus<{ otpauthUri: string; secret: string; qrCode: string }>(
        await api(t.app, session).post('/auth/second-factor/setup'),
        200,
      );
      const enabled = expectStatus<{ recoveryCodes: string[] }>(
        await api(t.app, session).post('/auth/second-factor/enable', { password: user.password, code: await codeNow(setup.secret) }),
        200,
      );
      secrets.push(setup.secret, ...enabled.recoveryCodes);
      advance(1);
      return { seed: setup.secret, recoveryCodes: enabled.recoveryCodes };
    }

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(clock);
    });
    afterAll(async () => {
      vi.useRealTimers();
      await t?.close();
    });

    it('enrols: a pending seed answered once with its otpauth URI and QR code, turned on by a code of it, 10 recovery codes once', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'enrol@example.test',
      });
      const session = await loginAs(t.app, user.email);
      expect(expectStatus<{ secondFactor: string }>(await api(t.app, session).get('/auth/me'), 200).secondFactor).toBe('off');

      expectProblem(
        await api(t.app, session).post('/auth/second-factor/enable', { password: user.password, code: '123456' }),
        409,
        'auth.second_factor_not_set_up',
      );
      const setup = expectStatus<{ otpauthUri: string; secret: string; qrCode: string }>(
        await api(t.app, session).post('/auth/second-factor/setup'),
        200,
      );
      secrets.push(setup.secret);
      expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.otpauthUri).toBe(`otpauth://totp/Approdo:enrol%40example.test?secret=${setup.secret}&issuer=Approdo`);
      expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      // Set up, not yet on: the login still needs only the password.
      expectStatus(await login(user), 200);

      // The password too: a stolen session alone cannot turn it on.
      expectProblem(
        await api(t.app, session).post('/auth/second-factor/enable', { password: 'not the password', code: await codeNow(setup.secret) }),
        400,
        'auth.wrong_password',
      );
      expectProblem(
        await api(t.app, session).post('/auth/second-factor/enable', { password: user.password, code: await wrongCode(setup.secret) }),
        400,
        'auth.second_factor_wrong_code',
      );
      const notDigits = expectProblem(
        await api(t.app, session).post('/auth/second-factor/enable', { password: user.password, code: '12ab56' }),
        400,
        'validation.failed',
      );
      expect(JSON.stringify(notDigits)).toMatch(/second_factor\.code_not_valid/);

      const enabled = expectStatus<{ recoveryCodes: string[] }>(
        await api(t.app, session).post('/auth/second-factor/enable', { password: user.password, code: await codeNow(setup.secret) }),
        200,
      );
      secrets.push(...enabled.recoveryCodes);
      expect(enabled.recoveryCodes).toHaveLength(10);
      expect(new Set(enabled.recoveryCodes).size).toBe(10);
      for (const code of enabled.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);

      expect(expectStatus<{ secondFactor: string }>(await api(t.app, session).get('/auth/me'), 200).secondFactor).toBe('on');
      expect(expectStatus(await api(t.app, session).get('/auth/second-factor'), 200)).toEqual({
        state: 'on',
        requiredForRole: false,
        recoveryCodesLeft: 10,
      });
      expectProblem(await api(t.app, session).post('/auth/second-factor/setup'), 409, 'auth.second_factor_already_on');

      // Stored: the seed (no server secret to encrypt it with) and only the hashes of the recovery codes.
      const stored = await t.db.selectFrom('recoveryCodes').select('codeHash').where('userId', '=', user.id).execute();
      expect(stored).toHaveLength(10);
      expect(JSON.stringify(stored)).not.toContain(enabled.recoveryCodes[0]);
    });

    it('logs in only with a code: the password alone answers second_factor_required (not counted), a wrong code is refused and counted', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'login@example.test',
      });
      const { seed } = await enrol(user);

      const withoutCode = await login(user);
      expectProblem(withoutCode, 401, 'auth.second_factor_required');
      expect(withoutCode.headers['set-cookie']).toBeUndefined();
      const failures = () =>
        t.db.selectFrom('loginAttempts').select('id').where('email', '=', user.email).where('succeeded', '=', 0).execute();
      expect(await failures()).toHaveLength(0);
      // A wrong password with no code is still just a wrong password.
      expectProblem(
        await api(t.app, null).post('/auth/login', { email: user.email, password: 'not the password' }),
        401,
        'auth.invalid_credentials',
      );
      expect(await failures()).toHaveLength(1);

      expectProblem(await login(user, await wrongCode(seed)), 401, 'auth.second_factor_invalid');
      expectProblem(await login(user, 'not-a-recovery-code'), 401, 'auth.second_factor_invalid');
      expect(await failures()).toHaveLength(3);
      const refusals = await t.db
        .selectFrom('auditLog')
        .select('details')
        .where('userId', '=', user.id)
        .where('action', '=', 'login')
        .where('details', 'is not', null)
        .execute();
      expect(refusals.map((row) => JSON.parse(row.details as string))).toEqual([
        { refused: 'second factor wrong' },
        { refused: 'second factor wrong' },
      ]);

      const ok = await login(user, await codeNow(seed));
      expect(expectStatus<{ secondFactor: string }>(ok, 200).secondFactor).toBe('on');
      expect(sessionCookieOf(ok)).toBeDefined();

      // Wrong codes count towards the login limits like wrong passwords.
      advance(1);
      for (let i = (await failures()).length; i < MAX_FAILURES_PER_EMAIL; i++) {
        expectProblem(await login(user, await wrongCode(seed)), 401, 'auth.second_factor_invalid');
      }
      expectProblem(await login(user, await codeNow(seed)), 429, 'auth.rate_limited');
    });

    it('holds the account after 10 refused codes, from whatever clients: even the right code waits for the window', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'many.clients@example.test',
      });
      const { seed } = await enrol(user);
      // Each guess from another client (the per-client login limits never see more than one).
      const from = (i: number) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password, code: 'no-such-recovery-code' },
          remoteAddress: `203.0.113.${i + 1}`,
        });
      const wrong = await wrongCode(seed);
      for (let i = 0; i < MAX_REFUSED_CODES; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password, code: i % 2 ? wrong : 'no-such-recovery-code' },
          remoteAddress: `203.0.113.${i + 1}`,
        });
        expectProblem(res, 401, 'auth.second_factor_invalid');
      }
      expectProblem(await from(50), 429, 'auth.rate_limited');
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password, code: await codeNow(seed) },
        remoteAddress: '198.51.100.7',
      });
      expectProblem(right, 429, 'auth.rate_limited');
      // The window over, the right code is taken (and "123 456", as the apps show it, is the same code).
      advance(31);
      const spaced = (await codeNow(seed)).replace(/^(\d{3})/, '$1 ');
      expectStatus(await login(user, spaced), 200);
    });

    it('refuses a code of a step already used, and logs the refusal', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'reuse@example.test',
      });
      const { seed } = await enrol(user);
      const code = await codeNow(seed);
      expectStatus(await login(user, code), 200);
      expectProblem(await login(user, code), 401, 'auth.second_factor_reused');
      // Still refused a step later, while the code is inside the window of the step before.
      advance(1, 0);
      expectProblem(await login(user, code), 401, 'auth.second_factor_reused');
      const refused = await t.db
        .selectFrom('auditLog')
        .select(['entity', 'details'])
        .where('userId', '=', user.id)
        .where('action', '=', 'login')
        .where('details', 'like', '%reused%')
        .execute();
      expect(refused).toEqual([
        { entity: 'session', details: JSON.stringify({ refused: 'second factor reused' }) },
        { entity: 'session', details: JSON.stringify({ refused: 'second factor reused' }) },
      ]);
      expectStatus(await login(user, await codeNow(seed)), 200);
    });

    it('takes a recovery code once, however it is typed', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'recovery@example.test',
      });
      const { recoveryCodes } = await enrol(user);
      const [first = '', second = ''] = recoveryCodes;
      expectStatus(await login(user, first), 200);
      expectProblem(await login(user, first), 401, 'auth.second_factor_invalid');
      expectStatus(await login(user, ` ${second.replaceAll('-', '').toUpperCase()} `), 200);
      const session = await loginAs(t.app, user.email).catch(() => null);
      expect(session).toBeNull();
      const me = await loginWithCode(user, recoveryCodes[2] ?? '');
      expect(expectStatus(await api(t.app, me).get('/auth/second-factor'), 200)).toEqual({
        state: 'on',
        requiredForRole: false,
        recoveryCodesLeft: 7,
      });
    });

    async function loginWithCode(user: TestUser, code: string) {
      const res = await login(user, code);
      const { csrfToken } = expectStatus<{ csrfToken: string }>(res, 200);
      return { cookie: sessionCookieOf(res) as string, csrf: csrfToken };
    }

    it('turns off with the password and a code; an administrator resets a lost phone (audited); others may not', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'off@example.test',
      });
      const { seed } = await enrol(user);
      const session = await loginWithCode(user, await codeNow(seed));
      advance(1);
      expectProblem(
        await api(t.app, session).request({
          method: 'DELETE',
          url: '/auth/second-factor',
          payload: { password: 'not the password', code: await codeNow(seed) },
        }),
        400,
        'auth.wrong_password',
      );
      expectProblem(
        await api(t.app, session).request({
          method: 'DELETE',
          url: '/auth/second-factor',
          payload: { password: user.password, code: await wrongCode(seed) },
        }),
        400,
        'auth.second_factor_wrong_code',
      );
      expectStatus(
        await api(t.app, session).request({
          method: 'DELETE',
          url: '/auth/second-factor',
          payload: { password: user.password, code: await codeNow(seed) },
        }),
        204,
      );
      expectStatus(await login(user), 200);
      expect(await t.db.selectFrom('recoveryCodes').select('id').where('userId', '=', user.id).execute()).toEqual([]);

      // The administrator's reset.
      const phoneLost = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'lost@example.test',
      });
      await enrol(phoneLost);
      const coordinator = await loginAs(t.app, cast.coordinator.email);
      expectProblem(await api(t.app, coordinator).delete(`/users/${phoneLost.id}/second-factor`), 403, 'auth.forbidden');
      const admin = await loginAs(t.app, cast.admin.email);
      const other = await createTestOrganisation(t.db, { name: 'Altro Comune', centres: ['Z'] });
      const stranger = await createTestUser(t.db, {
        organisationId: other.organisationId,
        role: 'operator',
        centreIds: [other.centres[0]?.id ?? 0],
        email: 'stranger@example.test',
      });
      expectProblem(await api(t.app, admin).delete(`/users/${stranger.id}/second-factor`), 404, 'resource.not_found');
      expectProblem(await login(phoneLost), 401, 'auth.second_factor_required');
      expectStatus(await api(t.app, admin).delete(`/users/${phoneLost.id}/second-factor`), 204);
      expect(expectStatus<{ secondFactor: string }>(await login(phoneLost), 200).secondFactor).toBe('off');
      const reset = await t.db
        .selectFrom('auditLog')
        .select(['userId', 'action', 'details'])
        .where('entity', '=', 'user')
        .where('entityId', '=', String(phoneLost.id))
        .where('details', 'like', '%reset%')
        .execute();
      expect(reset).toEqual([
        { userId: cast.admin.id, action: 'update', details: JSON.stringify({ fields: ['secondFactor'], secondFactor: 'reset' }) },
      ]);
    });

    it("the organisation requires it of roles: /auth/me says 'required' until set up, and it cannot be turned off", async () => {
      const admin = await loginAs(t.app, cast.admin.email);
      expect(expectStatus(await api(t.app, admin).get('/organisation/second-factor'), 200)).toEqual({ roles: [] });
      expectProblem(
        await api(t.app, admin).request({ method: 'PUT', url: '/organisation/second-factor', payload: { roles: ['operator'] } }),
        400,
        'validation.failed',
      );
      const coordinatorSession = await loginAs(t.app, cast.coordinator.email);
      expectProblem(
        await api(t.app, coordinatorSession).request({
          method: 'PUT',
          url: '/organisation/second-factor',
          payload: { roles: ['coordinator'] },
        }),
        403,
        'auth.forbidden',
      );
      expect(
        expectStatus(
          await api(t.app, admin).request({ method: 'PUT', url: '/organisation/second-factor', payload: { roles: ['coordinator'] } }),
          200,
        ),
      ).toEqual({ roles: ['coordinator'] });
      const [policyChange] = await t.db.selectFrom('auditLog').select(['entity', 'details']).where('entity', '=', 'organisation').execute();
      expect(policyChange).toEqual({
        entity: 'organisation',
        details: JSON.stringify({ fields: ['secondFactorRoles'], secondFactorRoles: ['coordinator'] }),
      });

      // The API keeps working meanwhile: the web app sends the user to set it up.
      expect(expectStatus<{ secondFactor: string }>(await api(t.app, coordinatorSession).get('/auth/me'), 200).secondFactor).toBe(
        'required',
      );
      expect(expectStatus<{ secondFactor: string }>(await api(t.app, admin).get('/auth/me'), 200).secondFactor).toBe('off');
      expectStatus(await api(t.app, coordinatorSession).get('/people'), 200);
      expect(expectStatus(await api(t.app, coordinatorSession).get('/auth/second-factor'), 200)).toEqual({
        state: 'required',
        requiredForRole: true,
        recoveryCodesLeft: 0,
      });

      const { seed } = await enrol(cast.coordinator);
      const session = await loginWithCode(cast.coordinator, await codeNow(seed));
      expect(expectStatus<{ secondFactor: string }>(await api(t.app, session).get('/auth/me'), 200).secondFactor).toBe('on');
      advance(1);
      expectProblem(
        await api(t.app, session).request({
          method: 'DELETE',
          url: '/auth/second-factor',
          payload: { password: cast.coordinator.password, code: await codeNow(seed) },
        }),
        409,
        'auth.second_factor_mandatory',
      );
      expectStatus(await api(t.app, admin).request({ method: 'PUT', url: '/organisation/second-factor', payload: { roles: [] } }), 200);
    });

    it('is set up from a browser session, not with an API token', async () => {
      const { bearer } = await bearerFor(t.db, cast.viewer.id);
      expectProblem(await api(t.app, { bearer }).post('/auth/second-factor/setup'), 400, 'auth.second_factor_session_only');
    });

    it('no seed and no recovery code in any later answer or in the audit log', async () => {
      expect(secrets.length).toBeGreaterThan(20);
      const admin = await loginAs(t.app, cast.admin.email);
      const answers = [
        (await api(t.app, admin).get('/auth/me')).body,
        (await api(t.app, admin).get('/users')).body,
        (await api(t.app, admin).get('/audit')).body,
        (await api(t.app, admin).get('/organisation/second-factor')).body,
      ];
      const audit = JSON.stringify(await t.db.selectFrom('auditLog').selectAll().execute());
      for (const secret of secrets) {
        for (const answer of answers) expect(answer).not.toContain(secret);
        expect(audit).not.toContain(secret);
        expect(audit).not.toContain(secret.replaceAll('-', ''));
      }
    });
  });
}
