import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

export interface NewAction {
  description: string;
  /** An operator of the centre, by name… */
  assignee?: string;
  /** …or anyone else, in words. */
  assigneeName?: string;
  /** yyyy-mm-dd */
  dueOn?: string;
}

/** "Presa in carico": details, periods, the plan, the diary, referrals, and closing or reopening. */
export default class CasePage extends AbstractPage {
  readonly status: Locator;

  readonly periods: Locator;

  readonly plan: Locator;

  readonly diary: Locator;

  readonly referrals: Locator;

  readonly closeForm: Locator;

  readonly reopenForm: Locator;

  readonly personFileLink: Locator;

  readonly editDetailsButton: Locator;

  /** The buttons that open the closing and the reopening forms (forms open on demand). */
  readonly closeButton: Locator;

  readonly reopenButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.status = this.heading.locator('.badge');
    this.periods = page.getByRole('table', { name: 'Periodi di presa in carico' });
    this.plan = page.getByRole('region', { name: 'Piano' });
    this.diary = page.getByRole('region', { name: 'Diario' });
    this.referrals = page.getByRole('region', { name: 'Invii e segnalazioni' });
    this.closeForm = page.getByRole('form', { name: 'Chiudi la presa in carico' });
    this.reopenForm = page.getByRole('form', { name: 'Riapri la presa in carico' });
    this.personFileLink = page.getByRole('link', { name: 'Scheda persona' });
    this.editDetailsButton = page.getByRole('button', { name: 'Modifica dettagli' });
    this.closeButton = page.getByRole('button', { name: 'Chiudi la presa in carico' });
    this.reopenButton = page.getByRole('button', { name: 'Riapri la presa in carico' });
  }

  /** `title` is the person ("Okafor Blessing") or the household ("Nucleo Okafor"). */
  static async verifyOnPage(page: Page, title: string): Promise<CasePage> {
    const file = new CasePage(page);
    await expect(page.getByText('Presa in carico', { exact: true })).toBeVisible();
    await expect(file.heading).toHaveText(new RegExp(`^${escapeRegExp(title)} (Aperta|Chiusa)$`));
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    return file;
  }

  id(): number {
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  /** The value shown under a label of the details (e.g. "Operatore responsabile"). */
  fact(label: string): Locator {
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .locator('dd');
  }

  /** Opens the form with its button (the focus goes to its first field), fills it and adds; the form closes. */
  async addGoal(title: string, description?: string): Promise<void> {
    await this.plan.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
    const form = this.plan.getByRole('form', { name: 'Aggiungi obiettivo' });
    await expect(form.getByLabel(/^Obiettivo\b/)).toBeFocused();
    await form.getByLabel(/^Obiettivo\b/).fill(title);
    if (description) await form.getByLabel('Descrizione').fill(description);
    await form.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
    await expect(this.goal(title)).toBeVisible();
    await expect(form).toHaveCount(0);
    await expect(this.plan.getByRole('button', { name: 'Aggiungi obiettivo' })).toBeFocused();
  }

  /** A goal's box, named by its heading (the title, then its status). */
  goal(title: string): Locator {
    return this.plan.getByRole('article', { name: new RegExp(`^${escapeRegExp(title)}\\b`) });
  }

  actions(goalTitle: string): Locator {
    return this.goal(goalTitle).getByRole('table').locator('tbody tr');
  }

  action(goalTitle: string, description: string): Locator {
    return this.actions(goalTitle).filter({ hasText: description });
  }

  async addAction(goalTitle: string, action: NewAction): Promise<void> {
    await this.goal(goalTitle)
      .getByRole('button', { name: `Aggiungi azione: ${goalTitle}` })
      .click();
    const form = this.goal(goalTitle).getByRole('form', { name: `Aggiungi azione: ${goalTitle}` });
    await form.getByLabel(/^Azione\b/).fill(action.description);
    if (action.assignee) await form.getByLabel('Operatore incaricato').selectOption({ label: action.assignee });
    if (action.assigneeName) await form.getByLabel('Oppure: chi la fa (persona, servizio)').fill(action.assigneeName);
    if (action.dueOn) await form.getByLabel('Scadenza').fill(action.dueOn);
    await form.getByRole('button', { name: 'Aggiungi azione' }).click();
    await expect(this.action(goalTitle, action.description)).toBeVisible();
  }

  notes(): Locator {
    return this.diary.getByRole('listitem');
  }

  async addNote(body: string, restriction?: string): Promise<void> {
    await this.diary.getByRole('button', { name: 'Aggiungi nota' }).click();
    const form = this.diary.getByRole('form', { name: 'Aggiungi nota' });
    if (restriction) await form.getByLabel('Riservatezza').selectOption({ label: restriction });
    await form.getByLabel(/^Testo della nota\b/).fill(body);
    await form.getByRole('button', { name: 'Aggiungi nota' }).click();
    await expect(this.notes().filter({ hasText: body })).toBeVisible();
    await expect(form).toHaveCount(0);
  }

  async addReferral(referral: { service: string; reason: string; detail?: string }): Promise<void> {
    await this.referrals.getByRole('button', { name: 'Registra invio' }).click();
    const form = this.referrals.getByRole('form', { name: 'Registra invio' });
    await form.getByLabel(/^Servizio\b/).selectOption({ label: referral.service });
    if (referral.detail) await form.getByLabel('Dettaglio del servizio (es. ufficio, sede)').fill(referral.detail);
    await form.getByLabel(/^Motivo\b/).fill(referral.reason);
    await form.getByRole('button', { name: 'Registra invio' }).click();
    await expect(this.referrals.getByRole('table').locator('tbody tr').filter({ hasText: referral.reason })).toBeVisible();
  }

  /** Closes the case on a date (yyyy-mm-dd) for a reason, as labelled ("Obiettivi raggiunti"…). */
  async close(closedOn: string, reason: string, notes?: string): Promise<void> {
    if (!(await this.closeForm.isVisible())) await this.closeButton.click();
    await this.closeForm.getByLabel(/^Data di chiusura\b/).fill(closedOn);
    await this.closeForm.getByLabel(/^Motivo\b/).selectOption({ label: reason });
    if (notes) await this.closeForm.getByLabel('Note').fill(notes);
    await this.closeForm.getByRole('button', { name: 'Chiudi presa in carico' }).click();
    // Closed: the focus goes to the title, whose status has changed.
    await expect(this.heading).toBeFocused();
  }
}
