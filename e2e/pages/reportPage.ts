import { type Download, expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

/**
 * A year's report: what to show (the draft or a version), settings, publication and versions
 * with their documents, the comparison of two versions, and the preview (contents, sections with
 * figures, tables, charts and texts).
 */
export default class ReportPage extends AbstractPage {
  readonly preview: Locator;

  /** Announces the report being computed ("Report calcolato."). */
  readonly dataStatus: Locator;

  /** Announces a document being prepared and downloaded. */
  readonly downloadStatus: Locator;

  readonly showing: Locator;

  readonly contents: Locator;

  readonly versions: Locator;

  readonly versionsTable: Locator;

  readonly publishButton: Locator;

  readonly publishDialog: Locator;

  readonly compare: Locator;

  private constructor(page: Page) {
    super(page);
    this.preview = page.getByTestId('report-preview');
    this.dataStatus = page.getByTestId('report-data-status');
    this.downloadStatus = page.getByTestId('report-download-status');
    this.showing = page.getByRole('combobox', { name: 'Visualizza' });
    this.contents = page.getByRole('navigation', { name: 'Indice' });
    this.versions = page.getByRole('region', { name: 'Versioni pubblicate' });
    this.versionsTable = this.versions.getByRole('table');
    this.publishButton = page.getByRole('button', { name: 'Pubblica una versione' });
    this.publishDialog = page.getByRole('dialog', { name: /^Pubblicare il report \d{4}\?$/ });
    this.compare = page.getByRole('region', { name: 'Confronta due versioni' });
  }

  /** Waits until the report's figures are computed and shown. */
  static async verifyOnPage(page: Page, year: number): Promise<ReportPage> {
    const report = new ReportPage(page);
    await expect(report.heading).toHaveText(`Report di gestione ${year}`);
    await expect(page).toHaveTitle(`Report di gestione ${year} · Approdo`);
    await expect(report.dataStatus).toHaveText('Report calcolato.', { timeout: 20_000 });
    await expect(report.preview).toBeVisible();
    return report;
  }

  /** A section of the preview, by its title without the number ("Accessi 2023"). */
  section(title: string): Locator {
    return this.preview.getByRole('region', { name: new RegExp(`^\\d+\\. ${escapeRegExp(title)}$`) });
  }

  /** The section whose title starts with the text ("Accessi", "Bisogni"). */
  sectionStartingWith(text: string): Locator {
    return this.preview.getByRole('region', { name: new RegExp(`^\\d+\\. ${escapeRegExp(text)}`) });
  }

  editButtons(): Locator {
    return this.page.getByRole('button', { name: /^Modifica il testo «/ });
  }

  /** The row of a version in the versions table. */
  versionRow(number: number): Locator {
    return this.versionsTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: `Visualizza la versione ${number}`, exact: true }) });
  }

  /** Clicks a document's button and answers the download. */
  async download(button: Locator): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    return downloading;
  }

  downloadButton(format: 'PDF' | 'DOCX' | 'XLSX', version: number): Locator {
    return this.versions.getByRole('button', { name: `Scarica ${format} della versione ${version}`, exact: true });
  }

  async publish(): Promise<void> {
    await this.publishButton.click();
    await expect(this.publishDialog).toBeVisible();
    await this.publishDialog.getByRole('button', { name: 'Pubblica', exact: true }).click();
    await expect(this.publishDialog).toBeHidden();
  }

  async compareVersions(from: number, to: number): Promise<Locator> {
    await this.compare.getByLabel('Dalla versione', { exact: true }).selectOption(String(from));
    await this.compare.getByLabel('Alla versione', { exact: true }).selectOption(String(to));
    await this.compare.getByRole('button', { name: 'Confronta' }).click();
    const result = this.compare.getByTestId('report-comparison');
    await expect(result).toBeVisible();
    return result;
  }
}
