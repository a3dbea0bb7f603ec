/**
 * The login limits of decision 003 (issue 11): whoever guesses from one client locks that client
 * out, not the address; an address under attack gives each client a couple of attempts; a client
 * failing on many addresses is refused on all; behind a trusted proxy the client is the forwarded
 * address, and without one the forwarded header is ignored.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createTestOrganisation,
  createTestUser,
  expectProblem,
  expectStatus,
  sessionCookieOf,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ATTEMPTS_PER_CLIENT_UNDER_ATTACK, clientOf, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from './login-limits.js';

/** Where a request comes from: the peer's address, and the X-Forwarded-For header if any. */
interface From {
  peer: string;
  forwardedFor?: string;
}

function attempt(app: FastifyInstance, from: From, email: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: from.peer,
    ...(from.forwardedFor !== undefined && { headers: { 'x-forwarded-for': from.forwardedFor } }),
  });
}

async function expectFailures(app: FastifyInstance, from: From, email: string, count: number) {
  for (let i = 0; i < count; i++) {
    expectProblem(await attempt(app, from, email, `wrong guess ${i}`), 401, 'auth.invalid_credentials');
  }
}

async function expectRefused(app: FastifyInstance, from: From, email: string, password: string) {
  const res = await attempt(app, from, email, password);
  const problem = expectProblem(res, 429, 'auth.rate_limited');
  expect(problem.retryAfterSeconds).toBe(15 * 60);
  expect(res.headers['retry-after']).toBe(String(15 * 60));
  expect(res.headers['set-cookie']).toBeUndefined();
}

/** Logs in from there with the right password, and checks that the session works. */
async function expectLogsIn(app: FastifyInstance, from: From, user: TestUser) {
  const res = await attempt(app, from, user.email, user.password);
  expectStatus(res, 200);
  const cookie = sessionCookieOf(res);
  expect(cookie).toBeDefined();
  const me = expectStatus<{ email: string }>(await api(app, { cookie: cookie as string }).get('/auth/me'), 200);
  expect(me.email).toBe(user.email);
}

