import { expect, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Progetti": funded projects that add staff hours for a period. */
export default class ProjectsPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ProjectsPage> {
    const projects = new ProjectsPage(page);
    await expect(projects.heading).toHaveText('Progetti');
    await expect(page.getByRole('heading', { name: 'Aggiungi un progetto' })).toBeVisible();
    return projects;
  }
}
