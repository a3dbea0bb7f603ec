import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Report di gestione": the caller's reports and, for the coordinator, the form to start one. */
export default class ReportsPage extends AbstractPage {
  readonly list: Locator;

  readonly startForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.list = page.getByRole('table', { name: 'I report' });
    this.startForm = page.getByRole('form', { name: 'Avvia un report' });
  }

  static async verifyOnPage(page: Page): Promise<ReportsPage> {
    const reports = new ReportsPage(page);
    await expect(reports.heading).toHaveText('Report di gestione');
    await expect(page).toHaveTitle('Report di gestione · Approdo');
    return reports;
  }

  /** The row of a year's report, by its link "Report 2023". */
  row(year: number): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('link', { name: `Report ${year}`, exact: true }) });
  }

  async start(year: number): Promise<void> {
    await this.startForm.getByLabel('Anno').fill(String(year));
    await this.startForm.getByRole('button', { name: 'Avvia il report' }).click();
  }
}
