import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage, { escapeRegExp } from './abstractPage.js';

export interface NewEvent {
  title: string;
  /** yyyy-mm-dd */
  date: string;
  startTime?: string;
  endTime?: string;
  place?: string;
  meetingPoint?: string;
  partner?: string;
  description?: string;
  /** People of the centre, each as [search text, name in the list]. */
  participants?: Array<[string, string]>;
  otherParticipants?: number;
}

/** "Eventi e uscite": the form to record one, the period's list with the printable invitations. */
export default class EventsPage extends AbstractPage {
  readonly form: Locator;

  readonly list: Locator;

  readonly totals: Locator;

  private constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('event-form');
    this.list = page.getByRole('region', { name: 'Eventi del periodo' });
    this.totals = page.getByTestId('event-totals');
  }

  static async verifyOnPage(page: Page): Promise<EventsPage> {
    const events = new EventsPage(page);
    await expect(events.heading).toHaveText('Eventi e uscite');
    await expect(events.totals).toBeVisible();
    return events;
  }

  async record(event: NewEvent): Promise<void> {
    const form = this.form;
    await form.getByLabel(/^Titolo\b/).fill(event.title);
    await form.getByLabel(/^Data\b/).fill(event.date);
    if (event.startTime) await form.getByLabel('Ora di inizio').fill(event.startTime);
    if (event.endTime) await form.getByLabel('Ora di fine').fill(event.endTime);
    if (event.place) await form.getByLabel('Luogo').fill(event.place);
    if (event.meetingPoint) await form.getByLabel('Punto di ritrovo').fill(event.meetingPoint);
    if (event.partner) await form.getByLabel('In collaborazione con').fill(event.partner);
    if (event.description) await form.getByLabel('Descrizione').fill(event.description);
    for (const [search, name] of event.participants ?? []) {
      await this.choosePerson(search, name, form);
      await expect(form.getByTestId('event-participants')).toContainText(name);
    }
    if (event.otherParticipants !== undefined) {
      await form.getByLabel('Altri partecipanti, non registrati per nome').fill(String(event.otherParticipants));
    }
    await form.getByRole('button', { name: 'Salva evento' }).click();
  }

  row(title: string): Locator {
    return this.list
      .getByRole('table')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: title, exact: true }) });
  }

  invitationLink(title: string): Locator {
    return this.row(title).getByRole('link', { name: new RegExp(`^Stampa invito per «${escapeRegExp(title)}»`) });
  }
}
