/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page of the app, and on the states a page takes
 * at the desk (errors shown, search list open, anonymous visitor, duplicate warning…).
 * Serious and critical violations fail; the others are printed.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import AccountPage from './pages/accountPage.js';
import AuditPage from './pages/auditPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import PeoplePage from './pages/peoplePage.js';
import PersonFormPage from './pages/personFormPage.js';
import PersonPage from './pages/personPage.js';
import SetupPage from './pages/setupPage.js';
import StatisticsPage from './pages/statisticsPage.js';
import TokensPage from './pages/tokensPage.js';
import TopicsPage from './pages/topicsPage.js';
import UsersPage from './pages/usersPage.js';
import VisitsPage from './pages/visitsPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { ADMIN, fullName, MOHAMED } from './support/data.js';
import { ensureSeedData } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

test.describe('Accessibility of every page', () => {
  let context: BrowserContext;
  let page: Page;
  let personId: number;

  test.beforeAll(async ({ browser }) => {
    ({ personId } = await ensureSeedData());
    // A context of our own: axe-core opens helper pages in it.
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('setup page (first run form)', async () => {
    // The form is shown for any token; the server checks it on submit only.
    await SetupPage.open(page, '/setup#not-a-real-setup-token');
    await checkA11y(page, 'setup');
  });

  test('the accessibility declaration, reached from the footer before logging in', async () => {
    await LoginPage.open(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Dichiarazione di accessibilità' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dichiarazione di accessibilità');
    await expect(page.getByRole('heading', { level: 2, name: 'Meccanismo di feedback e recapiti' })).toBeVisible();
    await checkA11y(page, 'accessibility declaration');
  });

  test('login page, empty and with the wrong-password error', async () => {
    const login = await LoginPage.open(page);
    await checkA11y(page, 'login');
    await login.login(ADMIN.email, 'questa non è la password');
    await expect(login.errorAlert).toBeVisible();
    await checkA11y(page, 'login with error');
    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
  });

  test('front desk: empty, search list open, person chosen, anonymous visitor, validation error', async () => {
    // Six axe scans in one test: more than the default time on a busy machine.
    test.setTimeout(90_000);
    await page.goto('/sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(desk.todaysVisits.getByRole('table')).toBeVisible();
    await checkA11y(page, 'front desk');

    await desk.typeSearch('moham', fullName(MOHAMED));
    await checkA11y(page, 'front desk, search list open');

    await desk.search.fill('zzzz');
    await expect(page.getByRole('status').filter({ hasText: 'Nessuna persona trovata.' })).toBeVisible();
    await checkA11y(page, 'front desk, search without results');

    await desk.search.fill('moham');
    await expect(desk.results.getByRole('option', { name: fullName(MOHAMED) })).toBeVisible();
    await desk.pickWithKeyboard(fullName(MOHAMED));
    await expect(desk.selectedPerson()).toBeVisible();
    await checkA11y(page, 'front desk, person chosen');

    await page.getByRole('button', { name: 'Cambia' }).click();
    await desk.startAnonymousVisit();
    await page.getByText('Data, canale, invio e note').click();
    await expect(page.getByLabel('Canale')).toBeVisible();
    await checkA11y(page, 'front desk, anonymous visitor and details open');

    await desk.saveButton.click();
    // The desk says in words what the anonymous visitor still needs, under each field.
    await expect(page.getByRole('alert').filter({ hasText: 'Scegli il genere del visitatore.' })).toBeVisible();
    await checkA11y(page, 'front desk, validation errors');
  });

  test('people list', async () => {
    await page.goto('/people');
    const people = await PeoplePage.verifyOnPage(page);
    await expect(people.rows().first()).toBeVisible();
    await checkA11y(page, 'people list');
  });

  test('person form: empty, with validation errors, with the duplicate warning', async () => {
    await page.goto('/people/new');
    const form = await PersonFormPage.verifyOnPage(page);
    await form.tick(page.getByRole('radio', { name: 'Residente in un comune' }));
    await form.comuneSearch.fill('Moie');
    await expect(form.comuneOptions.first()).toBeVisible();
    await checkA11y(page, 'person form with the comune list open');

    await form.comuneSearch.fill('');
    await form.save();
    await expect(form.errorAlert).toBeVisible();
    await expect(form.givenNames).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'person form with validation errors');

    await form.fill({ ...MOHAMED, residence: undefined });
    await form.tick(page.getByRole('radio', { name: 'Non nota' }));
    await form.save();
    await expect(form.duplicateWarning).toBeVisible();
    await checkA11y(page, 'person form with the duplicate warning');
  });

  test('person file, and its edit form', async () => {
    await page.goto(`/people/${personId}`);
    const file = await PersonPage.verifyOnPage(page, fullName(MOHAMED));
    await expect(file.visits).toBeVisible();
    await checkA11y(page, 'person file');

    await page.getByRole('link', { name: 'Modifica' }).click();
    const form = await PersonFormPage.verifyOnPage(page, 'Modifica');
    await expect(form.givenNames).toHaveValue(MOHAMED.givenNames);
    await checkA11y(page, 'person form, editing');
  });

  test('visits', async () => {
    await page.goto('/visits');
    const visits = await VisitsPage.verifyOnPage(page);
    await expect(visits.rows().first()).toBeVisible();
    await checkA11y(page, 'visits');
  });

  test('statistics, in Italian and in English', async () => {
    await page.goto('/statistics');
    const stats = await StatisticsPage.verifyOnPage(page);
    await checkA11y(page, 'statistics');
    await stats.switchLanguage('English');
    await StatisticsPage.verifyOnPage(page, 'Visit statistics');
    await checkA11y(page, 'statistics (English)');
    await stats.switchLanguage('Italiano');
    await StatisticsPage.verifyOnPage(page);
  });

  test('request topics', async () => {
    await page.goto('/admin/topics');
    await TopicsPage.verifyOnPage(page);
    await checkA11y(page, 'topics');
  });

  test('users', async () => {
    await page.goto('/admin/users');
    await UsersPage.verifyOnPage(page);
    await checkA11y(page, 'users');
  });

  test('API tokens, with a new token shown', async () => {
    await page.goto('/admin/tokens');
    const tokens = await TokensPage.verifyOnPage(page);
    await checkA11y(page, 'tokens');
    await tokens.create(new RegExp(ADMIN.email), 'Verifica accessibilità');
    await expect(tokens.row('Verifica accessibilità').getByRole('button', { name: 'Revoca' })).toBeVisible();
    await checkA11y(page, 'tokens with a new token');
    await tokens.row('Verifica accessibilità').getByRole('button', { name: 'Revoca' }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Revoca' });
    await expect(confirmation).toBeVisible();
    await checkA11y(page, 'tokens with the revocation to confirm');
    await confirmation.getByRole('button', { name: 'Revoca' }).click();
    await expect(tokens.row('Verifica accessibilità')).toContainText('Revocato il');
  });

  test('centre settings, read and being edited', async () => {
    await page.goto('/admin/centre');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impostazioni del centro');
    await expect(page.getByTestId('centre-settings')).toBeVisible();
    await checkA11y(page, 'centre settings');
    await page.getByRole('button', { name: 'Modifica le impostazioni' }).click();
    const form = page.getByRole('form', { name: 'Modifica le impostazioni' });
    await expect(form).toBeVisible();
    await checkA11y(page, 'centre settings being edited');
    await form.getByRole('button', { name: 'Annulla' }).click();
    await expect(form).toHaveCount(0);
  });

  test('audit log', async () => {
    await page.goto('/admin/audit');
    await AuditPage.verifyOnPage(page);
    await checkA11y(page, 'audit');
  });

  test('account', async () => {
    await page.goto('/account');
    const account = await AccountPage.verifyOnPage(page);
    // This browser's session is listed and marked, with its browser named.
    await expect(account.sessions.getByRole('row', { name: /Questa sessione/ }).first()).toContainText('Chrome');
    await checkA11y(page, 'account');
  });

  test('a tablet at the desk, upright and sideways: nothing runs off the screen', async () => {
    for (const viewport of [
      { width: 768, height: 1024 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto('/sportello');
      const desk = await FrontDeskPage.verifyOnPage(page);
      await expect(desk.search).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(0);
      await checkA11y(page, `front desk at ${viewport.width}×${viewport.height}`);
    }
  });
});
