import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Tipi di domanda": the catalogue of applications, for coordinators. */
export default class ApplicationTypesPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Tipi di domanda' });
  }

  static async verifyOnPage(page: Page): Promise<ApplicationTypesPage> {
    const types = new ApplicationTypesPage(page);
    await expect(types.heading).toHaveText('Tipi di domanda');
    await expect(types.table.locator('tbody tr').first()).toBeVisible();
    return types;
  }
}
