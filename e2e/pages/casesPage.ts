import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Prese in carico": the overdue actions of the caller, and the cases with filters. */
export default class CasesPage extends AbstractPage {
  readonly overdue: Locator;

  readonly table: Locator;

  readonly count: Locator;

  readonly newCaseLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.overdue = page.getByRole('region', { name: /^Azioni scadute\b/ });
    this.table = page.getByRole('table', { name: 'Prese in carico' });
    this.count = page.getByTestId('cases-count');
    this.newCaseLink = page.getByRole('link', { name: 'Apri presa in carico' });
  }

  static async verifyOnPage(page: Page): Promise<CasesPage> {
    const cases = new CasesPage(page);
    await expect(cases.heading).toHaveText('Prese in carico');
    await expect(cases.count).toBeVisible();
    return cases;
  }

  overdueRow(description: string): Locator {
    return this.overdue.locator('tbody tr').filter({ hasText: description });
  }

  /** A case's row, by who it is for. */
  row(title: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}
