import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Corsi": the courses running in a year, with the year's figures by kind. */
export default class CoursesPage extends AbstractPage {
  readonly newCourseLink: Locator;

  readonly list: Locator;

  private constructor(page: Page) {
    super(page);
    this.newCourseLink = page.getByRole('link', { name: 'Nuovo corso' });
    this.list = page.getByRole('region', { name: /^Corsi attivi nel \d{4}$/ });
  }

  static async verifyOnPage(page: Page): Promise<CoursesPage> {
    const courses = new CoursesPage(page);
    await expect(courses.heading).toHaveText('Corsi');
    await expect(page.getByRole('region', { name: /^Dati del \d{4}$/ })).toBeVisible();
    return courses;
  }

  row(title: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}
