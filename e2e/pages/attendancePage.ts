import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

/** "Presenze": one lesson, every learner enrolled that day with a box to tick; one save for all. */
export default class AttendancePage extends AbstractPage {
  readonly table: Locator;

  readonly boxes: Locator;

  /** "Presenti: 2 su 3", updated as the boxes are ticked. */
  readonly count: Locator;

  readonly allPresentButton: Locator;

  readonly saveButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.getByRole('table', { name: /^Presenze dell’incontro di / });
    this.boxes = this.table.getByRole('checkbox');
    this.count = page.getByText(/^Presenti: \d+ su \d+$/);
    this.allPresentButton = page.getByRole('button', { name: 'Tutti presenti' });
    this.saveButton = page.getByRole('button', { name: 'Salva le presenze' });
  }

  /** `when` is the lesson's date as written ("martedì 24 novembre 2026"). */
  static async verifyOnPage(page: Page, course: string, when: string): Promise<AttendancePage> {
    const screen = new AttendancePage(page);
    await expect(screen.heading).toHaveText(`Presenze: ${course}`);
    await expect(page).toHaveURL(/\/lessons\/\d+\/attendance$/);
    await expect(screen.table).toHaveAccessibleName(new RegExp(`^Presenze dell’incontro di ${escapeRegExp(when)}, \\d{2}:\\d{2}$`));
    return screen;
  }

  learner(name: string): Locator {
    return this.table.getByRole('checkbox', { name, exact: true });
  }
}
