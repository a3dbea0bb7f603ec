import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

export interface NewUser {
  displayName: string;
  email: string;
  /** As labelled: "Operatore", "Consultazione", … */
  role: string;
  password: string;
}

/** "Utenti": accounts, their role and centres. */
export default class UsersPage extends AbstractPage {
  readonly table: Locator;

  readonly addForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Utenti' });
    this.addForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Nuovo utente' }) });
  }

  static async verifyOnPage(page: Page): Promise<UsersPage> {
    const users = new UsersPage(page);
    await expect(users.heading).toHaveText('Utenti');
    await expect(users.table.locator('tbody tr').first()).toBeVisible();
    // The centres (ticked by default for the first one) come from the API.
    await expect(users.addForm.getByRole('group', { name: 'Centri' }).getByRole('checkbox').first()).toBeChecked();
    return users;
  }

  async add(user: NewUser): Promise<void> {
    await this.addForm.getByLabel('Nome').fill(user.displayName);
    await this.addForm.getByLabel('E-mail').fill(user.email);
    await this.addForm.getByLabel('Ruolo').selectOption({ label: user.role });
    await this.addForm.getByLabel('Password iniziale').fill(user.password);
    await this.addForm.getByRole('button', { name: 'Nuovo utente' }).click();
  }

  row(email: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) });
  }
}
