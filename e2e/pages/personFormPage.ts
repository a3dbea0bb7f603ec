import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

export interface NewPerson {
  givenNames: string;
  familyNames: string;
  /** As labelled in the form: "Uomo", "Donna", … */
  gender: string;
  /** Italian country name, e.g. "Marocco". */
  citizenship: string;
  /** yyyy-mm-dd */
  birthDate: string;
  /** Residence: text typed in the comune search (a frazione works too) and the comune to pick. */
  residence?: { search: string; comune: string };
}

/** "Nuova persona" (and "Modifica"). */
export default class PersonFormPage extends AbstractPage {
  readonly givenNames: Locator;

  readonly familyNames: Locator;

  readonly gender: Locator;

  readonly birthDate: Locator;

  readonly fiscalCode: Locator;

  readonly citizenship: Locator;

  readonly birthCountry: Locator;

  readonly comuneSearch: Locator;

  readonly comuneOptions: Locator;

  readonly saveButton: Locator;

  readonly duplicateWarning: Locator;

  readonly createAnywayButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.givenNames = page.getByLabel(/^Nome\/i/);
    this.familyNames = page.getByLabel(/^Cognome\/i/);
    this.gender = page.getByLabel('Genere');
    this.birthDate = page.getByLabel('Data di nascita');
    this.fiscalCode = page.getByLabel('Codice fiscale', { exact: true });
    this.citizenship = page.getByLabel('Cittadinanza');
    this.birthCountry = page.getByLabel('Paese di nascita');
    this.comuneSearch = page.getByRole('combobox', { name: 'Comune di residenza (anche frazione, es. Moie)' });
    this.comuneOptions = page.getByRole('listbox', { name: 'Comune di residenza (anche frazione, es. Moie)' }).getByRole('option');
    this.saveButton = page.getByRole('button', { name: 'Salva', exact: true });
    this.duplicateWarning = page.getByRole('alert').filter({ hasText: 'Questa persona potrebbe essere già registrata' });
    this.createAnywayButton = page.getByRole('button', { name: 'Non è la stessa persona: registra comunque' });
  }

  /** `heading` is "Modifica" when editing an existing person. */
  static async verifyOnPage(page: Page, heading: 'Nuova persona' | 'Modifica' = 'Nuova persona'): Promise<PersonFormPage> {
    const form = new PersonFormPage(page);
    await expect(form.heading).toHaveText(heading);
    // The country list is loaded from the API.
    await expect(form.citizenship.getByRole('option', { name: 'Marocco' })).toBeAttached();
    return form;
  }

  async fill(person: NewPerson): Promise<void> {
    await this.givenNames.fill(person.givenNames);
    await this.familyNames.fill(person.familyNames);
    await this.gender.selectOption({ label: person.gender });
    await this.birthDate.fill(person.birthDate);
    await this.citizenship.selectOption({ label: person.citizenship });
    if (person.residence) {
      await this.tick(this.page.getByRole('radio', { name: 'Residente in un comune' }));
      await this.comuneSearch.fill(person.residence.search);
      const option = this.comuneOptions.filter({ hasText: person.residence.comune });
      await expect(option).toHaveCount(1);
      await option.click();
      await expect(this.comuneSearch).toHaveValue(new RegExp(`^${person.residence.comune} \\(\\w+\\)$`));
    }
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** The existing files the duplicate warning links to. */
  duplicateLinks(): Locator {
    return this.duplicateWarning.getByRole('link');
  }
}
