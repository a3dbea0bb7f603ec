import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

/** One weekly slot as typed in the hours editor: weekday as named ("martedì"), from and to ("15:00"). */
export interface SlotInput {
  weekday: string;
  from: string;
  to: string;
}

/** "Calendario del centro": the month, the year's figures, the opening hours, the closures, the settings. */
export default class CalendarPage extends AbstractPage {
  readonly month: Locator;

  /** "22 giorni di apertura, 100 h di apertura, 1 giorni di chiusura." */
  readonly monthFigures: Locator;

  readonly hours: Locator;

  readonly newHoursForm: Locator;

  readonly closures: Locator;

  readonly closureForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.month = page.getByRole('region', { name: /^Il mese:/ });
    this.monthFigures = page.getByTestId('month-figures');
    this.hours = page.getByRole('region', { name: 'Orari di apertura' });
    this.newHoursForm = this.hours.getByRole('form', { name: 'Nuovo orario da una data' });
    this.closures = page.getByRole('region', { name: /^Chiusure del \d{4}$/ });
    this.closureForm = this.closures.getByRole('form', { name: /^(Aggiungi chiusura|Modifica la chiusura)$/ });
  }

  static async verifyOnPage(page: Page): Promise<CalendarPage> {
    const calendar = new CalendarPage(page);
    await expect(calendar.heading).toHaveText('Calendario del centro');
    await expect(calendar.monthFigures).toBeVisible();
    return calendar;
  }

  /** The month shown, in words ("dicembre 2026"). */
  async shownMonth(): Promise<string> {
    return ((await this.month.getByRole('heading').textContent()) ?? '').replace(/^Il mese:\s*/, '');
  }

  async nextMonth(): Promise<void> {
    const before = await this.shownMonth();
    await this.month.getByRole('button', { name: 'Mese successivo' }).click();
    await expect(this.month.getByRole('heading')).not.toHaveText(`Il mese: ${before}`);
  }

  /** A day of the month grid, by its date (yyyy-mm-dd). */
  day(date: string): Locator {
    return this.month.locator(`td[data-date="${date}"]`);
  }

  /** The figures line the month shows, as expected: open days, whole open hours, closed days. */
  static figuresText(f: { openDays: number; openHours: number; closedDays: number }): string {
    return `${f.openDays} giorni di apertura, ${f.openHours} h di apertura, ${f.closedDays} giorni di chiusura.`;
  }

  /** An hours set, by its first day as written on the page (dd/mm/yyyy). */
  hoursSet(validFrom: string): Locator {
    return this.hours
      .getByTestId('hours-set')
      .filter({ has: this.page.getByRole('heading', { name: new RegExp(`^In vigore dal ${escapeRegExp(validFrom)}\\b`) }) });
  }

  /** The weekly table of a set: the slots of a weekday ("martedì"), or «Chiuso». */
  slotsOf(validFrom: string, weekday: string): Locator {
    return this.hoursSet(validFrom)
      .getByRole('table', { name: `Fasce orarie in vigore dal ${validFrom}` })
      .getByRole('row', { name: new RegExp(`^${weekday}( |$)`) })
      .getByRole('cell');
  }

  /** The editor of a set's slots, open after "Crea orario" or "Modifica fasce". */
  slotEditor(validFrom: string): Locator {
    return this.hours.getByRole('form', { name: `Fasce dell’orario in vigore dal ${validFrom}` });
  }

  slot(editor: Locator, n: number): Locator {
    return editor.getByRole('group', { name: `Fascia ${n}`, exact: true });
  }

  /** "Nuovo orario da una data": the editor opens on the new set, a copy of the one in force then. */
  async createHoursSet(validFrom: string, notes?: string): Promise<void> {
    await this.newHoursForm.getByLabel(/^Valido dal\b/).fill(validFrom);
    if (notes) await this.newHoursForm.getByLabel('Note').fill(notes);
    await this.newHoursForm.getByRole('button', { name: 'Crea orario' }).click();
  }

  /** Adds slots at the end of the open editor, with "Aggiungi fascia". */
  async addSlots(editor: Locator, slots: SlotInput[]): Promise<void> {
    for (const slot of slots) {
      const n = (await editor.getByRole('group', { name: /^Fascia \d+$/ }).count()) + 1;
      await editor.getByRole('button', { name: 'Aggiungi fascia' }).click();
      const row = this.slot(editor, n);
      await row.getByLabel('Giorno').selectOption({ label: slot.weekday });
      await row.getByLabel(/^Dalle\b/).fill(slot.from);
      await row.getByLabel(/^Alle\b/).fill(slot.to);
    }
  }

  /** Takes out the slot of a weekday ("martedì") starting at `from`, with its "Togli fascia" button. */
  async removeSlot(editor: Locator, weekday: string, from: string): Promise<void> {
    const rows = editor.getByRole('group', { name: /^Fascia \d+$/ });
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const day = await row.getByLabel('Giorno').locator('option:checked').textContent();
      if (day === weekday && (await row.getByLabel(/^Dalle\b/).inputValue()) === from) {
        await row.getByRole('button', { name: /^Togli fascia \d+$/ }).click();
        await expect(rows).toHaveCount(count - 1);
        return;
      }
    }
    throw new Error(`no slot on ${weekday} from ${from}`);
  }

  async saveSlots(editor: Locator): Promise<void> {
    await editor.getByRole('button', { name: 'Salva fasce' }).click();
    await expect(editor).toBeHidden();
  }

  /** "Aggiungi chiusura": from, to (yyyy-mm-dd) and the reason the public page shows. */
  async addClosure(from: string, to: string, reason: string): Promise<void> {
    await this.closureForm.getByLabel(/^Dal\b/).fill(from);
    await this.closureForm.getByLabel(/^Al\b/).fill(to);
    await this.closureForm.getByLabel(/^Motivo\b/).fill(reason);
    await this.closureForm.getByRole('button', { name: 'Salva chiusura' }).click();
  }

  /** Shows another year in "L'anno" (and the closures of that year). */
  async showYear(year: number): Promise<void> {
    const form = this.page.getByRole('region', { name: /^L'anno:/ });
    await form.getByLabel(/^Anno\b/).fill(String(year));
    await form.getByRole('button', { name: 'Mostra' }).click();
    await expect(this.page.getByRole('region', { name: `Chiusure del ${year}` })).toBeVisible();
  }
}