describe('clientOf', () => {
  it('is the IPv4 address, or the /64 of an IPv6 address; IPv4-mapped addresses are IPv4', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
    expect(clientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(clientOf('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(clientOf('not an address')).toBe('not an address');
  });
});

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: login limits per client, not per address`, () => {
    let t: TestApp;
    let proxied: TestApp;
    const users: Record<string, TestUser> = {};
    const user = (name: string) => users[name] as TestUser;

    beforeAll(async () => {
      [t, proxied] = await Promise.all([startTestApp(dialect), startTestApp(dialect, { trustProxy: true })]);
      for (const app of [t, proxied]) {
        const { organisationId, centres } = await createTestOrganisation(app.db);
        const centreIds = centres.map((centre) => centre.id);
        // One by one: SQLite has one connection, and each creation is a transaction.
        for (const name of ['anna', 'bruno', 'carla', 'dario', 'erin', 'frank', 'gina']) {
          const made = await createTestUser(app.db, { organisationId, role: 'operator', centreIds, email: `${name}@example.test` });
          if (app === t) users[name] = made;
        }
      }
    });
    afterAll(async () => {
      await t?.close();
      await proxied?.close();
    });

    it('an attacker locks out their own address, the right password too, not the rightful user on another', async () => {
      const anna = user('anna');
      const attacker = { peer: '203.0.113.7' };
      await expectFailures(t.app, attacker, anna.email, MAX_FAILURES_PER_EMAIL);
      await expectRefused(t.app, attacker, anna.email, 'one more guess');
      await expectRefused(t.app, attacker, anna.email, anna.password);
      await expectLogsIn(t.app, { peer: '198.51.100.20' }, anna);
      // The attacker keeps hammering: still refused, and anna still logs in.
      await expectRefused(t.app, attacker, anna.email, 'and another');
      await expectLogsIn(t.app, { peer: '198.51.100.20' }, anna);
    });

    it(`on an address under attack, a new client gets ${ATTEMPTS_PER_CLIENT_UNDER_ATTACK} attempts, then 429`, async () => {
      const bruno = user('bruno');
      const attacker = { peer: '203.0.113.8' };
      await expectFailures(t.app, attacker, bruno.email, MAX_FAILURES_PER_EMAIL);
      await expectRefused(t.app, attacker, bruno.email, 'one more guess'); // a failure too: now under attack
      // A bot elsewhere: two guesses, then refused, the right password too.
      const bot = { peer: '192.0.2.44' };
      await expectFailures(t.app, bot, bruno.email, ATTEMPTS_PER_CLIENT_UNDER_ATTACK);
      await expectRefused(t.app, bot, bruno.email, bruno.password);
      // Bruno mistypes once, then gets it right: in.
      const brunosLaptop = { peer: '198.51.100.21' };
      await expectFailures(t.app, brunosLaptop, bruno.email, 1);
      await expectLogsIn(t.app, brunosLaptop, bruno);
    });

    it(`a client with more than ${MAX_FAILURES_PER_IP} failures over many addresses is refused on every address; others are not`, async () => {
      const [carla, dario] = [user('carla'), user('dario')];
      const sprayer = { peer: '203.0.113.9' };
      await expectFailures(t.app, sprayer, carla.email, MAX_FAILURES_PER_EMAIL);
      for (let i = 0; i < MAX_FAILURES_PER_IP - MAX_FAILURES_PER_EMAIL; i++) {
        await expectFailures(t.app, sprayer, `nobody.${i}@example.test`, 1);
      }
      await expectRefused(t.app, sprayer, 'nobody.else@example.test', 'a guess');
      await expectRefused(t.app, sprayer, dario.email, dario.password);
      await expectRefused(t.app, sprayer, carla.email, carla.password);
      // Other clients are not affected, carla's included (her address has been under attack).
      await expectLogsIn(t.app, { peer: '198.51.100.22' }, carla);
      await expectLogsIn(t.app, { peer: '198.51.100.23' }, dario);
    });

    it('an IPv6 client is its /64: changing the address within it does not escape the lock', async () => {
      const gina = user('gina');
      for (let i = 1; i <= MAX_FAILURES_PER_EMAIL; i++) {
        await expectFailures(t.app, { peer: `2001:db8:1:2::${i}` }, gina.email, 1);
      }
      await expectRefused(t.app, { peer: '2001:db8:1:2::99' }, gina.email, gina.password);
      await expectLogsIn(t.app, { peer: '2001:db8:9:9::1' }, gina);
    });

    it('behind a trusted proxy, the clients it forwards are counted apart', async () => {
      const erin = user('erin');
      const attacker = { peer: '10.0.0.2', forwardedFor: '203.0.113.10' };
      await expectFailures(proxied.app, attacker, erin.email, MAX_FAILURES_PER_EMAIL);
      await expectRefused(proxied.app, attacker, erin.email, erin.password);
      await expectLogsIn(proxied.app, { peer: '10.0.0.2', forwardedFor: '198.51.100.24' }, erin);
      const clients = await proxied.db.selectFrom('loginAttempts').select('ip').distinct().where('email', '=', erin.email).execute();
      expect(clients.map((row) => row.ip).sort()).toEqual(['198.51.100.24', '203.0.113.10']);
    });

    it('behind a proxy named by its address, the client is the address the proxy appended, not one the client wrote', async () => {
      const named = await startTestApp(dialect, { trustProxy: '10.0.0.0/8' });
      try {
        const { organisationId, centres } = await createTestOrganisation(named.db);
        const hana = await createTestUser(named.db, {
          organisationId,
          role: 'operator',
          centreIds: centres.map((centre) => centre.id),
          email: 'hana@example.test',
        });
        // The attacker writes a new address before each guess; the proxy appends the real one.
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
          await expectFailures(named.app, { peer: '10.0.0.2', forwardedFor: `192.0.2.${i}, 203.0.113.12` }, hana.email, 1);
        }
        await expectRefused(named.app, { peer: '10.0.0.2', forwardedFor: '192.0.2.99, 203.0.113.12' }, hana.email, hana.password);
        await expectLogsIn(named.app, { peer: '10.0.0.2', forwardedFor: '198.51.100.26' }, hana);
        const clients = await named.db.selectFrom('loginAttempts').select('ip').distinct().where('email', '=', hana.email).execute();
        expect(clients.map((row) => row.ip).sort()).toEqual(['198.51.100.26', '203.0.113.12']);
      } finally {
        await named.close();
      }
    });

    it('without a trusted proxy, X-Forwarded-For is ignored: a forged one neither escapes the lock nor passes it on', async () => {
      const frank = user('frank');
      const franksAddress = '198.51.100.25';
      // Each guess names another client, the last ones frank's own address.
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        await expectFailures(t.app, { peer: '203.0.113.11', forwardedFor: i < 3 ? `192.0.2.${i}` : franksAddress }, frank.email, 1);
      }
      await expectRefused(t.app, { peer: '203.0.113.11', forwardedFor: '192.0.2.200' }, frank.email, frank.password);
      await expectLogsIn(t.app, { peer: franksAddress }, frank);
    });
  });
}
