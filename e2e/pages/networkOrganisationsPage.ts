import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Organizzazioni della rete": the catalogue network meetings choose from. */
export default class NetworkOrganisationsPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Organizzazioni della rete' });
  }

  static async verifyOnPage(page: Page): Promise<NetworkOrganisationsPage> {
    const organisations = new NetworkOrganisationsPage(page);
    await expect(organisations.heading).toHaveText('Organizzazioni della rete');
    await expect(organisations.table.locator('tbody tr').first()).toBeVisible();
    return organisations;
  }
}
