/**
 * Makes sure the data the accessibility pass looks at exists, through the API: the
 * administrator, one person and one visit today. After the desk journey this finds
 * everything there and changes nothing; run alone (`npx playwright test 02-`), it creates it.
 */
import { type APIRequestContext, expect, request } from '@playwright/test';
import { ADMIN, MOHAMED } from './data.js';
import { romeDate } from './dates.js';
import { readState } from './state.js';

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await response;
  expect(r.ok(), `${r.url()} → ${r.status()} ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

export async function ensureSeedData(): Promise<{ personId: number }> {
  const state = readState();
  const api: APIRequestContext = await request.newContext({ baseURL: state.baseURL });
  try {
    // Setting up logs the administrator in; otherwise log in.
    const setup = await ok<{ needed: boolean }>(api.get('/api/v1/setup'));
    const { organisationName, centreCode, centreName, displayName, email, password } = ADMIN;
    const me = setup.needed
      ? await ok<{ csrfToken: string }>(
          api.post('/api/v1/setup', {
            data: { token: new URL(state.setupUrl).hash.slice(1), organisationName, centreCode, centreName, displayName, email, password },
          }),
        )
      : await ok<{ csrfToken: string }>(api.post('/api/v1/auth/login', { data: { email, password } }));
    const headers = { 'x-csrf-token': me.csrfToken };

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
    await api.post('/api/v1/auth/logout', { headers });
    return { personId };
  } finally {
    await api.dispose();
  }
}
