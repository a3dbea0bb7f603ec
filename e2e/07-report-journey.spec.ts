/**
 * The annual report, in Italian, as the coordinator writes it and the Comune reads it: the list
 * and a report started for a year with data (visits seeded three years back through the API),
 * the preview computed with its progress told (sections, figures, accessible tables, a chart
 * drawn by ECharts), a narrative edited (the draft restored, then a text of one's own saved),
 * a free text block added, the publication confirmed in a dialog, version 1 with its documents
 * (PDF read back with pdftotext, DOCX, XLSX, the JSON from the API, a table's CSV), a visit recorded late and
 * version 2 compared with version 1 figure by figure; an operator reads the draft without
 * editing; a viewer sees the versions and their documents but nothing to edit. axe-core checks
 * every state (no serious or critical violation). One browser page is shared (serial mode).
 */
import { readFileSync, statSync } from 'node:fs';
import { type BrowserContext, type Download, expect, type Page, test } from '@playwright/test';
import { pdfText } from '../test/support/pdf.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import HomePage from './pages/homePage.js';
import LoginPage from './pages/loginPage.js';
import ReportPage from './pages/reportPage.js';
import ReportsPage from './pages/reportsPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { COORDINATOR, OPERATOR, VIEWER } from './support/data.js';
import { italianDate, romeDate } from './support/dates.js';
import { addLateVisit, ensureReportVisits, REPORT_VISITS, REPORT_YEAR } from './support/reportSeed.js';
import { ensureUser } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

const TITLE = `Report di Gestione gennaio - dicembre ${REPORT_YEAR}`;
const VISITS_SECTION = `Accessi ${REPORT_YEAR}`;
const MY_TEXT = 'Nel **2023** lo sportello ha accolto *soprattutto* persone dal Marocco.'.replace('2023', String(REPORT_YEAR));
const FREE_BLOCK = { title: 'Progetto FAMI Lingua e lavoro', text: 'Sei ore in più a settimana per i corsi di italiano.' };

/** Saves a download in the test's output folder and answers its bytes. */
async function saved(download: Download, name: string): Promise<Buffer> {
  const path = test.info().outputPath(name);
  await download.saveAs(path);
  expect(statSync(path).size, `${name} is empty`).toBeGreaterThan(0);
  return readFileSync(path);
}

