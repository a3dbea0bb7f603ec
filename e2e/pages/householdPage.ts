import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Nucleo familiare": the members, their changes, and a case for the household. */
export default class HouseholdPage extends AbstractPage {
  readonly members: Locator;

  readonly openCaseLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.members = page.getByRole('table', { name: 'Componenti' });
    this.openCaseLink = page.getByRole('link', { name: 'Apri presa in carico del nucleo' });
  }

  static async verifyOnPage(page: Page, name: string): Promise<HouseholdPage> {
    const household = new HouseholdPage(page);
    await expect(household.heading).toHaveText(name);
    await expect(page.getByText('Nucleo familiare', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/households\/\d+$/);
    return household;
  }

  memberRow(name: string): Locator {
    return this.members.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
