import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Scheda persona": a personal file (opening it is written to the audit log). */
export default class PersonPage extends AbstractPage {
  readonly recordVisitButton: Locator;

  readonly visits: Locator;

  private constructor(page: Page) {
    super(page);
    this.recordVisitButton = page.getByRole('button', { name: 'Registra accesso' });
    this.visits = page.getByRole('table', { name: 'Accessi' });
  }

  static async verifyOnPage(page: Page, fullName: string): Promise<PersonPage> {
    const file = new PersonPage(page);
    await expect(file.heading).toHaveText(fullName);
    await expect(page.getByText('Scheda persona', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/people\/\d+$/);
    return file;
  }

  /** The person's id, from the address of the file. */
  id(): number {
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  /** The value shown under a label of the facts list (e.g. "Cittadinanza"). */
  fact(label: string): Locator {
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }
}
