import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Tipologie di richiesta": the catalogue of request topics used at the front desk. */
export default class TopicsPage extends AbstractPage {
  readonly table: Locator;

  readonly addForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: 'Tipologie di richiesta' });
    this.addForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Aggiungi tipologia' }) });
  }

  static async verifyOnPage(page: Page): Promise<TopicsPage> {
    const topics = new TopicsPage(page);
    await expect(topics.heading).toHaveText('Tipologie di richiesta');
    await expect(topics.table.locator('tbody tr').first()).toBeVisible();
    return topics;
  }

  async add(topic: { code: string; labelIt: string; labelEn: string }): Promise<void> {
    await this.addForm.getByLabel('Codice').fill(topic.code);
    await this.addForm.getByLabel('Nome (italiano)').fill(topic.labelIt);
    await this.addForm.getByLabel('Nome (inglese)').fill(topic.labelEn);
    await this.addForm.getByRole('button', { name: 'Aggiungi tipologia' }).click();
  }

  /** The table's row of the topic with this code. */
  row(code: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: code, exact: true }) });
  }
}
