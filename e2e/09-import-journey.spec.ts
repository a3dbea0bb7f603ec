/**
 * A real centre on day one (issue 13): the coordinator imports the visits register the centre
 * kept in a spreadsheet before Approdo. The register is a CSV written here with the headers
 * people write in Italian, of a year no other spec has visits in (2019): 12 rows, one column
 * whose header is not recognised ("Argomento", the topic) and is remapped in the mapping table,
 * and three rows rejected (an impossible date, a name without its surname, a nationality that
 * matches nothing, "Atlantide", whose rows the coordinator lets be rejected). The dry run shows
 * the counts and the three rejected rows with their reasons in Italian; the import is confirmed
 * in its dialog, its result announced and listed; the year's report then counts the 9
 * imported visits. First the coordinator sets the centre's comune (Amministrazione › Impostazioni
 * del centro). Then the import is undone from the list; and a people register naming someone
 * who may already be registered waits for a decision (importing is refused until then), the
 * decision is made and the analysis deleted. axe-core checks the import page empty, with the dry
 * run, the dialog, the result and the doubtful person.
 */
import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import FrontDeskPage from './pages/frontDeskPage.js';
import ImportPage from './pages/importPage.js';
import LoginPage from './pages/loginPage.js';
import ReportPage from './pages/reportPage.js';
import ReportsPage from './pages/reportsPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { COORDINATOR, MOHAMED } from './support/data.js';
import { ensureSeedData, ensureUser } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

/** A year the other specs leave empty (they work around today, and the report spec three years back). */
const YEAR = 2019;
const FILE_NAME = `registro-accessi-${YEAR}.csv`;
const HEADERS = [
  'Data',
  'Cognome',
  'Nome',
  'Sesso',
  'Nazionalità',
  'Data di nascita',
  'Comune di residenza',
  'Argomento',
  'Inviato da',
  'Note',
];

/** The register, as a centre kept it: 12 rows; rows 5, 6 and 9 of the file (with its header) are rejected. */
const ROWS: string[][] = [
  [`15/01/${YEAR}`, 'El Ouardi', 'Youssef', 'M', 'Marocco', '12/03/1985', 'Jesi', 'Lavoro', 'Spontaneo', ''],
  [`22/01/${YEAR}`, 'Popovici', 'Mariana', 'F', 'Romania', '05/07/1990', 'Jesi', 'Permesso di soggiorno', 'Servizi sociali', ''],
  [`05/02/${YEAR}`, 'El Ouardi', 'Youssef', 'M', 'Marocco', '12/03/1985', 'Jesi', 'Permesso di soggiorno', 'Spontaneo', 'Rinnovo'],
  [`31/02/${YEAR}`, 'Diouf', 'Mamadou', 'M', 'Senegal', '01/01/1980', 'Jesi', 'Lavoro', 'Spontaneo', 'Data impossibile'],
  [`14/03/${YEAR}`, '', 'Adaeze', 'F', 'Nigeria', '09/09/1995', 'Jesi', 'Salute', 'Spontaneo', 'Senza cognome'],
  [`20/03/${YEAR}`, 'Whitfield', 'Oliver', 'M', 'Inghilterra', '30/11/1978', 'Moie', 'Lavoro', 'Caritas', ''],
  [`11/04/${YEAR}`, 'Kouamé', 'Awa', 'F', "Costa d'avorio", '17/02/1993', 'Jesi', 'Casa', 'Spontaneo', ''],
  [`09/05/${YEAR}`, 'Nemo', 'Arturo', 'M', 'Atlantide', '02/02/1970', 'Jesi', 'Lavoro', 'Spontaneo', 'Paese inesistente'],
  [`17/06/${YEAR}`, 'Santarelli', 'Giuliana', 'F', 'Italia', '08/08/1960', 'Jesi', 'Salute', 'ASP', ''],
  [`02/09/${YEAR}`, 'Kravchenko', 'Olha', 'F', 'Ucraina', '23/04/1988', 'senza fissa dimora', 'Lavoro', 'Spontaneo', ''],
  [`15/10/${YEAR}`, 'Hosseini', 'Jawad', 'M', 'Afghanistan', '14/06/2000', 'Jesi', 'Permesso di soggiorno', 'SAI', ''],
  [`03/12/${YEAR}`, 'Popovici', 'Mariana', 'F', 'Romania', '05/07/1990', 'Jesi', 'Scuola', 'Spontaneo', ''],
];
const IMPORTED = 9;

