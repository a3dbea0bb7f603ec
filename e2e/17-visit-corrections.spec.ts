/**
 * A visit recorded on the wrong person or by mistake, corrected and deleted where visits are
 * listed beside the desk (issue 15): from the visits list ("Accessi") and from the person's file,
 * as an operator. The correction moves the visit to the right person; a deletion asks first
 * (cancelled once: nothing changes; confirmed: the visit is gone, and it is said). The
 * administrator's audit log shows who changed the visit's person and who deleted it. axe on each
 * new state.
 */
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import AuditPage from './pages/auditPage.js';
import LoginPage from './pages/loginPage.js';
import PersonPage from './pages/personPage.js';
import VisitsPage from './pages/visitsPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { ADMIN, OPERATOR } from './support/data.js';
import { italianDate, romeDate } from './support/dates.js';
import { asUser, ensureSeedData, ensureUser, ok } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

/** Names of this spec's own, so that a second run finds its people again. */
const WRONG = { givenNames: 'Omar', familyNames: 'Scambiato' };
const RIGHT = { givenNames: 'Yusuf', familyNames: 'Rettificato' };
const fullName = (person: { givenNames: string; familyNames: string }) => `${person.familyNames} ${person.givenNames}`;
/** A day of this spec's own, a week ago: its visits are the only ones on it. */
const DAY = romeDate(-7);
/** The visit corrected and deleted from the list, and the one from the person's file. */
const IN_LIST = { time: '09:15' };
const IN_FILE = { time: '11:40' };

