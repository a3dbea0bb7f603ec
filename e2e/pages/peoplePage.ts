import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Persone": search-as-you-type over the people of the user's centres. */
export default class PeoplePage extends AbstractPage {
  readonly search: Locator;

  readonly newPersonLink: Locator;

  readonly results: Locator;

  readonly noResults: Locator;

  private constructor(page: Page) {
    super(page);
    this.search = page.getByRole('searchbox', { name: 'Cerca per nome, cognome o codice fiscale' });
    this.newPersonLink = page.getByRole('link', { name: 'Nuova persona' });
    this.results = page.getByRole('table', { name: /\d+ person[ae]$/ });
    this.noResults = page.getByText('Nessuna persona trovata.');
  }

  static async verifyOnPage(page: Page): Promise<PeoplePage> {
    const people = new PeoplePage(page);
    await expect(people.heading).toHaveText('Persone');
    await expect(people.search).toBeVisible();
    return people;
  }

  /** Rows of the results table (without the header row). */
  rows(): Locator {
    return this.results.locator('tbody tr');
  }

  row(familyNames: string, givenNames: string): Locator {
    return this.rows()
      .filter({ has: this.page.getByRole('cell', { name: familyNames, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: givenNames, exact: true }) });
  }

  /** Types the query and waits for the API's answer to exactly that query (the list is debounced). */
  async searchFor(text: string): Promise<void> {
    const answered = this.page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/v1/people' && url.searchParams.get('q') === text.trim() && response.ok();
    });
    await this.search.fill(text);
    await answered;
  }

  /** The caption reads "N persone" ("1 persona"). */
  async expectCount(count: number): Promise<void> {
    await expect(this.results.locator('caption')).toHaveText(count === 1 ? '1 persona' : `${count} persone`);
    await expect(this.rows()).toHaveCount(count);
  }
}
