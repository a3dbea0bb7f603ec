/**
 * Data protection as the centre lives it (issue 14, the parts built so far): the desk records the
 * privacy notice given to a person (the page warned that none was); the administrator reviews
 * who opened that person's file in the audit log (after downloading the person's data, PDF and
 * JSON, from their page), filtered by the person, with the unusual
 * reading listed, and sees the erasure requests; an operator turns on the second factor (QR code
 * and key, a code from the key, the recovery codes shown once), then signs in again with a
 * recovery code. The data protection officer's retention: the settings turned on, the preview
 * lists a person not seen for years and why (then off again, so that no daily run meets the
 * other specs' data). axe-core checks every new page and state.
 */
import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { generate } from 'otplib';
import AccountPage from './pages/accountPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { ADMIN, MOHAMED } from './support/data.js';
import { asUser, ensureSeedData, ensureUser, ok } from './support/seed.js';
import { readState } from './support/state.js';

test.describe.configure({ mode: 'serial' });

/** Someone last seen at the desk on 4 March 2019: registered then, one visit. */
const FORMER = { givenNames: 'Ada', familyNames: 'Vecchiarelli', lastVisit: '2019-03-04' };

/**
 * The former visitor, made through the API; their file's registration is put back to the day of
 * their visit in the database itself (the API dates a new file today, and a registration is a
 * contact: a file made today is not due for years).
 */
async function ensureFormerVisitor(): Promise<number> {
  const personId = await asUser(async ({ api, headers }) => {
    const found = await ok<{ items: Array<{ id: number; givenNames: string }> }>(
      api.get('/api/v1/people', { params: { q: `${FORMER.givenNames} ${FORMER.familyNames}` } }),
    );
    const existing = found.items.find((p) => p.givenNames === FORMER.givenNames)?.id;
    if (existing) return existing;
    const created = await ok<{ id: number }>(
      api.post('/api/v1/people', {
        headers,
        data: {
          givenNames: FORMER.givenNames,
          familyNames: FORMER.familyNames,
          gender: 'female',
          citizenship: 'AL',
          confirmNotDuplicate: true,
        },
      }),
    );
    const topics = await ok<Array<{ id: number }>>(api.get('/api/v1/topics', { params: { active: 'true' } }));
    await ok(
      api.post('/api/v1/visits', {
        headers,
        data: { personId: created.id, date: FORMER.lastVisit, time: '10:00', topicIds: [topics[0]?.id] },
      }),
    );
    return created.id;
  });
  const db = new Database(readState().databaseUrl.replace(/^sqlite:/, ''));
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('update people set created_at = ? where id = ?').run(`${FORMER.lastVisit}T09:00:00.000Z`, personId);
  } finally {
    db.close();
  }
  return personId;
}

/** An operator of this spec alone: the second factor turned on here must not reach the other specs' accounts. */
const GUARDED = {
  displayName: 'Elena Guardia',
  email: 'elena.guardia@comune.jesi.example',
  role: 'Operatore',
  password: 'due passaggi sono meglio di uno',
};

