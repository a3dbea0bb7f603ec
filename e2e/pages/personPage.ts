import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

/** "Scheda persona": a personal file (opening it is written to the audit log). */
export default class PersonPage extends AbstractPage {
  readonly recordVisitButton: Locator;

  readonly visits: Locator;

  /** The sections of the file about care: cases, household, documents, applications. */
  readonly cases: Locator;

  readonly household: Locator;

  readonly documents: Locator;

  readonly permits: Locator;

  readonly applications: Locator;

  /** The courses followed (a table) and the waiting lists the person is on. */
  readonly courses: Locator;

  readonly courseEnrolments: Locator;

  readonly waitingLists: Locator;

  private constructor(page: Page) {
    super(page);
    this.recordVisitButton = page.getByRole('button', { name: 'Registra accesso' });
    this.visits = page.getByRole('table', { name: 'Accessi' });
    this.cases = page.getByRole('region', { name: /^Prese in carico\b/ });
    this.household = page.getByRole('region', { name: 'Nucleo familiare' });
    this.documents = page.getByRole('region', { name: 'Documenti' });
    this.permits = this.documents.getByRole('table', { name: 'Permessi di soggiorno' });
    this.applications = page.getByRole('region', { name: /^Domande e bonus\b/ });
    this.courses = page.getByRole('region', { name: /^Corsi\b/ });
    this.courseEnrolments = this.courses.getByRole('table', { name: 'Corsi' }).locator('tbody tr');
    this.waitingLists = this.courses.getByRole('table', { name: 'Liste d’attesa' }).locator('tbody tr');
  }

  static async verifyOnPage(page: Page, fullName: string): Promise<PersonPage> {
    const file = new PersonPage(page);
    await expect(file.heading).toHaveText(fullName);
    await expect(page.getByText('Scheda persona', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/people\/\d+$/);
    return file;
  }

  /** The person's id, from the address of the file. */
  id(): number {
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  /** A row of the person's cases, by who it is for ("Okafor Blessing", "Nucleo Okafor"). */
  /** A case in the file: its card, found by its title (the person's or the household's name). */
  caseRow(title: string): Locator {
    return this.cases
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${escapeRegExp(title)}\\b`) }) });
  }

  /** "Aggiungi permesso", filled and saved. Dates are yyyy-mm-dd; the type as labelled. */
  async addPermit(permit: { type: string; number?: string; issuedOn?: string; expiresOn?: string }): Promise<void> {
    await this.documents.getByRole('button', { name: 'Aggiungi permesso' }).click();
    const form = this.documents.getByRole('form', { name: 'Nuovo permesso di soggiorno' });
    await expect(form.getByLabel(/^Tipo di permesso\b/)).toBeFocused();
    await form.getByLabel(/^Tipo di permesso\b/).selectOption({ label: permit.type });
    if (permit.number) await form.getByLabel('Numero').fill(permit.number);
    if (permit.issuedOn) await form.getByLabel('Data di rilascio').fill(permit.issuedOn);
    if (permit.expiresOn) await form.getByLabel('Data di scadenza').fill(permit.expiresOn);
    await form.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(form).toBeHidden();
  }

  /** "Registra una domanda per questa persona": type (as labelled) and outcome, dated today. */
  async recordApplication(type: string, outcome = 'Presentata'): Promise<void> {
    await this.applications.getByRole('button', { name: 'Registra una domanda per questa persona' }).click();
    await this.applications.getByLabel(/^Tipo di domanda\b/).selectOption({ label: type });
    await this.applications.getByLabel('Esito', { exact: true }).selectOption({ label: outcome });
    await this.applications.getByRole('button', { name: 'Registra domanda' }).click();
  }

  /** The value shown under a label of the facts list (e.g. "Cittadinanza"). */
  fact(label: string): Locator {
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }
}
