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

  /**
   * Signs in, and waits for the server's answer (a session, an error, or the second factor asked):
   * a page opened right after would otherwise race the request and land back here, signed out.
   */
  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    const answered = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/auth/login');
    await this.submit.click();
    await answered;
  }
}
