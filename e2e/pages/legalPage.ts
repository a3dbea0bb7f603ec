import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Consulenza legale": the lawyer's consultations. */
export default class LegalPage extends AbstractPage {
  readonly form: Locator;

  readonly totals: Locator;

  private constructor(page: Page) {
    super(page);
    this.form = page.getByRole('region', { name: /^(Registra una consulenza|Modifica la consulenza)/ });
    this.totals = page.getByTestId('legal-totals');
  }

  static async verifyOnPage(page: Page): Promise<LegalPage> {
    const legal = new LegalPage(page);
    await expect(legal.heading).toHaveText('Consulenza legale');
    await expect(legal.totals).toBeVisible();
    return legal;
  }
}
