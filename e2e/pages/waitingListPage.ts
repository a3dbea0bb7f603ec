import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Liste d’attesa": who asked for a course that was not there, since when; placing someone enrols them. */
export default class WaitingListPage extends AbstractPage {
  readonly summary: Locator;

  readonly addForm: Locator;

  readonly list: Locator;

  readonly filters: Locator;

  private constructor(page: Page) {
    super(page);
    this.summary = page.getByTestId('waiting-summary');
    this.addForm = page.getByRole('form', { name: 'Aggiungi a una lista d’attesa' });
    this.list = page.getByRole('region', { name: 'Persone in lista' });
    this.filters = this.list.getByRole('form', { name: 'Filtri' });
  }

  static async verifyOnPage(page: Page): Promise<WaitingListPage> {
    const waiting = new WaitingListPage(page);
    await expect(waiting.heading).toHaveText('Liste d’attesa');
    await expect(waiting.summary).toBeVisible();
    return waiting;
  }

  /** "Aggiungi": the person, the list ("Italiano L2 adulti"), the date asked (yyyy-mm-dd), the priority. */
  async add(search: string, name: string, list: string, requestedOn: string, priority = 'Normale', notes?: string): Promise<void> {
    await this.choosePerson(search, name, this.addForm);
    await this.addForm.getByLabel(/^Lista\b/).selectOption({ label: list });
    await this.addForm.getByLabel(/^Data della richiesta\b/).fill(requestedOn);
    await this.addForm.getByLabel('Priorità').selectOption({ label: priority });
    if (notes) await this.addForm.getByLabel('Note brevi').fill(notes);
    await this.addForm.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `${name} è in lista d’attesa.` })).toBeVisible();
  }

  /** A request, by the person's name ("Ahmadi Rahim"). */
  row(name: string): Locator {
    return this.list
      .getByRole('table')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Shows the requests of one status ("In attesa", "Inserita in un corso"…). */
  async showStatus(status: string): Promise<void> {
    await this.filters.getByLabel('Stato').selectOption({ label: status });
    await this.filters.getByRole('button', { name: 'Applica filtri' }).click();
  }

  /** "Inserisci in un corso": opens the form on the request's row. */
  async openPlaceForm(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name: 'Inserisci in un corso' }).click();
    const form = this.page.getByRole('form', { name: `Inserisci ${name} in un corso` });
    await expect(form).toBeVisible();
    return form;
  }

  /** A count of the year's summary: the row of a list ("Italiano L2 adulti"), the column ("Inserite"). */
  async summaryCount(list: string, column: string): Promise<Locator> {
    const headers = await this.summary.locator('thead th').allTextContents();
    const index = headers.indexOf(column);
    return this.summary
      .getByRole('row', { name: new RegExp(`^${list}\\b`) })
      .locator('th, td')
      .nth(index);
  }
}
