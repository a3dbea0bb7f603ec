import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Postazione PC": a quick log of the public computer's use. */
export default class PcStationPage extends AbstractPage {
  readonly purpose: Locator;

  readonly minutes: Locator;

  readonly saveButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.purpose = page.getByLabel(/^Motivo\b/);
    this.minutes = page.getByLabel(/^Minuti\b/);
    this.saveButton = page.getByRole('button', { name: 'Registra uso' });
  }

  static async verifyOnPage(page: Page): Promise<PcStationPage> {
    const pc = new PcStationPage(page);
    await expect(pc.heading).toHaveText('Postazione PC');
    await expect(pc.saveButton).toBeVisible();
    return pc;
  }
}
