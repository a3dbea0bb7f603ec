import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

export default class LoginPage extends AbstractPage {
  readonly email: Locator;

  readonly password: Locator;

  readonly submit: Locator;

  readonly loggedOutNotice: Locator;

  private constructor(page: Page) {
    super(page);
    this.email = page.getByLabel('Indirizzo e-mail');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Accedi', exact: true });
    this.loggedOutNotice = page.getByRole('status').filter({ hasText: 'Sei uscito da Approdo.' });
  }

  static async verifyOnPage(page: Page): Promise<LoginPage> {
    const login = new LoginPage(page);
    await expect(login.heading).toHaveText('Accedi ad Approdo');
    await expect(page).toHaveTitle('Accedi ad Approdo · Approdo');
    return login;
  }

  static async open(page: Page): Promise<LoginPage> {
    await page.goto('/login');
    return LoginPage.verifyOnPage(page);
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
