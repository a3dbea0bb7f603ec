import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Statistiche": aggregated figures only (what a viewer may see). */
export default class StatisticsPage extends AbstractPage {
  readonly total: Locator;

  private constructor(page: Page) {
    super(page);
    this.total = page.getByTestId('stats-total');
  }

  static async verifyOnPage(page: Page, heading = 'Statistiche degli accessi'): Promise<StatisticsPage> {
    const stats = new StatisticsPage(page);
    await expect(stats.heading).toHaveText(heading);
    await expect(stats.total).toBeVisible();
    return stats;
  }

  /** A table by its caption, e.g. "Per provenienza". */
  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The count in the row headed `category` of the table captioned `caption`. */
  countIn(caption: string | RegExp, category: string): Locator {
    return this.table(caption)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: category, exact: true }) })
      .getByRole('cell');
  }
}