test.describe('Data protection: privacy notices, the audit log for a reviewer, erasure requests, the second factor', () => {
  let context: BrowserContext;
  let page: Page;
  let personId: number;

  test.beforeAll(async ({ browser }) => {
    ({ personId } = await ensureSeedData());
    await ensureUser(GUARDED);
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the person’s page warns that no privacy notice was given; the desk records today’s', async () => {
    await (await LoginPage.open(page)).login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
    await page.goto(`/people/${personId}`);
    const section = page.getByRole('region', { name: 'Informativa privacy' });
    await expect(section).toContainText('Informativa privacy non consegnata.');
    await checkA11y(page, 'person without a privacy notice');

    await section.getByRole('button', { name: 'Registra la consegna di oggi' }).click();
    const form = section.getByRole('form', { name: 'Registra la consegna' });
    await expect(form).toBeVisible();
    await checkA11y(page, 'privacy notice being recorded');
    await form.getByRole('button', { name: 'Salva' }).click();
    await expect(section).toContainText(/Informativa consegnata il .* \(versione 1, italiano\)/i);
    await expect(section.getByRole('table', { name: 'Informative consegnate' }).getByRole('row')).toHaveCount(2);
  });

  test('the person’s data given back: the PDF and the JSON downloaded from their page', async () => {
    const exports = page.getByRole('region', { name: 'Esporta i dati (GDPR)' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: 'Scarica il PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const [json] = await Promise.all([page.waitForEvent('download'), exports.getByRole('link', { name: 'Scarica il JSON' }).click()]);
    const data = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    expect(JSON.stringify(data)).toContain(MOHAMED.familyNames);
    // The notice just recorded is part of what the person is given back.
    expect(data.privacyNotices).toEqual([expect.objectContaining({ version: '1', language: 'it' })]);
  });

  test('the audit log, filtered by the person, lists who opened the file; unusual reading is listed apart', async () => {
    await page.goto(`/admin/audit?personId=${personId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro delle attività');
    const log = page.getByRole('table').first();
    await expect(log).toContainText(ADMIN.email);
    await expect(page.getByRole('heading', { name: 'Letture insolite' })).toBeVisible();
    await checkA11y(page, 'audit log filtered by a person');
  });

  test('the erasure requests page lists the centre’s requests', async () => {
    await page.goto('/admin/erasure-requests');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richieste di cancellazione');
    await checkA11y(page, 'erasure requests');
  });

  test('the DPO’s retention: turned on, the preview lists a person not seen for years and why; then off again', async () => {
    await ensureFormerVisitor();
    await page.goto('/admin/retention');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conservazione dei dati');
    await expect(page.getByText('La cancellazione è spenta: nessuna scheda verrebbe cancellata.')).toBeVisible();
    await checkA11y(page, 'retention, off');

    const settings = page.getByRole('form', { name: 'Impostazioni' });
    // Bootstrap Italia draws the box on the label: ticked by its label, as a person does.
    const enabled = settings.getByRole('checkbox', { name: 'Cancellazione automatica attiva' });
    await settings.locator('label[for="retention-enabled"]').click();
    await expect(enabled).toBeChecked();
    await settings.getByLabel(/senza presa in carico/).fill('2');
    await settings.getByLabel(/con prese in carico chiuse/).fill('5');
    await settings.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await expect(page.getByText('Impostazioni di conservazione salvate.')).toBeVisible();

    const preview = page.getByRole('table', { name: 'Anteprima: schede da cancellare oggi' });
    const row = preview.getByRole('row').filter({ hasText: FORMER.familyNames });
    await expect(row).toContainText('04/03/2019');
    await expect(row).toContainText('Nessuna presa in carico, 2 anni dall’ultimo contatto');
    await expect(row).toContainText('04/03/2021');
    // Files of people seen today are not there.
    await expect(preview).not.toContainText('Mohamed');
    await expect(page.getByRole('button', { name: 'Esegui ora' })).toBeVisible();
    await checkA11y(page, 'retention on, with its preview');

    // Off again: the server's daily run must not meet the other specs' data.
    await settings.locator('label[for="retention-enabled"]').click();
    await expect(enabled).not.toBeChecked();
    await settings.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await expect(page.getByText('La cancellazione è spenta: nessuna scheda verrebbe cancellata.')).toBeVisible();
  });

  test('an operator turns on the second factor, keeps the recovery codes, and signs in again with one', async ({ browser }) => {
    const own = await browser.newContext();
    const operator = await own.newPage();
    try {
      await (await LoginPage.open(operator)).login(GUARDED.email, GUARDED.password);
      await FrontDeskPage.verifyOnPage(operator);
      await operator.goto('/account');
      await AccountPage.verifyOnPage(operator);
      const section = operator.getByRole('region', { name: 'Verifica in due passaggi' });
      await section.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click();
      await expect(section.getByRole('img')).toBeVisible();
      await checkA11y(operator, 'second factor being set up');

      // The key as the page shows it (groups of four), typed into an "app": here otplib computes the code.
      const key = ((await section.locator('code').first().textContent()) ?? '').replace(/\s+/g, '');
      expect(key).toMatch(/^[A-Z2-7]{16,}$/);
      await section.getByLabel('Password').fill(GUARDED.password);
      await section.getByLabel('Codice di verifica').fill(await generate({ secret: key }));
      await section.getByRole('button', { name: 'Conferma e attiva' }).click();
      const recovery = section.getByRole('alert').filter({ hasText: 'Codici di recupero' });
      await expect(recovery.getByRole('listitem')).toHaveCount(10);
      const code = ((await recovery.getByRole('listitem').first().textContent()) ?? '').trim();
      await checkA11y(operator, 'recovery codes shown once');
      await recovery.getByRole('button', { name: 'Ho conservato i codici' }).click();
      await expect(recovery).toHaveCount(0);

      // Signing in again: the password alone is not enough; a recovery code is.
      await (await AccountPage.verifyOnPage(operator)).logout();
      const login = await LoginPage.verifyOnPage(operator);
      await login.login(GUARDED.email, GUARDED.password);
      const codeField = operator.getByLabel('Codice di verifica');
      await expect(codeField).toBeVisible();
      await checkA11y(operator, 'login asking for the code');
      await codeField.fill(code);
      await login.submit.click();
      await FrontDeskPage.verifyOnPage(operator);
    } finally {
      await own.close();
    }
  });
});
