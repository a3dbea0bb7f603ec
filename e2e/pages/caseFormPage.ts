import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Apri una presa in carico": for a person (chosen, or new) or a household, perhaps from a visit. */
export default class CaseFormPage extends AbstractPage {
  readonly search: Locator;

  readonly newPersonLink: Locator;

  readonly chosen: Locator;

  readonly openedOn: Locator;

  readonly responsible: Locator;

  readonly referralSource: Locator;

  readonly areas: Locator;

  readonly members: Locator;

  readonly summary: Locator;

  readonly submit: Locator;

  readonly alreadyOpen: Locator;

  private constructor(page: Page) {
    super(page);
    this.search = page.getByRole('combobox', { name: 'Cerca persona (nome, cognome o codice fiscale)' });
    this.newPersonLink = page.getByRole('link', { name: 'Nuova persona' });
    this.chosen = page.locator('.selected-person');
    this.openedOn = page.getByLabel(/^Aperta il\b/);
    this.responsible = page.getByLabel(/^Operatore responsabile\b/);
    this.referralSource = page.getByLabel('Inviato da');
    this.areas = page.getByRole('group', { name: /^Ambiti di bisogno\b/ });
    this.members = page.getByRole('group', { name: 'Componenti del nucleo inclusi' });
    this.summary = page.getByLabel('Sintesi della situazione');
    this.submit = page.getByRole('button', { name: 'Apri presa in carico' });
    this.alreadyOpen = page.getByRole('alert').filter({ hasText: 'ha già una presa in carico aperta' });
  }

  static async verifyOnPage(page: Page): Promise<CaseFormPage> {
    const form = new CaseFormPage(page);
    await expect(form.heading).toHaveText('Apri una presa in carico');
    await expect(page).toHaveURL(/\/cases\/new(\?|$)/);
    // The operators of the centre come from the API once the centre is known.
    await expect(form.responsible.getByRole('option').nth(1)).toBeAttached();
    return form;
  }

  area(label: string): Locator {
    return this.areas.getByRole('checkbox', { name: label, exact: true });
  }

  member(label: RegExp | string): Locator {
    return this.members.getByRole('checkbox', { name: label });
  }
}