test.describe('Report di gestione: preview, texts, publication, documents, comparison', () => {
  let context: BrowserContext;
  let page: Page;
  let visits = 0;

  test.beforeAll(async ({ browser }) => {
    await ensureUser(COORDINATOR);
    await ensureUser(OPERATOR);
    await ensureUser(VIEWER);
    visits = await ensureReportVisits();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the coordinator starts the report of a year with data from the menu', async () => {
    expect(visits).toBe(REPORT_VISITS.length);
    await (await LoginPage.open(page)).login(COORDINATOR.email, COORDINATOR.password);
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Report di gestione');
    const reports = await ReportsPage.verifyOnPage(page);
    await checkA11y(page, 'reports list');

    await reports.start(REPORT_YEAR);
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await expect(report.showing).toHaveValue('');
    await expect(page.getByText('Bozza: i dati sono calcolati ora dai registri')).toBeVisible();
    await expect(report.versions).toContainText('Nessuna versione pubblicata.');

    // Back on the list, the report is there, not published yet.
    await page.getByRole('link', { name: '← Tutti i report' }).click();
    const list = await ReportsPage.verifyOnPage(page);
    await expect(list.row(REPORT_YEAR).getByRole('cell').last()).toHaveText('Non ancora pubblicato');
    await list.row(REPORT_YEAR).getByRole('link').click();
    await ReportPage.verifyOnPage(page, REPORT_YEAR);
  });

  test('the preview: contents, numbered sections, the visits figure, accessible tables and a chart', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    // The contents list every section, numbered from 1, and link to them.
    const entries = report.contents.getByRole('link');
    await expect(entries).toHaveCount(10);
    await expect(entries.first()).toHaveText(/^1\. /);
    await expect(entries.nth(1)).toHaveText(`2. ${VISITS_SECTION}`);
    await entries.nth(1).click();
    await expect(page).toHaveURL(/#report-section-visits$/);

    const section = report.section(VISITS_SECTION);
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(`2. ${VISITS_SECTION}`);
    await expect(section.getByRole('definition').first()).toHaveText(String(visits));

    // The origin-group table: a caption, column and row headers, the total row, numbers right-aligned.
    const origin = section.getByRole('table', { name: 'Provenienza', exact: true });
    await expect(origin.getByRole('columnheader')).toHaveText(['Provenienza', 'Accessi']);
    await expect(origin.getByRole('row', { name: /^Extracomunitari/ }).getByRole('cell')).toHaveText('8'); // MA ×6, UA, NG
    await expect(origin.getByRole('row', { name: /^Comunitari/ }).getByRole('cell')).toHaveText('3');
    await expect(origin.getByRole('row', { name: /^Italiani/ }).getByRole('cell')).toHaveText('1');
    const total = origin.locator('tfoot').getByRole('row');
    await expect(total.getByRole('rowheader')).toHaveText('Totale');
    await expect(total.getByRole('cell')).toHaveText(String(visits));
    await expect(total.getByRole('cell')).toHaveClass(/text-end/);

    // Its chart, drawn in the browser: an SVG inside the chart's figure, named for screen readers.
    const chart = section.getByRole('figure').first();
    await expect(chart.getByRole('img', { name: /^Grafico: .+\. I dati sono nella tabella che segue\.$/ })).toBeVisible();
    await expect(chart.locator('svg').first()).toBeVisible({ timeout: 15_000 });

    await checkA11y(page, 'report preview (draft)');
  });

  test('the coordinator edits a text: the draft prefilled, restored, then a text of her own saved', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    const section = report.section(VISITS_SECTION);
    const edit = section.getByRole('button', { name: `Modifica il testo «${VISITS_SECTION}»` });
    await edit.click();
    const form = section.getByRole('form', { name: `Modifica il testo «${VISITS_SECTION}»` });
    const textarea = form.getByRole('textbox');
    await expect(textarea).toBeFocused();
    const draft = await textarea.inputValue();
    expect(draft).toContain('Si considerano accessi');
    await checkA11y(page, 'report, a text being edited');

    // No Markdown to learn: a word selected and "Grassetto" pressed, the preview draws it bold.
    await textarea.fill('Accessi in crescita');
    await textarea.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(11, 19));
    await form.getByRole('toolbar', { name: 'Formattazione del testo' }).getByRole('button', { name: 'Grassetto' }).click();
    await expect(textarea).toHaveValue('Accessi in **crescita**');
    await expect(form.getByTestId('markdown-preview').locator('strong')).toHaveText('crescita');

    await textarea.fill(MY_TEXT);
    await form.getByRole('button', { name: 'Ripristina la bozza' }).click();
    await expect(textarea).toHaveValue(draft);
    await textarea.fill(MY_TEXT);
    await form.getByRole('button', { name: 'Salva il testo' }).click();

    await expect(report.successAlert).toHaveText('Testo salvato.');
    await expect(form).toBeHidden();
    const text = section.locator('.report-markdown').filter({ hasText: 'lo sportello ha accolto' });
    await expect(text.locator('strong')).toHaveText(String(REPORT_YEAR));
    await expect(text.locator('em')).toHaveText('soprattutto');
    await expect(text).toContainText('Testo modificato dal coordinamento');

    // Saved on the server: read again after a reload.
    await page.reload();
    const again = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await expect(again.section(VISITS_SECTION).locator('.report-markdown strong')).toHaveText(String(REPORT_YEAR));
  });

  test('the coordinator adds a text block to the last section', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    const last = report.preview.getByRole('region').filter({ has: page.getByRole('heading', { level: 2, name: /^10\. / }) });
    await last.getByRole('button', { name: /^Aggiungi un blocco di testo alla sezione/ }).click();
    const form = last.getByRole('form', { name: /^Aggiungi un blocco di testo alla sezione/ });
    await form.getByLabel('Titolo del blocco').fill(FREE_BLOCK.title);
    await form.getByRole('textbox', { name: /^Testo/ }).fill(FREE_BLOCK.text);
    await form.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(report.successAlert).toHaveText('Blocco aggiunto.');
    await expect(last.getByRole('heading', { level: 3, name: FREE_BLOCK.title })).toBeVisible();
    await expect(last).toContainText(FREE_BLOCK.text);
  });

  test('the coordinator publishes after confirming: version 1 is listed with its date, author and app version', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await report.publishButton.click();
    await expect(report.publishDialog).toBeVisible();
    await expect(report.publishDialog).toContainText('Sarà creata la versione 1');
    await expect(report.publishDialog).toContainText('Attenzione: la soglia di riservatezza è 0');
    await checkA11y(page, 'report, publish dialog');
    // Cancelling publishes nothing.
    await report.publishDialog.getByRole('button', { name: 'Annulla' }).click();
    await expect(report.publishDialog).toBeHidden();
    await expect(report.publishButton).toBeFocused();
    await expect(report.versions).toContainText('Nessuna versione pubblicata.');

    await report.publish();
    await expect(report.successAlert).toHaveText('Versione 1 pubblicata.');
    const row = report.versionRow(1);
    await expect(row.getByRole('cell').nth(0)).toContainText(italianDate(romeDate()));
    await expect(row.getByRole('cell').nth(1)).toHaveText(COORDINATOR.displayName);
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+\.\d+\.\d+/);
  });

  test('each document of version 1 downloads with its name, and the PDF says what the report says', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    const name = (ext: string) => new RegExp(`^report-${REPORT_YEAR}-[a-z0-9-]+-v1\\.${ext}$`);

    const pdf = await report.download(report.downloadButton('PDF', 1));
    expect(pdf.suggestedFilename()).toMatch(name('pdf'));
    const pdfBytes = await saved(pdf, 'report.pdf');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdfBytes).replace(/\s+/g, ' ');
    expect(text).toContain(TITLE);
    expect(text).toContain('lo sportello ha accolto');
    expect(text).toContain(FREE_BLOCK.title);
    await expect(report.downloadStatus).toHaveText(`Documento ${pdf.suggestedFilename()} scaricato.`);

    const docx = await report.download(report.downloadButton('DOCX', 1));
    expect(docx.suggestedFilename()).toMatch(name('docx'));
    expect((await saved(docx, 'report.docx')).subarray(0, 2).toString()).toBe('PK');

    const xlsx = await report.download(report.downloadButton('XLSX', 1));
    expect(xlsx.suggestedFilename()).toMatch(name('xlsx'));
    expect((await saved(xlsx, 'report.xlsx')).subarray(0, 2).toString()).toBe('PK');

    // The JSON is for API users: not offered on the page, read from the API (with this session).
    await expect(report.versions.getByRole('button', { name: /JSON/ })).toHaveCount(0);
    const reportPath = new URL(page.url()).pathname.replace(/^\/reports\//, '/api/v1/reports/');
    const json = await page.request.get(`${reportPath}/export?format=json&version=1`);
    expect(/filename="([^"]+)"/.exec(json.headers()['content-disposition'] ?? '')?.[1]).toMatch(name('json'));
    const data = (await json.json()) as {
      title: string;
      versionNumber: number;
      sections: Array<{ id: string; blocks: Array<{ kind: string; id: string; markdown?: string; items?: Array<{ value: unknown }> }> }>;
    };
    expect(data.title).toBe(TITLE);
    expect(data.versionNumber).toBe(1);
    const visitsSection = data.sections.find((s) => s.id === 'visits');
    expect(visitsSection?.blocks.find((b) => b.kind === 'figures')?.items?.[0]?.value).toBe(visits);
    expect(visitsSection?.blocks.some((b) => b.kind === 'text' && b.markdown === MY_TEXT)).toBe(true);

    // A table's CSV, from the table's menu in the preview of version 1.
    await report.showing.selectOption('1');
    await expect(page).toHaveURL(/\?version=1$/);
    const v1 = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await expect(page.getByText('Versione 1 pubblicata il')).toBeVisible();
    await expect(v1.editButtons()).toHaveCount(0);
    const csv = await v1.download(v1.section(VISITS_SECTION).getByRole('button', { name: 'Scarica CSV della tabella «Provenienza»' }));
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^report-${REPORT_YEAR}-[a-z0-9-]+-v1-.+\\.csv$`));
    const csvText = (await saved(csv, 'provenienza.csv')).toString('utf8');
    expect(csvText).toContain('Provenienza');
    expect(csvText).toContain('Extracomunitari');
  });

  test('a visit recorded late, version 2 published, and the two versions compared', async () => {
    const after = await addLateVisit();
    expect(after).toBe(visits + 1);
    await page.goto(page.url().replace(/\?.*$/, ''));
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await expect(report.section(VISITS_SECTION).getByRole('definition').first()).toHaveText(String(visits + 1));
    // The free block is rewritten too: the comparison lists it among the texts changed.
    await page.getByRole('button', { name: `Modifica il testo «${FREE_BLOCK.title}»` }).click();
    const form = page.getByRole('form', { name: `Modifica il testo «${FREE_BLOCK.title}»` });
    await form.getByRole('textbox').fill(`${FREE_BLOCK.text} Dal 2 settembre anche il sabato mattina.`);
    await form.getByRole('button', { name: 'Salva il testo' }).click();
    await expect(report.successAlert).toHaveText('Testo salvato.');
    await expect(form).toBeHidden();
    await expect(report.preview).toContainText('anche il sabato mattina');
    await report.publish();
    await expect(report.successAlert).toHaveText('Versione 2 pubblicata.');
    await expect(report.versionRow(2)).toBeVisible();

    const result = await report.compareVersions(1, 2);
    await expect(result.getByRole('table', { name: 'Dati diversi tra la versione 1 e la versione 2' })).toBeVisible();
    // The total of visits: one more.
    const totalRow = result
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: VISITS_SECTION, exact: true }) })
      .filter({ has: page.getByRole('rowheader', { name: 'Totale', exact: true }) })
      .first();
    await expect(totalRow.getByRole('cell').nth(3)).toHaveText(String(visits));
    await expect(totalRow.getByRole('cell').nth(4)).toHaveText(String(visits + 1));
    // Afghanistan was in no table of version 1: "assente" before, 1 after.
    const newRow = result.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Afghanistan', exact: true }) });
    await expect(newRow.getByRole('cell').nth(3)).toHaveText('assente');
    await expect(newRow.getByRole('cell').nth(4)).toHaveText('1');
    await expect(result.getByRole('list')).toHaveText(FREE_BLOCK.title);
    await checkA11y(page, 'report, two versions compared');
  });

  test('for publication, the coordinator hides small counts: "< 5" with its meaning', async () => {
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    const settings = page.getByRole('region', { name: 'Impostazioni' });
    await settings.getByRole('button', { name: 'Modifica le impostazioni' }).click();
    await settings.getByLabel('Soglia di riservatezza per la pubblicazione').fill('5');
    await settings.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await expect(report.successAlert).toHaveText('Impostazioni salvate: il report è stato ricalcolato.');
    await expect(report.dataStatus).toHaveText('Report calcolato.');

    const origin = report.section(VISITS_SECTION).getByRole('table', { name: 'Provenienza', exact: true });
    // Italiani 1 and Comunitari 3 are under 5: shown "< 5", read out with their meaning.
    const italians = origin.getByRole('row', { name: /^Italiani/ }).getByRole('cell');
    await expect(italians).toContainText('< 5');
    await expect(italians.locator('.visually-hidden')).toHaveText('meno di 5, nascosto per riservatezza');
    await expect(report.section(VISITS_SECTION)).toContainText('I numeri inferiori a 5 sono indicati come «< 5»');
    await checkA11y(page, 'report, small counts hidden');

    await page.getByRole('button', { name: 'Pubblica una versione' }).click();
    await expect(report.publishDialog).not.toContainText('la soglia di riservatezza è 0');
    await report.publishDialog.getByRole('button', { name: 'Annulla' }).click();
    await report.logout();
  });

  test('an operator reads the draft but edits and publishes nothing', async () => {
    await (await LoginPage.open(page)).login(OPERATOR.email, OPERATOR.password);
    await FrontDeskPage.verifyOnPage(page);
    await page.goto('/reports');
    const reports = await ReportsPage.verifyOnPage(page);
    await expect(reports.startForm).toHaveCount(0);
    await reports.row(REPORT_YEAR).getByRole('link').click();
    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    await expect(report.showing).toHaveValue('');
    await expect(report.section(VISITS_SECTION)).toContainText('lo sportello ha accolto');
    await expect(report.editButtons()).toHaveCount(0);
    await expect(report.publishButton).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Aggiungi un blocco di testo/ })).toHaveCount(0);
    // The settings are told, not offered: the disclosure threshold the coordinator set.
    const settings = page.getByRole('region', { name: 'Impostazioni' });
    await expect(settings.getByRole('textbox')).toHaveCount(0);
    // Disclosure and years, then each table's grouping threshold: countries 5, comuni, bonuses and nationalities listed.
    await expect(settings.getByRole('definition')).toHaveText(['5', '3', '5', '5', 'elencate tutte', 'elencate tutte', 'elencate tutte']);
    await report.logout();
  });

  test('a viewer of the Comune sees the versions and their documents, and nothing to edit', async () => {
    await (await LoginPage.open(page)).login(VIEWER.email, VIEWER.password);
    // The Comune's officials land on their home page: the centre's figures, no front desk.
    await HomePage.verifyOnPage(page, 'Il centro in sintesi');
    await page.goto('/reports');
    const reports = await ReportsPage.verifyOnPage(page);
    await expect(reports.row(REPORT_YEAR).getByRole('cell').last()).toHaveText(`Versione 2 del ${italianDate(romeDate())}`);
    await reports.row(REPORT_YEAR).getByRole('link').click();

    const report = await ReportPage.verifyOnPage(page, REPORT_YEAR);
    // No draft for the Comune: the last version is shown.
    await expect(report.showing).toHaveValue('2');
    await expect(report.showing.getByRole('option')).toHaveText(['Versione 1', 'Versione 2']);
    await expect(report.versionRow(1)).toBeVisible();
    await expect(report.versionRow(2)).toBeVisible();
    await expect(report.editButtons()).toHaveCount(0);
    await expect(report.publishButton).toHaveCount(0);
    await expect(report.section(VISITS_SECTION).getByRole('definition').first()).toHaveText(String(visits + 1));

    await expect(report.versions.getByRole('button', { name: /JSON/ })).toHaveCount(0);
    const viewerPath = new URL(page.url()).pathname.replace(/^\/reports\//, '/api/v1/reports/');
    const json = await page.request.get(`${viewerPath}/export?format=json&version=2`);
    expect(((await json.json()) as { versionNumber: number }).versionNumber).toBe(2);
    await checkA11y(page, 'report, as the Comune reads it');
  });
});
