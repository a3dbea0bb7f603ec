import { expect, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Personale": the centre's staff, their contracts and weekly hours. */
export default class StaffPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<StaffPage> {
    const staff = new StaffPage(page);
    await expect(staff.heading).toHaveText('Personale');
    await expect(page.getByRole('heading', { name: 'Aggiungi una persona' })).toBeVisible();
    return staff;
  }
}
