/**
 * The home page of each role (issue 15), the first page after login: the coordinator's year so
 * far against last year (figures equal to the API's, each a link to its list), what needs
 * attention and this month by week; the operator's day (today's visits, their own case); the
 * viewer's aggregate figures without a name. axe-core checks each view.
 */
import { expect, test } from '@playwright/test';
import HomePage from './pages/homePage.js';
import LoginPage from './pages/loginPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { createPerson, findPerson } from './support/careSeed.js';
import { COORDINATOR, MOHAMED, OPERATOR, VIEWER } from './support/data.js';
import { asUser, ensureSeedData, ensureUser, ok } from './support/seed.js';

const SAMIRA = { givenNames: 'Samira', familyNames: 'Haddad', gender: 'female', citizenship: 'TN', birthDate: '1990-04-21' };

interface PeriodFigures {
  from: string;
  to: string;
  visits: number;
  inCare: number;
  newInCare: number;
}

test.describe.configure({ mode: 'serial' });

test.describe('The home page of each role', () => {
  test.beforeAll(async () => {
    await ensureSeedData();
    for (const user of [OPERATOR, COORDINATOR, VIEWER]) await ensureUser(user);
    // The operator follows Samira: a case in their name, and a visit of hers today.
    await asUser(async (session) => {
      const { api, headers } = session;
      const samiraId = (await findPerson(session, SAMIRA)) ?? (await createPerson(session, SAMIRA));
      const open = await ok<{ total: number }>(api.get('/api/v1/cases', { params: { personId: samiraId, status: 'open' } }));
      if (open.total === 0) await ok(api.post('/api/v1/cases', { headers, data: { personId: samiraId, areas: ['work'] } }));
      const topics = await ok<Array<{ id: number }>>(api.get('/api/v1/topics', { params: { active: 'true' } }));
      await ok(api.post('/api/v1/visits', { headers, data: { personId: samiraId, topicIds: [topics[0]?.id] } }));
    }, OPERATOR);
  });

  test("the coordinator's home: the year so far as the API counts it, each figure a link to its list", async ({ page }) => {
    await (await LoginPage.open(page)).login(COORDINATOR.email, COORDINATOR.password);
    const home = await HomePage.verifyOnPage(page, 'Il centro in sintesi');
    const api = await ok<{ yearSoFar: { current: PeriodFigures; previous: PeriodFigures } }>(page.request.get('/api/v1/home'));
    const { current } = api.yearSoFar;

    const year = home.section('L’anno finora');
    const figures = home.table('L’anno finora a confronto con lo stesso periodo dell’anno scorso');
    await expect(home.row(figures, 'Accessi').getByRole('cell').first()).toHaveText(String(current.visits));
    await expect(home.row(figures, 'Utenti presi in carico').getByRole('cell').first()).toHaveText(String(current.inCare));
    await expect(year.getByRole('table', { name: /per provenienza/ })).toBeVisible();
    await expect(home.section('Da seguire')).toContainText('Permessi di soggiorno in scadenza entro 60 giorni');
    await expect(home.section('Questo mese per settimana').getByRole('table')).toBeVisible();
    await expect(home.section('Corsi in corso')).toBeVisible();
    await checkA11y(page, 'home, coordinator');

    // The visits figure opens the visits of the period.
    await home.row(figures, 'Accessi').getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/visits\\?from=${current.from}&to=${current.to}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessi');
  });

  test("the operator's home: today's visits and their own case", async ({ page }) => {
    await (await LoginPage.open(page)).login(OPERATOR.email, OPERATOR.password);
    const home = await HomePage.verifyOnPage(page, 'La mia giornata');
    const today = home.section(/^Accessi di oggi/);
    await expect(today.getByRole('link', { name: `${SAMIRA.givenNames} ${SAMIRA.familyNames}` }).first()).toBeVisible();
    const cases = home.section('Le mie prese in carico');
    await expect(cases.getByRole('link', { name: `${SAMIRA.givenNames} ${SAMIRA.familyNames}` })).toBeVisible();
    await expect(home.section('Da fare questa settimana')).toBeVisible();
    await expect(home.section('Da seguire')).toHaveCount(0);
    await checkA11y(page, 'home, operator');

    await cases.getByRole('link', { name: `${SAMIRA.givenNames} ${SAMIRA.familyNames}` }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
  });

  test("the viewer's home: the aggregate figures only, no names", async ({ page }) => {
    await (await LoginPage.open(page)).login(VIEWER.email, VIEWER.password);
    const home = await HomePage.verifyOnPage(page, 'Il centro in sintesi');
    await expect(home.section('L’anno finora')).toBeVisible();
    await expect(home.section('Questo mese per settimana')).toBeVisible();
    await expect(home.section('Da seguire')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Vai allo sportello' })).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(SAMIRA.familyNames);
    await expect(page.locator('main')).not.toContainText(MOHAMED.familyNames);
    await checkA11y(page, 'home, viewer');
    // Asking the API for more than the aggregates is refused.
    expect((await page.request.get('/api/v1/home?view=operator')).status()).toBe(403);
  });
});
