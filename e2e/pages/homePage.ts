import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** The home page ('/'), the first page after login: each role's view under its own heading. */
export default class HomePage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  /** `heading`: "Il centro in sintesi" (coordinator, viewer) or "La mia giornata" (operator). */
  static async verifyOnPage(page: Page, heading: string): Promise<HomePage> {
    const home = new HomePage(page);
    await expect(home.heading).toHaveText(heading);
    await expect(page).toHaveURL(/\/$/);
    await expect(home.page.getByText(/^Oggi, /)).toBeVisible();
    return home;
  }

  /** A section by its heading (h2). */
  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  /** A table of a section by its (hidden) caption. */
  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The row of a table named by its row header. */
  row(table: Locator, name: string | RegExp): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }
}
