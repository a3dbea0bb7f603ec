/**
 * Lists people take away (issue 15): the operator downloads the XLSX of the visits page as its
 * filters show it (a real workbook: Italian headers, one row per visit listed), and the page
 * prints as its content only (no menu, filters or buttons; the table whole).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import LoginPage from './pages/loginPage.js';
import VisitsPage from './pages/visitsPage.js';
import { MOHAMED, OPERATOR } from './support/data.js';
import { romeDate } from './support/dates.js';
import { ensureSeedData, ensureUser } from './support/seed.js';

test.describe('Lists people take away', () => {
  test.beforeAll(async () => {
    await ensureSeedData();
    await ensureUser(OPERATOR);
  });

  test("the visits page's XLSX holds the visits its filters show, under Italian headers; the page prints its content only", async ({
    page,
  }) => {
    await (await LoginPage.open(page)).login(OPERATOR.email, OPERATOR.password);
    const today = romeDate();
    await page.goto(`/visits?from=${today}&to=${today}`);
    const visits = await VisitsPage.verifyOnPage(page);
    const shown = await visits.rows().count();
    expect(shown).toBeGreaterThan(0);

    const download = await visits.exportXlsx();
    expect(download.suggestedFilename()).toBe(`accessi-${today}.xlsx`);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX is
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Accessi');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Data');
    expect(sheet?.getRow(1).getCell(4).value).toBe('Persona');
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.actualRowCount).toBe(1 + shown);
    const people: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) people.push(row.getCell(4).value);
    });
    expect(people).toContain(`${MOHAMED.familyNames} ${MOHAMED.givenNames}`);

    await page.emulateMedia({ media: 'print' });
    await expect(visits.mainNav).toBeHidden();
    await expect(visits.filters).toBeHidden();
    await expect(visits.exportXlsxLink).toBeHidden();
    await expect(page.locator('footer')).toBeHidden();
    await expect(visits.heading).toBeVisible();
    await expect(visits.table).toBeVisible();
    await expect(visits.rows()).toHaveCount(shown);
  });
});
