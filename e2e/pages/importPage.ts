import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Importa registri": upload, the dry run of an import, the import itself and the list of imports. */
export default class ImportPage extends AbstractPage {
  readonly uploadForm: Locator;

  /** The import shown: its title, status, progress, counts, forms and tables. */
  readonly view: Locator;

  readonly status: Locator;

  readonly counts: Locator;

  readonly mappingForm: Locator;

  readonly valuesForm: Locator;

  readonly rejects: Locator;

  readonly preview: Locator;

  readonly list: Locator;

  private constructor(page: Page) {
    super(page);
    this.uploadForm = page.getByRole('form', { name: 'Carica un registro' });
    this.view = page.getByTestId('import-view');
    this.status = page.getByTestId('import-status');
    this.counts = page.getByTestId('import-counts');
    this.mappingForm = page.getByRole('form', { name: 'Colonne del file' });
    this.valuesForm = page.getByRole('form', { name: 'Valori non riconosciuti' });
    this.rejects = page.getByRole('table', { name: 'Righe scartate, con il motivo' });
    this.preview = page.getByRole('table', { name: 'Anteprima: le prime righe come saranno salvate' });
    this.list = page.getByRole('table', { name: 'Importazioni del centro' });
  }

  static async verifyOnPage(page: Page): Promise<ImportPage> {
    const imports = new ImportPage(page);
    await expect(imports.heading).toHaveText('Importa registri');
    await expect(page).toHaveTitle('Importa registri · Approdo');
    return imports;
  }

  /** Opens the page from the menu (Amministrazione › Importa), from whatever page is shown. */
  static async openFromAnyPage(page: Page): Promise<ImportPage> {
    await new ImportPage(page).openFromMenu('Importa');
    return ImportPage.verifyOnPage(page);
  }

  /** Uploads a register of this kind ("Accessi") from bytes written by the test. */
  async upload(kind: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.uploadForm.getByLabel('Tipo di registro').selectOption({ label: kind });
    await this.uploadForm.getByLabel('File del registro (XLSX o CSV)').setInputFiles(file);
    await this.uploadForm.getByRole('button', { name: 'Carica e analizza' }).click();
  }

  /** Waits until the dry run is shown (the analysis done). */
  async analysed(): Promise<void> {
    await expect(this.status).toHaveText('Analizzato, da importare', { timeout: 60_000 });
    await expect(this.counts).toBeVisible();
  }

  /** Sends a form of the dry run ("Aggiorna l’analisi") and waits for the analysis run again on it. */
  async reanalyse(form: Locator): Promise<void> {
    const before = await this.view.getAttribute('data-version');
    await form.getByRole('button', { name: 'Aggiorna l’analisi' }).click();
    await expect(this.view).not.toHaveAttribute('data-version', before ?? '');
    await this.analysed();
  }

  /** One count of the dry run or the result, by its name ("Scartate"). */
  count(name: string): Locator {
    return this.counts
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
      .locator('dd');
  }

  /** The select of the field a column of the file fills, named by the column's header. */
  column(header: string): Locator {
    return this.mappingForm.getByRole('combobox', { name: header, exact: true });
  }

  /** The select of what a value that matched nothing is ("Cittadinanza", "Atlantide"). */
  value(field: string, written: string): Locator {
    return this.valuesForm.getByRole('combobox', { name: `${field}: «${written}» corrisponde a` });
  }

  /** The rejected row with this row number. */
  reject(rowNumber: number): Locator {
    return this.rejects.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: String(rowNumber), exact: true }) });
  }

  /** The row of an import in the list, by its file's name. */
  row(fileName: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: fileName, exact: true }) });
  }
}
