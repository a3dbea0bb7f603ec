import { type Download, expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Accessi": the visits with filters, and their exports (XLSX and CSV). */
export default class VisitsPage extends AbstractPage {
  readonly filters: Locator;

  readonly from: Locator;

  readonly to: Locator;

  readonly originGroup: Locator;

  readonly applyButton: Locator;

  readonly resetButton: Locator;

  readonly exportLink: Locator;

  readonly exportXlsxLink: Locator;

  readonly count: Locator;

  readonly table: Locator;

  readonly none: Locator;

  private constructor(page: Page) {
    super(page);
    this.filters = page.getByRole('form', { name: 'Filtri' });
    this.from = this.filters.getByLabel('Dal', { exact: true });
    this.to = this.filters.getByLabel('Al', { exact: true });
    this.originGroup = this.filters.getByLabel('Provenienza', { exact: true });
    this.applyButton = this.filters.getByRole('button', { name: 'Applica filtri' });
    this.resetButton = this.filters.getByRole('button', { name: 'Azzera' });
    this.exportLink = this.filters.getByRole('link', { name: 'Scarica CSV' });
    this.exportXlsxLink = this.filters.getByRole('link', { name: 'Scarica Excel (XLSX)' });
    this.count = page.getByTestId('visits-count');
    this.table = page.getByRole('table', { name: 'Accessi' });
    this.none = page.getByText('Nessun accesso con questi filtri.');
  }

  static async verifyOnPage(page: Page): Promise<VisitsPage> {
    const visits = new VisitsPage(page);
    await expect(visits.heading).toHaveText('Accessi');
    await expect(visits.count).toBeVisible();
    return visits;
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  /** Sets the filters given (others are left as they are) and applies them. */
  async filter(filters: { from?: string; to?: string; originGroup?: string }): Promise<void> {
    if (filters.from !== undefined) await this.from.fill(filters.from);
    if (filters.to !== undefined) await this.to.fill(filters.to);
    if (filters.originGroup !== undefined) await this.originGroup.selectOption({ label: filters.originGroup });
    await this.applyButton.click();
  }

  /** "N accessi" and, when there are any, N rows in the table. */
  async expectCount(count: number): Promise<void> {
    await expect(this.count).toHaveText(new RegExp(`^${count} access[oi]$`));
    if (count === 0) {
      await expect(this.none).toBeVisible();
      await expect(this.table).toHaveCount(0);
    } else {
      await expect(this.rows()).toHaveCount(count);
    }
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportLink.click();
    return download;
  }

  async exportXlsx(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportXlsxLink.click();
    return download;
  }
}
