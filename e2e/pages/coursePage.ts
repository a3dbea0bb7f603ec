import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

/** A course: its details, its figures, its lessons (generated, moved, cancelled) and its learners. */
export default class CoursePage extends AbstractPage {
  readonly figures: Locator;

  readonly lessons: Locator;

  readonly lessonRows: Locator;

  readonly enrolments: Locator;

  readonly enrolForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.figures = page.getByTestId('course-figures');
    this.lessons = page.getByRole('region', { name: /^Incontri\b/ });
    this.lessonRows = this.lessons.getByRole('table').locator('tbody tr');
    this.enrolments = page.getByRole('region', { name: /^Iscritti\b/ });
    this.enrolForm = this.enrolments.getByRole('form', { name: 'Iscrivi una persona' });
  }

  static async verifyOnPage(page: Page, title: string): Promise<CoursePage> {
    const course = new CoursePage(page);
    await expect(course.heading).toHaveText(title);
    await expect(page).toHaveURL(/\/courses\/\d+$/);
    await expect(course.figures).toBeVisible();
    return course;
  }

  id(): number {
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  /** A detail of the course ("Progetto partner", "Giorni e orario"…). */
  fact(label: string): Locator {
    return this.page
      .locator('dl:not([data-testid]) > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .locator('dd');
  }

  /** A figure of "Dati del corso" ("Incontri svolti", "di cui Beneficiario SAI", "Tasso di presenza"…). */
  figure(label: string | RegExp): Locator {
    const name = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
    return this.figures
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: name }) })
      .locator('dd');
  }

  /** "Genera gli incontri" from the course's weekly pattern (the first time: no confirmation). */
  async generateLessons(): Promise<void> {
    await this.lessons.getByRole('form', { name: 'Genera gli incontri' }).getByRole('button', { name: 'Genera gli incontri' }).click();
  }

  /** The list of the dates skipped by the last generation, shown after it. */
  skipped(): Locator {
    return this.lessons.getByRole('status').filter({ hasText: 'Date saltate perché il centro è chiuso:' }).getByRole('listitem');
  }

  /** A lesson's row, by its date as written ("martedì 24 novembre 2026"). */
  lesson(longDate: string): Locator {
    return this.lessonRows.filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(longDate)}\\b`) }) });
  }

  /** "Iscrivi una persona": found by name, with the programme they come from and the enrolment date. */
  async enrol(search: string, name: string, programme: string, enrolledOn: string): Promise<void> {
    await this.choosePerson(search, name, this.enrolForm);
    await expect(this.enrolForm.getByText(name, { exact: true })).toBeVisible();
    await this.enrolForm.getByLabel(/^Provenienza\b/).selectOption({ label: programme });
    await this.enrolForm.getByLabel(/^Data di iscrizione\b/).fill(enrolledOn);
    await this.enrolForm.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await expect(this.enrolments.locator('.alert-success[role="status"]')).toHaveText(`Iscrizione registrata: ${name}.`);
  }

  /** A learner's row, by name ("Bekele Tesfaye"). */
  learner(name: string): Locator {
    return this.enrolments
      .getByRole('table')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
