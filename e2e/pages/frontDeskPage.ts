import { expect, type Locator, type Page } from '@playwright/test';
import AbstractPage from './abstractPage.js';

const SEARCH_LABEL = 'Cerca persona (nome, cognome o codice fiscale)';

/** "Sportello": record a visit in a few keystrokes, see today's visits. */
export default class FrontDeskPage extends AbstractPage {
  /** #person-search: an editable combobox with a listbox of people. */
  readonly search: Locator;

  readonly results: Locator;

  readonly selectedOption: Locator;

  readonly topics: Locator;

  readonly saveButton: Locator;

  readonly anonymousButton: Locator;

  readonly newPersonButton: Locator;

  readonly anonymousVisitor: Locator;

  readonly todaysVisits: Locator;

  /** Keys pressed through `press`, so a test can count them. */
  keystrokes = 0;

  private constructor(page: Page) {
    super(page);
    this.search = page.getByRole('combobox', { name: SEARCH_LABEL });
    this.results = page.getByRole('listbox', { name: SEARCH_LABEL });
    this.selectedOption = this.results.getByRole('option', { selected: true });
    this.topics = page.getByRole('group', { name: 'Tipologia di richiesta' });
    this.saveButton = page.getByRole('button', { name: 'Registra accesso' });
    this.anonymousButton = page.getByRole('button', { name: 'Visitatore anonimo' });
    this.newPersonButton = page.getByRole('button', { name: 'Nuova persona' });
    this.anonymousVisitor = page.getByRole('group', { name: 'Visitatore anonimo' });
    this.todaysVisits = page.getByRole('region', { name: /^Accessi di oggi/ });
  }

  /**
   * The desk, at /sportello. After login the app opens the home page ('/'): from there the desk
   * is opened with its "Vai allo sportello" button, as a person does.
   */
  static async verifyOnPage(page: Page): Promise<FrontDeskPage> {
    const desk = new FrontDeskPage(page);
    await expect(desk.heading).toHaveText(/^(Sportello|Home|Il centro in sintesi|La mia giornata)$/);
    if ((await desk.heading.textContent()) !== 'Sportello') await page.getByRole('link', { name: 'Vai allo sportello' }).click();
    await expect(desk.heading).toHaveText('Sportello');
    await expect(page).toHaveURL(/\/sportello$/);
    // The topics arrive from the API: the form is usable once they are shown.
    await expect(desk.topics.getByRole('checkbox').first()).toBeAttached();
    return desk;
  }

  topic(label: string): Locator {
    return this.topics.getByRole('checkbox', { name: label, exact: true });
  }

  /** The number in the "Accessi di oggi" heading's badge. */
  todaysCount(): Locator {
    return this.todaysVisits.getByRole('heading').locator('.badge');
  }

  async press(key: string): Promise<void> {
    this.keystrokes += 1;
    await this.page.keyboard.press(key);
  }

  /**
   * Types into the focused search field (the keys are not counted) and waits for the
   * suggestions of exactly that text (the search is debounced) to show `expected`.
   */
  async typeSearch(text: string, expected: string): Promise<void> {
    await expect(this.search).toBeFocused();
    const answered = this.page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/v1/people' && url.searchParams.get('q') === text.trim() && response.ok();
    });
    await this.page.keyboard.type(text);
    await answered;
    await expect(this.search).toHaveValue(text);
    await expect(this.results).toBeVisible();
    await expect(this.results.getByRole('option', { name: expected }).first()).toBeVisible();
    await expect(this.search).toHaveAttribute('aria-expanded', 'true');
  }

  /** With the keyboard only: ↓ until `name` is the active option, then Enter. */
  async pickWithKeyboard(name: string): Promise<void> {
    const options = await this.results.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes(name));
    expect(index, `"${name}" among the suggestions ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await this.press('ArrowDown');
    await expect(this.selectedOption).toContainText(name);
    await expect(this.search).toHaveAttribute('aria-activedescendant', (await this.selectedOption.getAttribute('id')) ?? '');
    await this.press('Enter');
  }

  selectedPerson(): Locator {
    return this.page.locator('.selected-person');
  }

  async startAnonymousVisit(): Promise<void> {
    await this.anonymousButton.click();
    await expect(this.anonymousVisitor).toBeVisible();
  }

  async describeAnonymousVisitor(visitor: { gender: string; citizenship: string; ageBand: string }): Promise<void> {
    await this.anonymousVisitor.getByLabel('Genere').selectOption({ label: visitor.gender });
    await this.anonymousVisitor.getByLabel('Cittadinanza').selectOption({ label: visitor.citizenship });
    await this.anonymousVisitor.getByLabel('Fascia d’età').selectOption({ label: visitor.ageBand });
  }

  savedMessage(who: string): Locator {
    return this.successAlert.filter({ hasText: `Accesso registrato: ${who}.` });
  }
}
