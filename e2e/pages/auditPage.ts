import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Registro attività": every write and every opening of a personal file. */
export default class AuditPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Registro delle attività' });
  }

  static async verifyOnPage(page: Page): Promise<AuditPage> {
    const audit = new AuditPage(page);
    await expect(audit.heading).toHaveText('Registro delle attività');
    await expect(audit.table.locator('tbody tr').first()).toBeVisible();
    return audit;
  }

  async filter(filters: { action?: string; entity?: string }): Promise<void> {
    if (filters.action) await this.page.getByLabel('Azione', { exact: true }).selectOption(filters.action);
    if (filters.entity) await this.page.getByLabel('Oggetto', { exact: true }).selectOption(filters.entity);
    await this.page.getByRole('button', { name: 'Applica filtri' }).click();
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }
}
