import { expect, type Locator, type Page } from '@playwright/test';

/** Text to match literally inside a RegExp (names with dots, brackets…). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What every page of Approdo has: the header with the main menu, the language switch and
 * the logout button, and one <h1>. Page objects are built with `verifyOnPage`, which waits
 * until the page is really shown (the HMPPS template's pattern).
 */
export default abstract class AbstractPage {
  readonly page: Page;

  /** "Menu principale": only shown to a logged-in user. */
  readonly mainNav: Locator;

  readonly heading: Locator;

  readonly logoutButton: Locator;

  /** Bootstrap Italia alerts: errors use role=alert, confirmations role=status. */
  readonly errorAlert: Locator;

  readonly successAlert: Locator;

  protected constructor(page: Page) {
    this.page = page;
    this.mainNav = page.getByRole('navigation', { name: 'Menu principale' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.logoutButton = page.getByRole('button', { name: 'Esci', exact: true });
    this.errorAlert = page.locator('.alert-danger[role="alert"]');
    this.successAlert = page.locator('.alert-success[role="status"]');
  }

  /**
   * Ticks a checkbox or radio button the way a person does, by its label: Bootstrap Italia
   * draws the box on the label and keeps the real input transparent underneath.
   */
  async tick(control: Locator): Promise<void> {
    const id = await control.getAttribute('id');
    await this.page.locator(`label[for="${id}"]`).click();
    await expect(control).toBeChecked();
  }

  /**
   * Finds someone with a person search field (a combobox of people) and picks them with the
   * mouse. `scope` narrows to one form when a page has several.
   */
  async choosePerson(text: string, name: string, scope: Locator | Page = this.page): Promise<void> {
    const label = 'Cerca persona (nome, cognome o codice fiscale)';
    await scope.getByRole('combobox', { name: label }).fill(text);
    const option = scope.getByRole('listbox', { name: label }).getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
    await option.first().click();
  }

  /** A link of the menu, shown or inside a closed group. */
  navLink(name: string): Locator {
    return this.mainNav.getByRole('link', { name, exact: true, includeHidden: true });
  }

  /** Opens the group that holds the link (unless it is shown already), then follows it. */
  async openFromMenu(name: string): Promise<void> {
    const link = this.navLink(name);
    if (!(await link.isVisible())) {
      // `has` is matched inside each group, so it names the link from there (not from the nav).
      const inGroup = this.page.getByRole('link', { name, exact: true, includeHidden: true });
      await this.mainNav.locator('li.nav-group').filter({ has: inGroup }).getByRole('button').click();
    }
    await link.click();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await expect(this.page).toHaveURL(/\/login\?loggedOut=1$/);
  }

  /** The header's language switch: "Italiano" or "English". */
  async switchLanguage(name: 'Italiano' | 'English'): Promise<void> {
    const button = this.page.getByRole('group', { name: /^(Lingua|Language)$/ }).getByRole('button', { name });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(this.page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'it');
  }
}
