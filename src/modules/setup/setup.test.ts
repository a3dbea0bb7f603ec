import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, expectProblem, expectStatus, sessionCookieOf, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { issueSetupToken } from './setup.usecases.js';

const SETUP = {
  organisationName: 'Comune di Jesi',
  centreCode: 'JESI',
  centreName: 'Centro Servizi per l’Integrazione Sociale',
  displayName: 'Anna Amministratrice',
  email: 'Anna.Admin@Comune.Jesi.AN.it',
  password: 'una frase lunga e segreta',
};
/** The centre's comune and contacts, as the setup page sends them. */
const PLACE = {
  centreComuneIstat: '042021',
  centreAddress: 'Piazza Indipendenza 1',
  centrePhone: '0731 538111',
  centreEmail: 'Sportello@Comune.Jesi.AN.it',
};

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: first-run setup`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('refuses a made-up token, an expired one and one replaced by a newer one, and creates nothing', async () => {
      expect(expectStatus(await api(t.app, null).get('/setup'), 200)).toEqual({ needed: true });
      // Before setup, anyone may search the comuni (public ISTAT data): a frazione finds its comune.
      const found = expectStatus<{ istat: string; name: string; matchedFrazione: string | null }[]>(
        await api(t.app, null).get('/setup/comuni', { q: 'Moie' }),
        200,
      );
      expect(found[0]).toMatchObject({ istat: '042023', name: 'Maiolati Spontini', matchedFrazione: 'Moie' });
      expectProblem(await api(t.app, null).get('/setup/comuni', { q: '' }), 400, 'validation.failed');

      const madeUp = await api(t.app, null).post('/setup', { ...SETUP, token: 'not-a-real-setup-token' });
      expectProblem(madeUp, 403, 'setup.invalid_token');

      const expired = await issueSetupToken(t.db, new Date(Date.now() - 25 * 3_600_000));
      expect(expired).toEqual(expect.any(String));
      expectProblem(await api(t.app, null).post('/setup', { ...SETUP, token: expired }), 403, 'setup.invalid_token');

      expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
      expect(await t.db.selectFrom('organisations').select('id').execute()).toEqual([]);
      expect(await t.db.selectFrom('centres').select('id').execute()).toEqual([]);
      expect(expectStatus(await api(t.app, null).get('/setup'), 200)).toEqual({ needed: true });
    });

    it('with a fresh token creates the organisation, centre and administrator, and logs them in', async () => {
      // Two instances started: each printed its link, both valid until one of them is used.
      const fromOtherInstance = await issueSetupToken(t.db);
      const token = await issueSetupToken(t.db);
      expect(token).not.toBe(fromOtherInstance);
      // A comune the ISTAT list does not have is refused, and the link stays good.
      const unknown = expectProblem(
        await api(t.app, null).post('/setup', { ...SETUP, ...PLACE, centreComuneIstat: '999999', token }),
        400,
        'validation.failed',
      );
      expect(unknown.errors?.map((e) => [e.path, e.code])).toEqual([['body.centreComuneIstat', 'comune.unknown']]);
      expect(await t.db.selectFrom('centres').select('id').execute()).toEqual([]);
      const res = await api(t.app, null).post('/setup', { ...SETUP, ...PLACE, token });
      const me = expectStatus<{ id: number; email: string; role: string; organisationId: number; centres: unknown[]; csrfToken: string }>(
        res,
        201,
      );
      expect(me).toMatchObject({
        email: 'anna.admin@comune.jesi.an.it',
        displayName: 'Anna Amministratrice',
        role: 'admin',
        centres: [{ id: expect.any(Number), code: 'JESI', name: SETUP.centreName }],
        csrfToken: expect.any(String),
      });

      const org = await t.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
      expect(org.name).toBe('Comune di Jesi');
      // The centre knows its comune and contacts from the start.
      const centre = await t.db.selectFrom('centres').selectAll().executeTakeFirstOrThrow();
      expect(centre).toMatchObject({
        comuneIstat: '042021',
        address: 'Piazza Indipendenza 1',
        phone: '0731 538111',
        email: 'sportello@comune.jesi.an.it',
      });
      expectProblem(await api(t.app, null).post('/setup', { ...SETUP, token: fromOtherInstance }), 409, 'setup.not_needed');
      expect(me.organisationId).toBe(org.id);
      const user = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ role: 'admin', active: 1, organisationId: org.id });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      // The organisation starts with the default request-topic catalogue.
      const topics = await t.db.selectFrom('requestTopics').select('code').where('organisationId', '=', org.id).execute();
      expect(topics.map((row) => row.code)).toContain('residence_permit');
      // The token is spent.
      const tokens = await t.db.selectFrom('setupTokens').select('usedAt').orderBy('id').execute();
      expect(tokens.map((row) => row.usedAt !== null)).toEqual([false, true]);

      // The response logged the administrator in.
      const cookie = sessionCookieOf(res);
      expect(cookie).toBeDefined();
      const session = { cookie: cookie as string, csrf: me.csrfToken };
      expect(expectStatus(await api(t.app, session).get('/auth/me'), 200)).toMatchObject({ id: me.id, role: 'admin' });
      expect(expectStatus(await api(t.app, session).get('/users'), 200)).toHaveLength(1);

      expect(expectStatus(await api(t.app, null).get('/setup'), 200)).toEqual({ needed: false });
      // The password chosen at setup works for a later login.
      expectStatus(await api(t.app, null).post('/auth/login', { email: SETUP.email, password: SETUP.password }), 200);
    });

    it('searches the comuni for the setup page only while setup is needed', async () => {
      // The tests run in order: Approdo is set up by now.
      expectProblem(await api(t.app, null).get('/setup/comuni', { q: 'Jesi' }), 409, 'setup.not_needed');
    });

    it('a second setup is refused, with the used token or a new one, and changes nothing', async () => {
      const before = await t.db.selectFrom('setupTokens').select('id').execute();
      expect(await issueSetupToken(t.db)).toBeNull();
      expect(await t.db.selectFrom('setupTokens').select('id').execute()).toEqual(before);

      const again = await api(t.app, null).post('/setup', { ...SETUP, token: 'x'.repeat(43), email: 'intruder@example.test' });
      expectProblem(again, 409, 'setup.not_needed');
      expect(await t.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'anna.admin@comune.jesi.an.it' }]);
      expect(await t.db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
    });

    it('validates the setup form before anything else', async () => {
      const res = await api(t.app, null).post('/setup', { ...SETUP, token: 'x'.repeat(43), password: 'short', centreCode: 'no spaces' });
      const problem = expectProblem(res, 400, 'validation.failed');
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.centreCode', 'body.password']);
    });
  });
}
