import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

export interface SetupDetails {
  organisationName: string;
  centreCode: string;
  centreName: string;
  /** What is typed in the comune search, and the option then chosen ("Jesi", "Jesi (AN)"). */
  comune: { search: string; option: string };
  displayName: string;
  email: string;
  password: string;
}

/** First run: the one-time link the server prints, `/setup#TOKEN`. */
export default class SetupPage extends AbstractPage {
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.submit = page.getByRole('button', { name: 'Crea e accedi' });
  }

  static async verifyOnPage(page: Page): Promise<SetupPage> {
    const setup = new SetupPage(page);
    await expect(setup.heading).toHaveText('Primo avvio: crea l’amministratore');
    return setup;
  }

  static async open(page: Page, setupUrl: string): Promise<SetupPage> {
    await page.goto(setupUrl);
    const setup = await SetupPage.verifyOnPage(page);
    await expect(setup.submit).toBeVisible();
    return setup;
  }

  async createAdministrator(details: SetupDetails): Promise<void> {
    const { page } = this;
    await page.getByLabel('Nome dell’organizzazione').fill(details.organisationName);
    await page.getByLabel('Codice del centro').fill(details.centreCode);
    await page.getByLabel('Nome del centro').fill(details.centreName);
    const comune = page.getByRole('combobox', { name: 'Comune del centro' });
    await comune.fill(details.comune.search);
    await page
      .getByRole('listbox', { name: 'Comune del centro' })
      .getByRole('option')
      .filter({ hasText: details.comune.option })
      .first()
      .click();
    await expect(comune).toHaveValue(details.comune.option);
    await page.getByLabel('Il tuo nome').fill(details.displayName);
    await page.getByLabel('Indirizzo e-mail').fill(details.email);
    await page.getByLabel('Password').fill(details.password);
    await this.submit.click();
  }
}