test.describe('A visit corrected and deleted from the visits list and the person’s file', () => {
  let context: BrowserContext;
  let page: Page;
  const ids = { wrong: 0, right: 0, inList: 0, inFile: 0 };

  /** The row of a visit, by its time and who it is of. */
  const visitRow = (table: Locator, time: string, person?: typeof WRONG) => {
    const row = table.locator('tbody tr').filter({ hasText: time });
    return person ? row.filter({ hasText: fullName(person) }) : row;
  };
  const rowName = (time: string, person: typeof WRONG) => `accesso del ${italianDate(DAY)} ${time}, ${fullName(person)}`;

  /** "Correggi" on a visit of WRONG, another person chosen (RIGHT) and the correction saved. */
  async function moveToRight(row: Locator, time: string) {
    await row.getByRole('button', { name: `Correggi: ${rowName(time, WRONG)}` }).click();
    const form = page.getByRole('form', { name: `Correggi l’${rowName(time, WRONG)}` });
    await expect(form).toBeVisible();
    await form.getByRole('button', { name: 'Un’altra persona' }).click();
    const search = form.getByRole('combobox', { name: /^Cerca persona/ });
    await expect(search).toBeFocused();
    await search.pressSequentially(RIGHT.familyNames);
    await form.getByRole('option', { name: new RegExp(fullName(RIGHT)) }).click();
    await expect(form.getByTestId('correction-person')).toContainText(fullName(RIGHT));
    return form;
  }

  /** "Elimina" on a visit of RIGHT: cancelled once (the row stays), then confirmed (the row goes, and it is said). */
  async function deleteAfterCancelling(row: Locator, time: string, where: string) {
    const name = rowName(time, RIGHT);
    await row.getByRole('button', { name: `Elimina: ${name}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Eliminare l’accesso?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(fullName(RIGHT));
    await checkA11y(page, `a visit's deletion to confirm, ${where}`);
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: /^Eliminato:/ })).toHaveCount(0);

    await row.getByRole('button', { name: `Elimina: ${name}` }).click();
    await dialog.getByRole('button', { name: 'Elimina', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Eliminato: ${name}.` })).toBeVisible();
    await expect(row).toHaveCount(0);
  }

  test.beforeAll(async ({ browser }) => {
    await ensureSeedData();
    await ensureUser(OPERATOR);
    await asUser(async ({ api, headers }) => {
      const personId = async (person: typeof WRONG) => {
        const found = await ok<{ items: Array<{ id: number; familyNames: string }> }>(
          api.get('/api/v1/people', { params: { q: person.familyNames } }),
        );
        const existing = found.items.find((p) => p.familyNames === person.familyNames)?.id;
        if (existing) return existing;
        const data = { ...person, gender: 'male', citizenship: 'EG', residence: { kind: 'unknown' }, confirmNotDuplicate: true };
        return (await ok<{ id: number }>(api.post('/api/v1/people', { headers, data }))).id;
      };
      ids.wrong = await personId(WRONG);
      ids.right = await personId(RIGHT);
      const topics = await ok<Array<{ id: number }>>(api.get('/api/v1/topics', { params: { active: 'true' } }));
      const visit = async (time: string) =>
        (
          await ok<{ id: number }>(
            api.post('/api/v1/visits', { headers, data: { personId: ids.wrong, date: DAY, time, topicIds: [topics[0]?.id] } }),
          )
        ).id;
      ids.inList = await visit(IN_LIST.time);
      ids.inFile = await visit(IN_FILE.time);
    }, OPERATOR);
    context = await browser.newContext();
    page = await context.newPage();
    await (await LoginPage.open(page)).login(OPERATOR.email, OPERATOR.password);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the visits list: a visit moved from the wrong person to the right one, then deleted after a confirmation', async () => {
    await page.goto(`/visits?from=${DAY}&to=${DAY}`);
    const visits = await VisitsPage.verifyOnPage(page);
    const wrongRow = visitRow(visits.table, IN_LIST.time, WRONG);
    await expect(wrongRow).toHaveCount(1);

    const form = await moveToRight(wrongRow, IN_LIST.time);
    await checkA11y(page, "a visit's correction, from the visits list");
    await form.getByRole('button', { name: 'Salva la correzione' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Corretto: ${rowName(IN_LIST.time, RIGHT)}.` })).toBeVisible();
    await expect(form).toHaveCount(0);
    await expect(wrongRow).toHaveCount(0);
    const rightRow = visitRow(visits.table, IN_LIST.time, RIGHT);
    await expect(rightRow).toHaveCount(1);
    // The visit of the file's test is still the wrong person's, untouched.
    await expect(visitRow(visits.table, IN_FILE.time, WRONG)).toHaveCount(1);

    await deleteAfterCancelling(rightRow, IN_LIST.time, 'from the visits list');
    await expect(visitRow(visits.table, IN_LIST.time)).toHaveCount(0);
  });

  test("the person's file: the visit leaves the wrong person's file for the right one's, and is deleted there", async () => {
    await page.goto(`/people/${ids.wrong}`);
    const wrongFile = await PersonPage.verifyOnPage(page, fullName(WRONG));
    const row = visitRow(wrongFile.visits, IN_FILE.time);
    await expect(row).toHaveCount(1);
    const form = await moveToRight(row, IN_FILE.time);
    await form.getByLabel('Note brevi').fill('Registrato sulla persona sbagliata');
    await checkA11y(page, "a visit's correction, from the person's file");
    await form.getByRole('button', { name: 'Salva la correzione' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Corretto: ${rowName(IN_FILE.time, RIGHT)}.` })).toBeVisible();
    // No longer this person's visit.
    await expect(row).toHaveCount(0);

    await page.goto(`/people/${ids.right}`);
    const rightFile = await PersonPage.verifyOnPage(page, fullName(RIGHT));
    const moved = visitRow(rightFile.visits, IN_FILE.time);
    await expect(moved).toHaveCount(1);
    await expect(moved).toContainText('Registrato sulla persona sbagliata');
    await deleteAfterCancelling(moved, IN_FILE.time, "from the person's file");
  });

  test('the audit log shows who moved each visit to another person and who deleted it', async ({ browser }) => {
    const admin = await browser.newContext();
    try {
      const adminPage = await admin.newPage();
      const login = await LoginPage.open(adminPage);
      await login.login(ADMIN.email, ADMIN.password);
      // Logged in: the menu is there (the session cookie set before the next address is opened).
      await expect(login.mainNav).toBeVisible();
      for (const id of [ids.inList, ids.inFile]) {
        await adminPage.goto(`/admin/audit?entity=visit&entityId=${id}`);
        const audit = await AuditPage.verifyOnPage(adminPage);
        const rows = audit.rows();
        await expect(rows).toHaveCount(3);
        for (const row of await rows.all()) {
          await expect(row.getByRole('cell').nth(1)).toHaveText(OPERATOR.email);
          await expect(row.getByRole('cell').nth(3)).toHaveText(`visit #${id}`);
        }
        // Newest first: the deletion, the correction (its fields, the person among them), the recording.
        await expect(rows.nth(0).getByRole('cell').nth(2)).toHaveText('Eliminazione');
        await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('Modifica');
        await expect(rows.nth(1).getByRole('cell').nth(5)).toContainText('"personId"');
        await expect(rows.nth(2).getByRole('cell').nth(2)).toHaveText('Creazione');
      }
      await checkA11y(adminPage, "a visit's audit rows");
    } finally {
      await admin.close();
    }
  });
});
