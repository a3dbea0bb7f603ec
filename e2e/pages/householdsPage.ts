import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Nuclei familiari": search by name, and the way to a new household. */
export default class HouseholdsPage extends AbstractPage {
  readonly search: Locator;

  readonly newHouseholdLink: Locator;

  readonly results: Locator;

  private constructor(page: Page) {
    super(page);
    this.search = page.getByRole('searchbox', { name: 'Cerca per nome del nucleo' });
    this.newHouseholdLink = page.getByRole('link', { name: 'Nuovo nucleo' });
    this.results = page.getByRole('table', { name: /^\d+ nucle[oi]$/ });
  }

  static async verifyOnPage(page: Page): Promise<HouseholdsPage> {
    const households = new HouseholdsPage(page);
    await expect(households.heading).toHaveText('Nuclei familiari');
    await expect(households.search).toBeVisible();
    return households;
  }
}
