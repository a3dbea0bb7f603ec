/**
 * The years before the records, in Italian, as the coordinator types them: "Anni precedenti"
 * from the menu, the visits of the year before the report's typed with a breakdown two short of
 * its total (the running sum says "mancano 2", and the server refuses the save with the same
 * difference), completed with "Metti la differenza in Non specificato", saved; then the year's
 * report shows that figure in its comparison of the visits by year, with the note under the
 * table. axe-core checks the page, the refused form and the report; at 390 px nothing scrolls sideways.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import AbstractPage from './pages/abstractPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import ReportPage from './pages/reportPage.js';
import ReportsPage from './pages/reportsPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { COORDINATOR } from './support/data.js';
import { ensureReportVisits, REPORT_YEAR } from './support/reportSeed.js';
import { ensureUser } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

/** "Anni precedenti": the years typed, and the form that adds one. */
class PreviousYearsPage extends AbstractPage {
  static async verifyOnPage(page: Page): Promise<PreviousYearsPage> {
    const years = new PreviousYearsPage(page);
    await expect(years.heading).toHaveText('Anni precedenti');
    await expect(page).toHaveTitle('Anni precedenti · Approdo');
    return years;
  }
}

/** A year before the records: no spec records anything in it (reportSeed's year is the one after). */
const YEAR = REPORT_YEAR - 1;
const NOTE = `I dati ${YEAR} sono quelli pubblicati dal centro prima di Approdo (inseriti a mano).`;

test.describe('Anni precedenti: the figures published before Approdo in the report', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await ensureUser(COORDINATOR);
    await ensureReportVisits();
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the coordinator types a year’s visits: a breakdown short of its total is refused with the difference, then completed', async () => {
    await (await LoginPage.open(page)).login(COORDINATOR.email, COORDINATOR.password);
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Anni precedenti');
    await PreviousYearsPage.verifyOnPage(page);
    await checkA11y(page, 'previous years');

    const form = page.getByRole('form', { name: 'Aggiungi un anno' });
    const visits = form.getByRole('group', { name: 'Accessi' });
    await form.getByLabel('Anno').fill(String(YEAR));
    await form.getByLabel('Fonte').fill(`Relazione annuale ${YEAR}`);
    await visits.getByLabel('Totale', { exact: true }).fill('160');
    await visits.getByLabel('Italiani', { exact: true }).fill('40');
    await visits.getByLabel('Comunitari', { exact: true }).fill('20');
    await visits.getByLabel('Extracomunitari', { exact: true }).fill('98');
    const sum = visits.getByRole('status');
    await expect(sum).toHaveText('Italiani + Comunitari + Extracomunitari + Non specificato = 158, il totale è 160: mancano 2');

    // Saved as it is, the server refuses it with the same difference, under the total.
    await form.getByRole('button', { name: 'Salva' }).click();
    await expect(visits.getByLabel('Totale', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(visits.getByRole('alert')).toHaveText(
      'Italiani + Comunitari + Extracomunitari + Non specificato = 158, il totale è 160: mancano 2',
    );
    await checkA11y(page, 'previous years, breakdown refused');

    await visits.getByRole('button', { name: 'Metti la differenza in Non specificato' }).click();
    await expect(visits.getByLabel('Non specificato', { exact: true })).toHaveValue('2');
    await expect(sum).toHaveText('Italiani + Comunitari + Extracomunitari + Non specificato = 160, il totale è 160: la suddivisione torna');
    await form.getByRole('button', { name: 'Salva' }).click();
    await expect(page.getByText('Dati salvati.')).toBeVisible();

    const row = page
      .getByRole('table', { name: 'Dati pubblicati negli anni precedenti' })
      .getByRole('row')
      .filter({ hasText: String(YEAR) });
    await expect(row.getByRole('cell').first()).toHaveText('160');
    await expect(row).toContainText('Tutti i dati sono usati');
  });

  test('the report of the following year compares with it, and says where it comes from', async () => {
    await (await PreviousYearsPage.verifyOnPage(page)).openFromMenu('Report di gestione');
    const reports = await ReportsPage.verifyOnPage(page);
    if ((await reports.row(REPORT_YEAR).count()) === 0) await reports.start(REPORT_YEAR);
    else await reports.row(REPORT_YEAR).getByRole('link').click();
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);

    const byYear = report.preview.getByTestId('block-visits.byYear');
    const yearRow = byYear.getByRole('row', { name: new RegExp(`^${YEAR}\\b`) });
    await expect(yearRow.getByRole('cell')).toHaveText('160');
    await expect(byYear.getByText(NOTE)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dati degli anni prima di Approdo' })).toBeVisible();
    await checkA11y(page, 'report with published figures');
  });

  test('at 390 px wide, the page with its list and form scrolls nothing sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/reports/previous-years');
    await PreviousYearsPage.verifyOnPage(page);
    await expect(page.getByRole('table', { name: 'Dati pubblicati negli anni precedenti' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
