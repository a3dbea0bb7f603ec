/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the pages of people in care, filled with data, and on the
 * states they take (forms open, errors shown, the 409 of a member already followed…). Serious
 * and critical violations fail; the others are printed. The data is created through the API
 * (support/careSeed.ts), so the file also runs alone.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import ApplicationsPage from './pages/applicationsPage.js';
import ApplicationTypesPage from './pages/applicationTypesPage.js';
import CaseFormPage from './pages/caseFormPage.js';
import CasePage from './pages/casePage.js';
import CasesPage from './pages/casesPage.js';
import DeadlinesPage from './pages/deadlinesPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import HouseholdFormPage from './pages/householdFormPage.js';
import HouseholdPage from './pages/householdPage.js';
import HouseholdsPage from './pages/householdsPage.js';
import LegalPage from './pages/legalPage.js';
import LoginPage from './pages/loginPage.js';
import PcStationPage from './pages/pcStationPage.js';
import PersonPage from './pages/personPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { type CareSeed, ensureCareSeedData } from './support/careSeed.js';
import { ADMIN, ANA, ION } from './support/data.js';

test.describe.configure({ mode: 'serial' });

const ANA_NAME = `${ANA.familyNames} ${ANA.givenNames}`;
const ION_NAME = `${ION.familyNames} ${ION.givenNames}`;

