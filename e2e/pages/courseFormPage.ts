import { expect, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

export interface NewCourse {
  kind: string;
  title: string;
  level?: string;
  partner?: string;
  place?: string;
  /** yyyy-mm-dd */
  startDate: string;
  endDate: string;
  /** As named on the form: "martedì", "mercoledì"… */
  weekdays: string[];
  startTime: string;
  lessonMinutes: number;
  capacity?: number;
}

/** "Nuovo corso" (and its edit form): kind, title, level, partner, dates, weekly pattern, lesson length, places. */
export default class CourseFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CourseFormPage> {
    const form = new CourseFormPage(page);
    await expect(form.heading).toHaveText(/^(Nuovo corso|Modifica il corso «.+»)$/);
    await expect(
      page
        .getByLabel(/^Tipo di corso\b/)
        .locator('option')
        .nth(1),
    ).toBeAttached();
    return form;
  }

  async fill(course: NewCourse): Promise<void> {
    const page = this.page;
    await page.getByLabel(/^Tipo di corso\b/).selectOption({ label: course.kind });
    await page.getByLabel(/^Titolo\b/).fill(course.title);
    if (course.level) await page.getByLabel('Livello', { exact: true }).selectOption({ label: course.level });
    if (course.partner) await page.getByLabel('Progetto partner').fill(course.partner);
    if (course.place) await page.getByLabel('Luogo').fill(course.place);
    await page.getByLabel(/^Data di inizio\b/).fill(course.startDate);
    await page.getByLabel(/^Data di fine\b/).fill(course.endDate);
    await page.getByLabel(/^Ora di inizio\b/).fill(course.startTime);
    await page.getByLabel(/^Durata di un incontro \(minuti\)/).fill(String(course.lessonMinutes));
    const days = page.getByRole('group', { name: /^Giorni della settimana\b/ });
    for (const weekday of course.weekdays) await this.tick(days.getByRole('checkbox', { name: weekday, exact: true }));
    if (course.capacity !== undefined) await page.getByLabel('Posti').fill(String(course.capacity));
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Salva', exact: true }).click();
  }
}
