import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Tipi di corso": the catalogue of course kinds, for coordinators. */
export default class CourseKindsPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Tipi di corso' });
  }

  static async verifyOnPage(page: Page): Promise<CourseKindsPage> {
    const kinds = new CourseKindsPage(page);
    await expect(kinds.heading).toHaveText('Tipi di corso');
    await expect(kinds.table.locator('tbody tr').first()).toBeVisible();
    return kinds;
  }
}
