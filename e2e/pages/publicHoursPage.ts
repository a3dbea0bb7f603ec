import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Orari di apertura": the public page of a centre (/orari/CODE), read without logging in. */
export default class PublicHoursPage extends AbstractPage {
  readonly current: Locator;

  readonly coming: Locator;

  readonly icsLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.current = page.getByRole('region', { name: 'Orario in vigore' });
    this.coming = page.getByRole('region', { name: /^Chiusure e festività fino al / });
    this.icsLink = page.getByRole('link', { name: 'Aggiungi al tuo calendario (iCal)' });
  }

  static async open(page: Page, centreCode: string): Promise<PublicHoursPage> {
    await page.goto(`/orari/${centreCode}`);
    return PublicHoursPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page, centreName?: string): Promise<PublicHoursPage> {
    const hours = new PublicHoursPage(page);
    await expect(hours.heading).toHaveText(centreName ? `Orari di apertura: ${centreName}` : /^Orari di apertura: .+/);
    await expect(hours.current).toBeVisible();
    return hours;
  }

  /** The planned change of hours: "Da martedì 1 dicembre 2026 cambia l’orario". */
  next(longDate: string): Locator {
    return this.page.getByRole('region', { name: `Da ${longDate} cambia l’orario` });
  }

  /** The slots of a weekday ("martedì") in a week table of `region`. */
  slotsOf(region: Locator, weekday: string): Locator {
    return region.getByRole('row', { name: new RegExp(`^${weekday}( |$)`) }).getByRole('cell');
  }
}
