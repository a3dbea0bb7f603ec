import { afterAll, beforeAll, expect, it } from 'vitest';
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
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { Session } from '../../contracts/auth.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: a user's sessions`, () => {
    let t: TestApp;
    let cast: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
    });
    afterAll(() => t?.close());

    /** Logs in from a browser that says who it is. */
    async function loginFrom(email: string, userAgent: string) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
        headers: { 'user-agent': userAgent },
      });
      expect(res.statusCode).toBe(200);
      return { cookie: sessionCookieOf(res) as string, csrf: res.json<{ csrfToken: string }>().csrfToken };
    }

    it('lists the sessions open in your name, where and when, marking this one, never their secret', async () => {
      const office = await loginAs(t.app, cast.operatorA2.email);
      const laptop = await loginFrom(cast.operatorA2.email, FIREFOX);
      const sessions = expectStatus<Session[]>(await api(t.app, office).get('/auth/sessions'), 200);
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      expect(sessions.find((s) => !s.current)).toMatchObject({ userAgent: FIREFOX, ip: '127.0.0.1' });
      for (const s of sessions) expect(s.handle).toMatch(/^[0-9a-f]{16}$/);
      const body = JSON.stringify(sessions);
      const stored = await t.db.selectFrom('sessions').select(['id', 'csrfToken']).where('userId', '=', cast.operatorA2.id).execute();
      for (const secret of [office.cookie, laptop.cookie, office.csrf, laptop.csrf, ...stored.flatMap((s) => [s.id, s.csrfToken])]) {
        expect(body).not.toContain(secret.replace(/^[^=]+=/, ''));
      }
      // Someone else's sessions are not in the list.
      const others = expectStatus<Session[]>(await api(t.app, await loginAs(t.app, cast.operatorB.email)).get('/auth/sessions'), 200);
      expect(others).toHaveLength(1);
    });

    it('ends another of your sessions (it answers 401 from then on), then this one (logged out)', async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreA.id],
        email: 'sessions.one@example.test',
        displayName: 'Sara Sessioni',
      });
      const here = await loginAs(t.app, user.email);
      const there = await loginFrom(user.email, FIREFOX);
      const list = expectStatus<Session[]>(await api(t.app, here).get('/auth/sessions'), 200);
      const other = list.find((s) => !s.current) as Session;
      expectStatus(await api(t.app, here).delete(`/auth/sessions/${other.handle}`), 204);
      expectProblem(await api(t.app, there).get('/auth/me'), 401, 'auth.unauthenticated');
      expectStatus(await api(t.app, here).get('/auth/me'), 200);
      const audit = await t.db.selectFrom('auditLog').selectAll().where('userId', '=', user.id).where('action', '=', 'logout').execute();
      expect(audit).toEqual([expect.objectContaining({ entity: 'session' })]);

      // The same handle again: gone.
      expectProblem(await api(t.app, here).delete(`/auth/sessions/${other.handle}`), 404, 'resource.not_found');
      const current = (expectStatus<Session[]>(await api(t.app, here).get('/auth/sessions'), 200)[0] as Session).handle;
      const res = await api(t.app, here).delete(`/auth/sessions/${current}`);
      expectStatus(res, 204);
      expect(String(res.headers['set-cookie'])).toMatch(/approdo_session=;/);
      expectProblem(await api(t.app, here).get('/auth/me'), 401, 'auth.unauthenticated');
    });

    it("refuses another user's handle (404), a malformed one (400), and a write without the CSRF token (403)", async () => {
      const mine = await loginAs(t.app, cast.viewer.email);
      const theirs = await loginAs(t.app, cast.operatorB.email);
      const handle = (expectStatus<Session[]>(await api(t.app, theirs).get('/auth/sessions'), 200)[0] as Session).handle;
      expectProblem(await api(t.app, mine).delete(`/auth/sessions/${handle}`), 404, 'resource.not_found');
      expectStatus(await api(t.app, theirs).get('/auth/me'), 200);
      expectProblem(await api(t.app, mine).delete('/auth/sessions/NOT-A-HANDLE'), 400, 'validation.failed');
      expectProblem(await api(t.app, { cookie: mine.cookie }).delete(`/auth/sessions/${handle}`), 403, 'auth.csrf_failed');
    });

    it("an administrator ends every session of a user at once; nobody else may, nor for another organisation's user", async () => {
      const user = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'operator',
        centreIds: [cast.centreB.id],
        email: 'stolen.laptop@example.test',
        displayName: 'Luca Laptop',
      });
      const first = await loginAs(t.app, user.email);
      const second = await loginFrom(user.email, FIREFOX);
      const admin = await loginAs(t.app, cast.admin.email);
      expectProblem(
        await api(t.app, await loginAs(t.app, cast.coordinator.email)).delete(`/users/${user.id}/sessions`),
        403,
        'auth.forbidden',
      );
      expect(expectStatus(await api(t.app, admin).delete(`/users/${user.id}/sessions`), 200)).toEqual({ ended: 2 });
      for (const session of [first, second]) expectProblem(await api(t.app, session).get('/auth/me'), 401, 'auth.unauthenticated');
      const audit = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('userId', '=', cast.admin.id)
        .where('entity', '=', 'user')
        .where('entityId', '=', String(user.id))
        .execute();
      expect(audit).toEqual([expect.objectContaining({ action: 'logout' })]);

      const elsewhere = await createTestOrganisation(t.db, { centres: ['Z'] });
      const stranger = await createTestUser(t.db, {
        organisationId: elsewhere.organisationId,
        role: 'operator',
        centreIds: [elsewhere.centres[0]?.id as number],
        email: 'stranger@example.test',
        displayName: 'Stefano Straniero',
      });
      expectProblem(await api(t.app, admin).delete(`/users/${stranger.id}/sessions`), 404, 'resource.not_found');
      expectProblem(await api(t.app, admin).delete('/users/0/sessions'), 400, 'validation.failed');
      // An API token is no session: its owner's sessions list is empty, and it still works after.
      const token = await bearerFor(t.db, user.id);
      expect(expectStatus<Session[]>(await api(t.app, { bearer: token.bearer }).get('/auth/sessions'), 200)).toEqual([]);
    });
  });
}
