import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Domande e bonus": record one, counts by type and level for a period, the list. */
export default class ApplicationsPage extends AbstractPage {
  readonly recordForm: Locator;

  readonly byType: Locator;

  readonly byLevel: Locator;

  readonly list: Locator;

  private constructor(page: Page) {
    super(page);
    this.recordForm = page.getByRole('region', { name: 'Registra una domanda' });
    this.byType = page.getByRole('table', { name: 'Domande per tipo' });
    this.byLevel = page.getByRole('table', { name: 'Domande per livello' });
    this.list = page.getByRole('table', { name: 'Domande del periodo' });
  }

  static async verifyOnPage(page: Page): Promise<ApplicationsPage> {
    const applications = new ApplicationsPage(page);
    await expect(applications.heading).toHaveText('Domande e bonus');
    await expect(applications.byLevel).toBeVisible();
    return applications;
  }

  /** The count in a summary table's row ("Assegno unico universale", "Nazionale"…). */
  countIn(table: Locator, rowName: string): Locator {
    return table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: rowName, exact: true }) })
      .getByRole('cell')
      .last();
  }
}
