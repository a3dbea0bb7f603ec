import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

/** "Incontri di rete": meetings with unions, services and others; counts by organisation. */
export default class NetworkMeetingsPage extends AbstractPage {
  readonly form: Locator;

  readonly list: Locator;

  readonly total: Locator;

  readonly byOrganisation: Locator;

  private constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('meeting-form');
    this.list = page.getByRole('region', { name: 'Incontri del periodo' });
    this.total = page.getByTestId('meeting-totals');
    this.byOrganisation = page.getByRole('table', { name: /^Incontri per organizzazione/ });
  }

  static async verifyOnPage(page: Page): Promise<NetworkMeetingsPage> {
    const meetings = new NetworkMeetingsPage(page);
    await expect(meetings.heading).toHaveText('Incontri di rete');
    await expect(meetings.total).toBeVisible();
    return meetings;
  }

  /** Records a meeting: date (yyyy-mm-dd), topic, organisations by name ("CGIL"), outcome. */
  async record(meeting: { date: string; topic: string; organisations: string[]; outcome?: string }): Promise<void> {
    await this.form.getByLabel(/^Data\b/).fill(meeting.date);
    await this.form.getByLabel(/^Argomento\b/).fill(meeting.topic);
    const choices = this.form.getByRole('group', { name: /^Organizzazioni coinvolte\b/ });
    for (const name of meeting.organisations) await this.tick(choices.getByRole('checkbox', { name: new RegExp(`^${name} ·`) }));
    if (meeting.outcome) await this.form.getByLabel('Esito e note').fill(meeting.outcome);
    await this.form.getByRole('button', { name: 'Salva incontro' }).click();
  }

  row(topic: string): Locator {
    return this.list.getByRole('table').locator('tbody tr').filter({ hasText: topic });
  }

  countOf(organisation: string): Locator {
    return this.byOrganisation.getByRole('row', { name: new RegExp(`^${organisation}\\b`) }).getByRole('cell');
  }
}
