/**
 * Makes sure the data a spec needs exists, through the API (the same calls a person's clicks
 * make). After the desk journey this finds everything there and changes nothing; a spec run
 * alone (`npx playwright test 02-`) creates it.
 */
import { type APIRequestContext, type APIResponse, expect, request } from '@playwright/test';
import type { NewUser } from '../pages/usersPage.js';
import { ADMIN, MOHAMED } from './data.js';
import { romeDate } from './dates.js';
import { readState } from './state.js';

export async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const r = await response;
  expect(r.ok(), `${r.url()} → ${r.status()} ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

/** An API session: its request context and the CSRF header its writes need. */
export interface ApiSession {
  api: APIRequestContext;
  headers: Record<string, string>;
  userId: number;
  centreId: number;
}

/**
 * Runs `work` logged in through the API as `who` (the administrator by default, who is created
 * by the first-run setup when nobody has run it yet), then logs out.
 */
export async function asUser<T>(work: (session: ApiSession) => Promise<T>, who: { email: string; password: string } = ADMIN): Promise<T> {
  const state = readState();
  const api = await request.newContext({ baseURL: state.baseURL });
  try {
    // Setting up logs the administrator in; otherwise log in.
    const setup = await ok<{ needed: boolean }>(api.get('/api/v1/setup'));
    const { organisationName, centreCode, centreName, displayName, email, password } = ADMIN;
    type Me = { csrfToken: string; id: number; centres: Array<{ id: number }> };
    const me =
      setup.needed && who.email === ADMIN.email
        ? await ok<Me>(
            api.post('/api/v1/setup', {
              data: {
                token: new URL(state.setupUrl).hash.slice(1),
                organisationName,
                centreCode,
                centreName,
                displayName,
                email,
                password,
              },
            }),
          )
        : await ok<Me>(api.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } }));
    const headers = { 'x-csrf-token': me.csrfToken };
    const result = await work({ api, headers, userId: me.id, centreId: me.centres[0]?.id ?? 0 });
    await api.post('/api/v1/auth/logout', { headers });
    return result;
  } finally {
    await api.dispose();
  }
}

const ROLE_CODES: Record<string, string> = { Operatore: 'operator', Coordinatore: 'coordinator', Consultazione: 'viewer' };

/** Creates the account (in the administrator's first centre) unless it exists already. */
export async function ensureUser(user: NewUser): Promise<void> {
  await asUser(async ({ api, headers, centreId }) => {
    const users = await ok<Array<{ email: string }>>(api.get('/api/v1/users'));
    if (users.some((u) => u.email === user.email)) return;
    const role = ROLE_CODES[user.role] ?? user.role;
    await ok(
      api.post('/api/v1/users', {
        headers,
        data: { displayName: user.displayName, email: user.email, password: user.password, role, centreIds: [centreId] },
      }),
    );
  });
}

export async function ensureSeedData(): Promise<{ personId: number }> {
  return asUser(async ({ api, headers }) => {
    const found = await ok<{ items: Array<{ id: number; givenNames: string }> }>(
      api.get('/api/v1/people', { params: { q: `${MOHAMED.givenNames} ${MOHAMED.familyNames}` } }),
    );
    let personId = found.items.find((p) => p.givenNames === MOHAMED.givenNames)?.id;
    if (!personId) {
      const created = await ok<{ id: number }>(
        api.post('/api/v1/people', {
          headers,
          data: {
            givenNames: MOHAMED.givenNames,
            familyNames: MOHAMED.familyNames,
            gender: 'male',
            citizenship: 'MA',
            birthDate: MOHAMED.birthDate,
            residence: { kind: 'unknown' },
          },
        }),
      );
      personId = created.id;
    }

    const today = romeDate();
    const visits = await ok<{ total: number }>(api.get('/api/v1/visits', { params: { from: today, to: today } }));
    if (visits.total === 0) {
      const topics = await ok<Array<{ id: number }>>(api.get('/api/v1/topics', { params: { active: 'true' } }));
      await ok(api.post('/api/v1/visits', { headers, data: { personId, topicIds: [topics[0]?.id] } }));
    }
    return { personId };
  });
}