/** A CSV as a spreadsheet saves it in Italy: semicolons, UTF-8 with its byte-order mark, CRLF. */
function registerCsv(): Buffer {
  const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [HEADERS, ...ROWS].map((row) => row.map(cell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

test.describe('Importa: a visits register of the years before Approdo', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await ensureUser(COORDINATOR);
    await ensureSeedData();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test("the coordinator sets the centre's comune in Amministrazione › Impostazioni del centro", async () => {
    await (await LoginPage.open(page)).login(COORDINATOR.email, COORDINATOR.password);
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Impostazioni del centro');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impostazioni del centro');
    await page.getByRole('button', { name: 'Modifica le impostazioni' }).click();
    const form = page.getByRole('form', { name: 'Modifica le impostazioni' });
    const comune = form.getByRole('combobox', { name: 'Comune del centro' });
    await comune.fill('Jesi');
    await page.getByRole('listbox', { name: 'Comune del centro' }).getByRole('option').filter({ hasText: 'Jesi (AN)' }).first().click();
    await expect(comune).toHaveValue('Jesi (AN)');
    await form.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await expect(form).toHaveCount(0);
    const facts = page.getByTestId('centre-settings');
    await expect(
      facts
        .locator('div')
        .filter({ has: page.locator('dt', { hasText: /^Comune del centro$/ }) })
        .locator('dd'),
    ).toHaveText('Jesi (AN)');
  });

  test('then opens Amministrazione › Importa', async () => {
    const imports = await ImportPage.openFromAnyPage(page);
    await expect(imports.view).toHaveCount(0);
    await checkA11y(page, 'import page (empty)');
  });

  test('uploads the register, remaps the unrecognised column and rejects the unknown country', async () => {
    const imports = await ImportPage.verifyOnPage(page);
    // The form says what is missing, in Italian, before sending anything.
    await imports.uploadForm.getByRole('button', { name: 'Carica e analizza' }).click();
    await expect(imports.uploadForm.getByText('Scegli il tipo di registro.')).toBeVisible();
    await expect(imports.uploadForm.getByText('Scegli il file da importare.')).toBeVisible();

    // A file that is not a spreadsheet (a picture saved with the register's name) is refused, in Italian, and nothing is listed.
    const picture = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    await imports.upload('Accessi', {
      name: 'registro.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: picture,
    });
    await expect(imports.uploadForm.getByRole('alert')).toHaveText('Il file non è un foglio di calcolo: carica un file XLSX o CSV.');
    await expect(imports.list).toHaveCount(0);

    await imports.upload('Accessi', { name: FILE_NAME, mimeType: 'text/csv', buffer: registerCsv() });
    await expect(page.getByRole('heading', { name: `Importazione di «${FILE_NAME}»` })).toBeVisible();
    await expect(imports.mappingForm).toBeVisible({ timeout: 60_000 });

    // The headers people write are recognised; "Argomento" is not, and is left out until mapped.
    await expect(imports.column('Data')).toHaveValue('visitDate');
    await expect(imports.column('Cognome')).toHaveValue('familyNames');
    await expect(imports.column('Nazionalità')).toHaveValue('citizenship');
    await expect(imports.column('Comune di residenza')).toHaveValue('residence');
    await expect(imports.column('Inviato da')).toHaveValue('referralSource');
    await expect(imports.column('Argomento')).toHaveValue('');
    await imports.column('Argomento').selectOption({ label: 'Tipologia di richiesta' });
    await imports.reanalyse(imports.mappingForm);
    await expect(imports.column('Argomento')).toHaveValue('topics');

    // "Atlantide" matches no country: shown once, with its count; its rows are let go.
    const atlantide = imports.value('Cittadinanza', 'Atlantide');
    await expect(
      imports.valuesForm
        .getByRole('row', { name: /Atlantide/ })
        .getByRole('cell')
        .nth(1),
    ).toHaveText('1');
    await atlantide.selectOption({ label: 'Scarta le righe' });
    await imports.reanalyse(imports.valuesForm);
  });

  test('the dry run: counts, preview and the three rejected rows with their reasons', async () => {
    const imports = await ImportPage.verifyOnPage(page);
    await expect(imports.count('Righe lette')).toHaveText(String(ROWS.length));
    await expect(imports.count('Da importare')).toHaveText(String(IMPORTED));
    await expect(imports.count('Scartate')).toHaveText('3');
    await expect(imports.count('Già importate')).toHaveText('0');
    // Youssef and Mariana come twice: 7 people, all new.
    await expect(imports.count('Nuove persone')).toHaveText('7');

    // The preview shows the rows as they will be stored (the date in Italian, the topic by its name).
    await expect(imports.preview).toBeVisible();
    await expect(imports.preview.getByRole('row', { name: /^2 / })).toContainText('El Ouardi');

    // The rejected rows: numbered as in the spreadsheet (the header is row 1), with column and reason.
    await expect(imports.rejects.locator('tbody tr')).toHaveCount(3);
    const reasons = [
      { row: 5, column: 'Data', reason: `Data non valida: 31/02/${YEAR}` },
      { row: 6, column: 'Cognome', reason: 'Manca il cognome' },
      { row: 9, column: 'Nazionalità', reason: 'Valore escluso dalla mappatura: Atlantide' },
    ];
    for (const { row, column, reason } of reasons) {
      await expect(imports.reject(row).getByRole('cell')).toHaveText([column, reason]);
    }
    // The rejected rows as a spreadsheet to fix and import again: an XLSX (a zip) named after the file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Scarica le righe scartate \(XLSX\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = test.info().outputPath('scartate.xlsx');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await checkA11y(page, 'import page (dry run)');

    // On a phone held upright, the dry run scrolls sideways only inside its tables.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    if (size) await page.setViewportSize(size);
  });

  test('imports the 9 rows after confirming in the dialog; the result and the list say so', async () => {
    const imports = await ImportPage.verifyOnPage(page);
    await page.getByRole('button', { name: `Importa ${IMPORTED} righe` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Importa ${IMPORTED} righe` });
    await expect(dialog).toContainText(`Importare ${IMPORTED} righe da «${FILE_NAME}»?`);
    await checkA11y(page, 'import page (confirmation)');
    await dialog.getByRole('button', { name: `Importa ${IMPORTED} righe` }).click();

    await expect(imports.status).toHaveText('Importato', { timeout: 60_000 });
    await expect(imports.view.getByRole('status')).toHaveText(`Importazione completata: ${IMPORTED} righe importate.`);
    await expect(imports.count('Importate')).toHaveText(String(IMPORTED));
    // Said to screen readers too, however quickly the job ended.
    await expect(page.getByTestId('announcer')).toHaveText(`Importazione completata: ${IMPORTED} righe importate.`);
    await expect(imports.row(FILE_NAME).getByRole('cell').nth(3)).toHaveText('Importato');
    await expect(imports.row(FILE_NAME).getByRole('button', { name: `Annulla importazione: ${FILE_NAME}` })).toBeVisible();
    await checkA11y(page, 'import page (result)');
    // One upload form, however often the page read the import again.
    await expect(imports.uploadForm).toHaveCount(1);
  });

  test(`the report of ${YEAR} counts the imported visits`, async () => {
    await (await ImportPage.verifyOnPage(page)).openFromMenu('Report di gestione');
    const reports = await ReportsPage.verifyOnPage(page);
    await reports.start(YEAR);
    const report = await ReportPage.verifyOnPage(page, YEAR);
    const visits = report.section(`Accessi ${YEAR}`);
    await expect(visits.getByRole('definition').first()).toHaveText(String(IMPORTED));
  });

  test('the import is undone as a whole from the list, after confirming', async () => {
    const imports = await ImportPage.openFromAnyPage(page);
    const row = imports.row(FILE_NAME);
    await row.getByRole('button', { name: `Annulla importazione: ${FILE_NAME}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Annulla importazione' });
    await expect(dialog).toContainText(`Annullare l’importazione di «${FILE_NAME}»?`);
    await dialog.getByRole('button', { name: 'Annulla importazione' }).click();
    await expect(row.getByRole('cell').nth(3)).toHaveText('Annullato');
    await expect(row.getByRole('button', { name: `Annulla importazione: ${FILE_NAME}` })).toHaveCount(0);
  });

  test('a person who may be one already registered waits for a decision; the analysis is then deleted', async () => {
    const imports = await ImportPage.verifyOnPage(page);
    // Mohamed Benaïssa is in the register, born on another day: the same person, or another?
    const file = 'persone.csv';
    const csv = `Cognome;Nome;Sesso;Nazionalità;Data di nascita\r\nBenaissa;Mohamed;M;Marocco;15/04/1990\r\n`;
    await imports.upload('Persone', { name: file, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await imports.analysed();
    const doubtful = page.getByRole('form', { name: 'Persone da verificare' });
    const decision = doubtful.getByRole('combobox', { name: 'Decisione per Benaissa Mohamed (15/04/1990)' });
    await expect(decision.getByRole('option', { name: `È ${MOHAMED.familyNames} ${MOHAMED.givenNames} (15/03/1990)` })).toBeAttached();
    await checkA11y(page, 'import page (doubtful person)');

    // Importing before deciding is refused, in words.
    await page.getByRole('button', { name: 'Importa 1 riga' }).click();
    await page.getByRole('alertdialog', { name: 'Importa 1 riga' }).getByRole('button', { name: 'Importa 1 riga' }).click();
    await expect(imports.view.getByRole('alert')).toContainText('Alcune persone dubbie aspettano una decisione');

    await decision.selectOption({ label: 'Nuova persona' });
    await imports.reanalyse(doubtful);
    await expect(imports.count('Nuove persone')).toHaveText('1');
    await expect(imports.view.getByRole('alert')).toHaveCount(0);
    await expect(doubtful.getByRole('combobox', { name: 'Decisione per Benaissa Mohamed (15/04/1990)' })).toHaveValue('new');

    // Not imported after all: the analysis is deleted, after confirming.
    await imports
      .row(file)
      .getByRole('button', { name: `Elimina: ${file}` })
      .click();
    await page.getByRole('alertdialog', { name: 'Elimina' }).getByRole('button', { name: 'Elimina' }).click();
    await expect(imports.row(file)).toHaveCount(0);
    await expect(imports.view).toHaveCount(0);
  });
});
