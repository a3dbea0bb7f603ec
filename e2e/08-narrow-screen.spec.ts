/**
 * Every page at 390 px wide (a phone held upright): nothing scrolls sideways, and the menu
 * folds behind one button that opens it, closes with Escape (focus back on the button) and
 * closes by itself on a change of page.
 */
import { expect, type Page, test } from '@playwright/test';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import { ADMIN } from './support/data.js';
import { ensureSeedData } from './support/seed.js';

test.use({ viewport: { width: 390, height: 844 } });

const PAGES = [
  '/',
  '/sportello',
  '/people',
  '/people/new',
  '/visits',
  '/cases',
  '/cases/new',
  '/households',
  '/deadlines',
  '/applications',
  '/pc-station',
  '/legal',
  '/calendar',
  '/staff',
  '/projects',
  '/courses',
  '/waiting-list',
  '/events',
  '/network-meetings',
  '/reports',
  '/reports/previous-years',
  '/statistics',
  '/account',
  '/admin/centre',
  '/admin/topics',
  '/admin/course-kinds',
  '/admin/application-types',
  '/admin/network-organisations',
  '/admin/users',
  '/admin/tokens',
  '/admin/imports',
  '/admin/audit',
  '/admin/erasure-requests',
  '/admin/retention',
  '/admin/processing-register',
  '/reminders',
  '/accessibilita',
];

/** How far the page reaches beyond the viewport's width (0 when nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('At 390 px wide', () => {
  let personId: number;

  test.beforeAll(async () => {
    ({ personId } = await ensureSeedData());
  });

  test('no page scrolls sideways', async ({ page }) => {
    test.setTimeout(180_000);
    const login = await LoginPage.open(page);
    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
    for (const path of [...PAGES, `/people/${personId}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect.soft(await overflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });

  test('the menu folds behind its button', async ({ page }) => {
    const login = await LoginPage.open(page);
    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
    const nav = page.getByRole('navigation', { name: 'Menu principale' });
    const menu = nav.getByRole('button', { name: 'Menu', exact: true });
    const people = nav.getByRole('button', { name: /^Persone/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(people).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(people).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(people).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await people.click();
    await nav.getByRole('link', { name: 'Accessi' }).click();
    await expect(page).toHaveURL(/\/visits$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(people).toBeHidden();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
