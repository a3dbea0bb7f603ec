/**
 * The register of processing (issue 14, art. 30): the administrator opens it from
 * Amministrazione, reads the sections generated from the configuration, writes the DPO's note
 * of a section, sees it saved (and still there after a reload), downloads the PDF. axe-core
 * checks the page and the open form.
 */
import { expect, test } from '@playwright/test';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { ADMIN } from './support/data.js';
import { ensureSeedData } from './support/seed.js';

test('the administrator completes the register of processing with a DPO note, and downloads it', async ({ page }) => {
  await ensureSeedData();
  await (await LoginPage.open(page)).login(ADMIN.email, ADMIN.password);
  await FrontDeskPage.verifyOnPage(page);

  await page.goto('/admin/processing-register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro delle attività di trattamento');
  await expect(page.getByRole('region', { name: 'Misure di sicurezza' })).toContainText('Secondo fattore (TOTP, con codici di recupero)');
  await expect(page.getByRole('region', { name: 'Categorie di dati personali' })).toContainText('Categoria particolare (art. 9)');
  await checkA11y(page, 'register of processing');

  const controller = page.getByRole('region', { name: 'Titolare del trattamento e centri' });
  await controller.getByRole('button', { name: 'Modifica la nota: Titolare del trattamento e centri' }).click();
  const form = controller.getByRole('form', { name: 'Modifica la nota: Titolare del trattamento e centri' });
  const note = `Titolare: Comune di Jesi. DPO: dpo@comune.jesi.example (${Date.now()})`;
  await form.getByLabel('Nota del responsabile della protezione dei dati').fill(note);
  await checkA11y(page, 'register of processing, a note being written');
  await form.getByRole('button', { name: 'Salva' }).click();
  await expect(form).toBeHidden();
  await expect(controller).toContainText(note);
  await expect(controller).toContainText(/Aggiornata il .* da /);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Titolare del trattamento e centri' })).toContainText(note);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il PDF da stampare' }).click()]);
  expect(pdf.suggestedFilename()).toBe('registro-trattamenti.pdf');
});
