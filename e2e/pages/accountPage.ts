import { expect, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Il mio account": who I am, the password change, and my open sessions. */
export default class AccountPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<AccountPage> {
    const account = new AccountPage(page);
    await expect(account.heading).toHaveText('Il mio account');
    await expect(page.getByRole('button', { name: 'Cambia password' })).toBeVisible();
    return account;
  }

  /** The table of my open sessions, with this one marked. */
  get sessions() {
    return this.page.getByRole('table', { name: 'Sessioni aperte' });
  }
}
