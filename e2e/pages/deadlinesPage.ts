import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Scadenze": residence permits expiring within N days, and those already expired. */
export default class DeadlinesPage extends AbstractPage {
  readonly expiring: Locator;

  readonly expired: Locator;

  readonly withinDays: Locator;

  private constructor(page: Page) {
    super(page);
    this.expiring = page.getByRole('region', { name: /^In scadenza\b/ });
    this.expired = page.getByRole('region', { name: /^Scaduti\b/ });
    this.withinDays = page.getByLabel('In scadenza entro');
  }

  static async verifyOnPage(page: Page): Promise<DeadlinesPage> {
    const deadlines = new DeadlinesPage(page);
    await expect(deadlines.heading).toHaveText('Scadenze dei permessi di soggiorno');
    await expect(deadlines.expiring).toBeVisible();
    return deadlines;
  }

  /** The number in a section's heading. */
  count(section: Locator): Locator {
    return section.getByRole('heading').locator('.badge');
  }

  row(section: Locator, personName: string): Locator {
    return section.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: personName, exact: true }) });
  }
}
