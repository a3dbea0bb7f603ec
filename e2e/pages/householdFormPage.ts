import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Nuovo nucleo": a name, and the first members with their relation. */
export default class HouseholdFormPage extends AbstractPage {
  readonly name: Locator;

  readonly firstMembers: Locator;

  readonly relation: Locator;

  readonly addButton: Locator;

  readonly createButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.name = page.getByLabel(/^Nome del nucleo\b/);
    this.firstMembers = page.getByRole('group', { name: 'Primi componenti (facoltativo)' });
    this.relation = this.firstMembers.getByLabel(/^Relazione con la persona di riferimento\b/);
    this.addButton = this.firstMembers.getByRole('button', { name: 'Aggiungi', exact: true });
    this.createButton = page.getByRole('button', { name: 'Crea nucleo' });
  }

  static async verifyOnPage(page: Page): Promise<HouseholdFormPage> {
    const form = new HouseholdFormPage(page);
    await expect(form.heading).toHaveText('Nuovo nucleo');
    await expect(page).toHaveURL(/\/households\/new$/);
    return form;
  }

  /** Finds the person, gives the relation (as labelled) and adds them to the list. */
  async addMember(search: string, name: string, relation: string): Promise<void> {
    await this.choosePerson(search, name, this.firstMembers);
    await this.relation.selectOption({ label: relation });
    await this.addButton.click();
    await expect(this.memberRow(name)).toBeVisible();
  }

  memberRow(name: string): Locator {
    return this.firstMembers.getByRole('table').locator('tbody tr').filter({ hasText: name });
  }
}
