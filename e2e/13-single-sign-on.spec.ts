/**
 * Signing in through the Comune's identity provider (issue 14), as a person does it: the login
 * page offers the Comune's identity; the provider's page (a real OpenID provider, started by
 * global setup) asks who you are; Approdo opens your desk. An identity is matched by e-mail or by
 * the codice fiscale a SPID/CIE gateway sends; signing out ends the session at the provider too;
 * a forged callback and an identity Approdo does not know come back to the login page saying why.
 */
import { expect, type Page, test } from '@playwright/test';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { asUser, ensureSeedData, ok } from './support/seed.js';
import { MARCO, SARA, STRANGER } from './support/sso.js';

test.describe.configure({ mode: 'serial' });

/** The accounts the administrator made for them, without a password: they sign in with the Comune's identity only. */
const ACCOUNTS = [
  { displayName: SARA.name, email: SARA.email, role: 'operator' },
  { displayName: MARCO.name, email: 'marco.rossi@comune.jesi.example', role: 'operator', fiscalCode: 'RSSMRA85T10A562S' },
];

/** From the login page, through the provider's own page, as `login`. */
async function signInWithTheComune(page: Page, login: string) {
  await LoginPage.open(page);
  await page.getByRole('link', { name: 'Entra con l’identità del Comune' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identità del Comune (prova)');
  await page.getByLabel('Utente').fill(login);
  await page.getByRole('button', { name: 'Entra' }).click();
}

test.describe("Signing in with the Comune's identity", () => {
  test.beforeAll(async () => {
    await ensureSeedData();
    await asUser(async ({ api, headers, centreId }) => {
      const users = await ok<Array<{ email: string }>>(api.get('/api/v1/users'));
      for (const account of ACCOUNTS) {
        if (users.some((user) => user.email === account.email)) continue;
        await ok(api.post('/api/v1/users', { headers, data: { ...account, centreIds: [centreId] } }));
      }
    });
  });

  test('the login page offers the Comune’s identity; Sara, known by her e-mail, reaches her desk and signs out there too', async ({
    page,
  }) => {
    await LoginPage.open(page);
    await expect(page.getByText('Accedi con le credenziali che usi per i servizi del Comune')).toBeVisible();
    await checkA11y(page, 'login page with the identity provider');

    await signInWithTheComune(page, SARA.sub);
    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(page.getByText(SARA.name).first()).toBeVisible();

    await desk.logoutButton.click();
    // The provider asks to confirm; then it sends the browser back to Approdo's login page.
    await page.getByRole('button', { name: 'Esci' }).click();
    await LoginPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/login$/);
    // Signed out here and there: the next sign-in asks who you are again.
    await page.getByRole('link', { name: 'Entra con l’identità del Comune' }).click();
    await expect(page.getByLabel('Utente')).toBeVisible();
  });

  test('Marco, known by the codice fiscale his SPID identity carries (TINIT-…), comes in', async ({ page }) => {
    await signInWithTheComune(page, MARCO.sub);
    await FrontDeskPage.verifyOnPage(page);
    await expect(page.getByText(MARCO.name).first()).toBeVisible();
  });

  test('a forged callback and an identity Approdo does not know come back to the login page, saying why', async ({ page }) => {
    await page.goto('/api/v1/auth/sso/callback?code=forged&state=forged');
    await LoginPage.verifyOnPage(page);
    await expect(page.getByRole('alert')).toHaveText('Questo accesso non è valido o è scaduto: ricomincia dal pulsante.');
    await checkA11y(page, 'login page after a refused sign-in');

    await signInWithTheComune(page, STRANGER.sub);
    await LoginPage.verifyOnPage(page);
    await expect(page.getByRole('alert')).toHaveText('Non esiste un account Approdo per questa identità: chiedi all’amministratore.');
  });
});
