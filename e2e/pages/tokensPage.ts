import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Token API": personal API tokens; a new token is shown once. */
export default class TokensPage extends AbstractPage {
  readonly newToken: Locator;

  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.newToken = page.getByTestId('new-token');
    this.table = page.getByRole('table', { name: 'Token API personali' });
  }

  static async verifyOnPage(page: Page): Promise<TokensPage> {
    const tokens = new TokensPage(page);
    await expect(tokens.heading).toHaveText('Token API personali');
    await expect(page.getByLabel('Utente').getByRole('option').first()).toBeAttached();
    return tokens;
  }

  /** Creates a token and returns its secret, read from the one-time notice. */
  async create(userLabel: string | RegExp, purpose: string): Promise<string> {
    const user = this.page.getByLabel('Utente');
    const option = user.getByRole('option', { name: userLabel });
    await user.selectOption({ value: (await option.getAttribute('value')) ?? '' });
    await this.page.getByLabel('A cosa serve').fill(purpose);
    await this.page.getByRole('button', { name: 'Crea token' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Nuovo token (copialo ora, non sarà più mostrato):' })).toBeVisible();
    return (await this.newToken.textContent())?.trim() ?? '';
  }

  row(purpose: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: purpose, exact: true }) });
  }
}
