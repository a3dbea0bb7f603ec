/**
 * The desk and the lists as people use them every day (issue 15): a visit recorded on the wrong
 * person is corrected from "Accessi di oggi", then deleted after a confirmation; on the Scadenze
 * the operator calls (the telephone is there), marks the person contacted and records the
 * renewal; the operator opens the calendar, today marked with the centre's event. axe on each
 * new state.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import DeadlinesPage from './pages/deadlinesPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { OPERATOR } from './support/data.js';
import { italianDate, romeDate } from './support/dates.js';
import { asUser, ensureSeedData, ensureUser, ok } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

/** Names of this spec's own, so that a second run finds its people again. */
const WRONG = { givenNames: 'Karim', familyNames: 'Sbagliato' };
const RIGHT = { givenNames: 'Idris', familyNames: 'Giusto', phone: '+39 333 765 4321' };
const EVENT = 'Merenda multiculturale di oggi';

test.describe('The desk and the lists, every day', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await ensureSeedData();
    await ensureUser(OPERATOR);
    await asUser(async ({ api, headers }) => {
      const personId = async (person: { givenNames: string; familyNames: string; phone?: string }) => {
        const found = await ok<{ items: Array<{ id: number; familyNames: string }> }>(
          api.get('/api/v1/people', { params: { q: person.familyNames } }),
        );
        const existing = found.items.find((p) => p.familyNames === person.familyNames)?.id;
        if (existing) return existing;
        const data = { ...person, gender: 'male', citizenship: 'SN', residence: { kind: 'unknown' }, confirmNotDuplicate: true };
        return (await ok<{ id: number }>(api.post('/api/v1/people', { headers, data }))).id;
      };
      const wrongId = await personId(WRONG);
      const rightId = await personId(RIGHT);
      const topics = await ok<Array<{ id: number }>>(api.get('/api/v1/topics', { params: { active: 'true' } }));
      await ok(api.post('/api/v1/visits', { headers, data: { personId: wrongId, topicIds: [topics[0]?.id] } }));
      await ok(api.post(`/api/v1/people/${rightId}/permits`, { headers, data: { permitType: 'employment', expiresOn: romeDate(20) } }));
      await ok(api.post('/api/v1/events', { headers, data: { title: EVENT, date: romeDate(), startTime: '00:00' } }));
    }, OPERATOR);
    context = await browser.newContext();
    page = await context.newPage();
    await (await LoginPage.open(page)).login(OPERATOR.email, OPERATOR.password);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('a visit recorded on the wrong person is moved to the right one from "Accessi di oggi", then deleted', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    const row = desk.todaysVisits
      .getByRole('row')
      .filter({ hasText: `${WRONG.familyNames} ${WRONG.givenNames}` })
      .last();
    await row.getByRole('button', { name: /^Correggi: accesso del/ }).click();

    const form = page.getByRole('form', { name: /^Correggi l’accesso del .*Sbagliato Karim$/ });
    await expect(form).toBeVisible();
    await form.getByRole('button', { name: 'Un’altra persona' }).click();
    const search = form.getByRole('combobox', { name: /^Cerca persona/ });
    await expect(search).toBeFocused();
    await search.pressSequentially(RIGHT.familyNames);
    await form.getByRole('option', { name: new RegExp(`${RIGHT.familyNames} ${RIGHT.givenNames}`) }).click();
    await expect(form.getByTestId('correction-person')).toContainText(`${RIGHT.familyNames} ${RIGHT.givenNames}`);
    await form.getByLabel('Note brevi').fill('Registrato per errore su Karim');
    await checkA11y(page, "a visit's correction");
    await form.getByRole('button', { name: 'Salva la correzione' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Corretto: accesso del/ })).toContainText('Giusto Idris');
    const moved = desk.todaysVisits.getByRole('row').filter({ hasText: `${RIGHT.familyNames} ${RIGHT.givenNames}` });
    await expect(moved).toHaveCount(1);

    await moved.getByRole('button', { name: /^Elimina: accesso del/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Eliminare l’accesso?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Giusto Idris');
    await checkA11y(page, "a visit's deletion, confirmed");
    await dialog.getByRole('button', { name: 'Elimina', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Eliminato: accesso del/ })).toBeVisible();
    await expect(moved).toHaveCount(0);
  });

  test('Scadenze: the telephone, "Segna contattato" (today, by the operator) and the renewal with its new expiry', async () => {
    await page.goto('/deadlines');
    const deadlines = await DeadlinesPage.verifyOnPage(page);
    const row = deadlines.row(deadlines.expiring, `${RIGHT.familyNames} ${RIGHT.givenNames}`);
    await expect(row.getByRole('link', { name: RIGHT.phone })).toHaveAttribute('href', 'tel:+393337654321');
    await row.getByRole('button', { name: `Segna contattato: ${RIGHT.familyNames} ${RIGHT.givenNames}` }).click();
    await expect(row).toContainText(`Il ${italianDate(romeDate())}, da ${OPERATOR.displayName}`);

    await row.getByRole('button', { name: `Rinnovato: ${RIGHT.familyNames} ${RIGHT.givenNames}` }).click();
    const form = page.getByRole('form', { name: `Permesso rinnovato: ${RIGHT.familyNames} ${RIGHT.givenNames}` });
    await form.getByRole('button', { name: 'Registra il rinnovo' }).click();
    await expect(form.getByText('Indica la scadenza del nuovo permesso.')).toBeVisible();
    await checkA11y(page, 'a renewal, its expiry missing');
    await form.getByLabel('Nuova scadenza').fill(romeDate(730));
    await form.getByRole('button', { name: 'Registra il rinnovo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Giusto Idris: rinnovo registrato.' })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  test("the operator opens the centre's calendar: today marked, with the centre's event", async () => {
    await page.goto('/calendar');
    const month = page.getByRole('region', { name: /^Il mese:/ });
    const today = month.locator('td[aria-current="date"]');
    await expect(today).toHaveAttribute('data-date', romeDate());
    await expect(today).toContainText('Oggi');
    await expect(today.getByRole('link', { name: `Evento: ${EVENT}` })).toHaveAttribute('href', '/events');
    // Setting the hours and closures stays the coordinator's.
    await expect(page.getByRole('region', { name: 'Orari di apertura' })).toHaveCount(0);
    await checkA11y(page, 'the calendar, as an operator sees it');
  });
});