test.describe('Accessibility of the care pages', () => {
  let context: BrowserContext;
  let page: Page;
  let seed: CareSeed;

  test.beforeAll(async ({ browser }) => {
    seed = await ensureCareSeedData();
    // A context of our own: axe-core opens helper pages in it.
    context = await browser.newContext();
    page = await context.newPage();
    const login = await LoginPage.open(page);
    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('cases, with the overdue actions', async () => {
    await page.goto('/cases');
    const cases = await CasesPage.verifyOnPage(page);
    await expect(cases.overdueRow('Chiedere il contributo affitto')).toBeVisible();
    await expect(cases.row(ANA_NAME)).toBeVisible();
    await checkA11y(page, 'cases');
  });

  test('new case: empty, the person search open, nobody chosen', async () => {
    await page.goto('/cases/new');
    const form = await CaseFormPage.verifyOnPage(page);
    await checkA11y(page, 'new case');

    await form.search.fill('Popescu');
    await expect(page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${ANA_NAME}`) })).toBeVisible();
    await checkA11y(page, 'new case, search list open');

    await form.search.fill('');
    await form.submit.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Scegli prima la persona.' })).toBeVisible();
    await checkA11y(page, 'new case, nobody chosen');
  });

  test('new case for a household: its members, and the member followed already (409)', async () => {
    await page.goto(`/cases/new?householdId=${seed.householdId}`);
    const form = await CaseFormPage.verifyOnPage(page);
    await expect(form.member(new RegExp(`^${ION_NAME}`))).toBeChecked();
    await form.submit.click();
    await expect(form.areas.getByRole('alert')).toBeVisible();
    await checkA11y(page, 'new household case, validation errors');

    await form.tick(form.area('Famiglia'));
    await form.submit.click();
    await expect(form.alreadyOpen).toContainText(ANA_NAME);
    await checkA11y(page, 'new household case, a member followed already');
  });

  test('an open case: details, plan, diary, referrals and the close form; its edit forms open; closing errors', async () => {
    await page.goto(`/cases/${seed.openCaseId}`);
    const file = await CasePage.verifyOnPage(page, ANA_NAME);
    await expect(file.goal('Trovare una casa in affitto')).toBeVisible();
    await expect(file.notes()).toHaveCount(2);
    await expect(file.referrals.getByRole('table')).toBeVisible();
    await file.closeButton.click();
    await expect(file.closeForm).toBeVisible();
    await checkA11y(page, 'open case');

    await file.editDetailsButton.click();
    await expect(page.getByLabel(/^Operatore responsabile\b/)).toBeVisible();
    await file.goal('Trovare una casa in affitto').getByRole('button', { name: 'Modifica obiettivo' }).click();
    await expect(file.goal('Trovare una casa in affitto').getByLabel('Stato dell’obiettivo')).toBeVisible();
    await file.notes().first().getByRole('button', { name: 'Modifica nota' }).click();
    await expect(
      file
        .notes()
        .first()
        .getByLabel(/^Testo della nota\b/),
    ).toBeVisible();
    await checkA11y(page, 'open case, details, goal and note being edited');

    await file.closeForm.getByRole('button', { name: 'Chiudi presa in carico' }).click();
    await expect(file.closeForm.getByLabel(/^Motivo\b/)).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'open case, closing without a reason');
    await expect(file.status).toHaveText('Aperta');
  });

  test('a closed case: periods and the reopening form', async () => {
    await page.goto(`/cases/${seed.closedCaseId}`);
    const file = await CasePage.verifyOnPage(page, ION_NAME);
    await file.reopenButton.click();
    await expect(file.reopenForm).toBeVisible();
    await checkA11y(page, 'closed case');
  });

  test('households: the list, a new one with members drafted, a household with its forms open', async () => {
    await page.goto('/households');
    const households = await HouseholdsPage.verifyOnPage(page);
    await expect(households.results).toBeVisible();
    await checkA11y(page, 'households');

    await households.newHouseholdLink.click();
    const draft = await HouseholdFormPage.verifyOnPage(page);
    await checkA11y(page, 'new household');
    await draft.addButton.click();
    await expect(draft.firstMembers.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'new household, member without person and relation');
    await draft.addMember(ANA.givenNames, ANA_NAME, 'Intestatario/persona di riferimento');
    await checkA11y(page, 'new household, a member drafted');

    await page.goto(`/households/${seed.householdId}`);
    const household = await HouseholdPage.verifyOnPage(page, ANA.familyNames);
    await checkA11y(page, 'household');
    await household
      .memberRow(ION_NAME)
      .getByRole('button', { name: `Cambia relazione: ${ION_NAME}` })
      .click();
    await page.getByRole('button', { name: 'Modifica nome e note' }).click();
    await expect(page.getByLabel(`Relazione di ${ION_NAME}`)).toBeVisible();
    await checkA11y(page, 'household, relation and name being changed');
  });

  test('Scadenze: permits expiring and expired', async () => {
    await page.goto('/deadlines');
    const deadlines = await DeadlinesPage.verifyOnPage(page);
    await expect(deadlines.row(deadlines.expiring, ANA_NAME)).toBeVisible();
    await expect(deadlines.row(deadlines.expired, ION_NAME)).toBeVisible();
    await checkA11y(page, 'deadlines');
  });

  test('applications', async () => {
    await page.goto('/applications');
    const applications = await ApplicationsPage.verifyOnPage(page);
    await expect(applications.list.locator('tbody tr').first()).toBeVisible();
    await checkA11y(page, 'applications');
    await applications.recordForm.getByRole('button', { name: 'Registra domanda' }).click();
    await expect(applications.recordForm.getByLabel(/^Tipo di domanda\b/)).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'applications, validation errors');
  });

  test('PC station, with the person search open', async () => {
    await page.goto('/pc-station');
    const pc = await PcStationPage.verifyOnPage(page);
    await checkA11y(page, 'pc station');
    await page.getByText('Indica la persona').click();
    await expect(page.getByRole('combobox', { name: 'Cerca persona (nome, cognome o codice fiscale)' })).toBeVisible();
    await pc.saveButton.click();
    await expect(pc.purpose).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'pc station, person search and validation errors');
  });

  test('legal consultations, and one being edited', async () => {
    await page.goto('/legal');
    const legal = await LegalPage.verifyOnPage(page);
    await checkA11y(page, 'legal');
    await page.getByRole('button', { name: 'Modifica' }).first().click();
    await expect(legal.form.getByRole('heading')).toContainText('Modifica la consulenza');
    await checkA11y(page, 'legal, editing');
  });

  test('application types', async () => {
    await page.goto('/admin/application-types');
    await ApplicationTypesPage.verifyOnPage(page);
    await checkA11y(page, 'application types');
  });

  test('the person’s file with every section filled, and its forms open', async () => {
    await page.goto(`/people/${seed.anaId}`);
    const file = await PersonPage.verifyOnPage(page, ANA_NAME);
    await expect(file.caseRow(ANA_NAME)).toBeVisible();
    await expect(file.household).toContainText(ION_NAME);
    await expect(file.permits.locator('tbody tr')).toHaveCount(1);
    await expect(file.applications.getByRole('table')).toBeVisible();
    await checkA11y(page, 'person file, filled');

    await file.documents.getByRole('button', { name: 'Aggiungi permesso' }).click();
    await file.documents.getByRole('button', { name: 'Aggiungi documento' }).click();
    await file.applications.getByRole('button', { name: 'Registra una domanda per questa persona' }).click();
    await file.household.getByRole('button', { name: 'Aggiungi a un nucleo' }).click();
    await expect(file.documents.getByRole('form')).toHaveCount(2);
    await checkA11y(page, 'person file, forms open');
  });
});
