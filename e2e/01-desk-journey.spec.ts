/**
 * A day at the desk, in order, as the people who use Approdo would do it: first run, login,
 * people and visits, the reports, the administration, a viewer, the audit log, logout.
 * One browser page is shared by the steps (serial mode), as one person at one desk.
 */
import { readFile } from 'node:fs/promises';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import AuditPage from './pages/auditPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import HomePage from './pages/homePage.js';
import LoginPage from './pages/loginPage.js';
import PeoplePage from './pages/peoplePage.js';
import PersonFormPage from './pages/personFormPage.js';
import PersonPage from './pages/personPage.js';
import SetupPage from './pages/setupPage.js';
import StatisticsPage from './pages/statisticsPage.js';
import TokensPage from './pages/tokensPage.js';
import TopicsPage from './pages/topicsPage.js';
import UsersPage from './pages/usersPage.js';
import VisitsPage from './pages/visitsPage.js';
import {
  ADMIN,
  AMINA,
  ANONYMOUS_VISITOR,
  fullName,
  MOHAMED,
  MUHAMMAD,
  NEW_TOPIC,
  OLENA,
  OPERATOR,
  SECOND_CENTRE,
  TWO_CENTRES_OPERATOR,
  VIEWER,
} from './support/data.js';
import { italianDate, romeDate } from './support/dates.js';
import { readState } from './support/state.js';

test.describe.configure({ mode: 'serial' });

test.describe('Sportello: a day at the desk', () => {
  let context: BrowserContext;
  let page: Page;
  let mohamedId: number;
  let muhammadId: number;

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('first run: the setup link creates the administrator and opens the front desk', async () => {
    const setup = await SetupPage.open(page, readState().setupUrl);
    await setup.createAdministrator(ADMIN);

    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(page).toHaveTitle('Sportello · Approdo');
    await expect(page.getByRole('link', { name: ADMIN.displayName })).toBeVisible();
    await expect(page.getByText(ADMIN.centreName)).toBeVisible();
    // The token left the address bar, and the desk starts from the search field.
    expect(new URL(page.url()).hash).toBe('');
    await expect(desk.search).toBeFocused();
  });

  test('logout; a wrong password is refused in Italian; the right one logs in', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.logout();
    const login = await LoginPage.verifyOnPage(page);
    await expect(login.loggedOutNotice).toBeVisible();

    await login.login(ADMIN.email, 'questa non è la password');
    await expect(login.errorAlert).toHaveText('E-mail o password non corrette.');
    await expect(page).toHaveURL(/\/login/);

    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
  });

  test('"Persone" → "Nuova persona": a Moroccan citizen resident in Moie, found as Maiolati Spontini', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.openFromMenu('Persone');
    const people = await PeoplePage.verifyOnPage(page);
    await expect(people.noResults).toBeVisible();
    await people.newPersonLink.click();

    const form = await PersonFormPage.verifyOnPage(page);
    await form.fill(MOHAMED);
    await form.save();

    const file = await PersonPage.verifyOnPage(page, fullName(MOHAMED));
    await expect(file.successAlert).toHaveText('Persona registrata.');
    mohamedId = file.id();
    await expect(file.fact('Genere')).toHaveText('Uomo');
    await expect(file.fact('Data di nascita')).toHaveText(italianDate(MOHAMED.birthDate));
    await expect(file.fact('Cittadinanza')).toHaveText('Marocco');
    await expect(file.fact('Provenienza')).toHaveText('Extracomunitari');
    await expect(file.fact('Residenza')).toContainText('Maiolati Spontini');
    await expect(page.getByText('Nessun accesso registrato.')).toBeVisible();

    // Open the file again from the list of people.
    await file.openFromMenu('Persone');
    const list = await PeoplePage.verifyOnPage(page);
    await list.expectCount(1);
    await list.row(MOHAMED.familyNames, MOHAMED.givenNames).getByRole('link', { name: MOHAMED.familyNames }).click();
    await PersonPage.verifyOnPage(page, fullName(MOHAMED));
    expect(new URL(page.url()).pathname).toBe(`/people/${mohamedId}`);
  });

  test('a possible duplicate (Muhammad, same family name and birth date) is shown, then registered anyway', async () => {
    await page.goto('/people/new');
    const form = await PersonFormPage.verifyOnPage(page);
    await form.fill(MUHAMMAD);
    await form.save();

    await expect(form.duplicateWarning).toBeVisible();
    await expect(form.duplicateWarning).toContainText('nome simile e stessa data di nascita');
    const existing = form.duplicateLinks();
    await expect(existing).toHaveCount(1);
    await expect(existing).toHaveText(`${fullName(MOHAMED)}, ${italianDate(MOHAMED.birthDate)}`);
    await expect(existing).toHaveAttribute('href', `/people/${mohamedId}`);
    await expect(page).toHaveURL(/\/people\/new$/); // nothing was saved yet

    await form.createAnywayButton.click();
    const file = await PersonPage.verifyOnPage(page, fullName(MUHAMMAD));
    await expect(file.successAlert).toHaveText('Persona registrata.');
    muhammadId = file.id();
    expect(muhammadId).not.toBe(mohamedId);
  });

  test('the front desk records a linked visit with the keyboard only, in at most 3 keys after the search text', async () => {
    await page.goto('/sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(desk.todaysCount()).toHaveText('0');
    await expect(page.getByText('Nessun accesso registrato oggi.')).toBeVisible();

    await desk.typeSearch('mohamed ben', fullName(MOHAMED));
    desk.keystrokes = 0;
    await desk.pickWithKeyboard(fullName(MOHAMED)); // ↓ as needed, then Enter
    await expect(desk.selectedPerson()).toContainText(fullName(MOHAMED));
    // The desk is where the privacy notice is given: it says Mohamed has had none yet.
    await expect(desk.selectedPerson().getByRole('status')).toContainText('Informativa privacy non consegnata.');

    const firstTopic = desk.topics.getByRole('checkbox').first();
    await expect(firstTopic).toBeFocused();
    await expect(firstTopic).toHaveAccessibleName('Permesso di soggiorno');
    await desk.press('Space');
    await expect(firstTopic).toBeChecked();
    await desk.press('Enter');

    await expect(desk.savedMessage(fullName(MOHAMED))).toBeVisible();
    expect(desk.keystrokes, 'keys pressed after typing the search text').toBeLessThanOrEqual(3);
    // Ready for the next visitor.
    await expect(desk.search).toBeFocused();
    await expect(desk.search).toHaveValue('');
    await expect(firstTopic).not.toBeChecked();

    await expect(desk.todaysCount()).toHaveText('1');
    const row = desk.todaysVisits.getByRole('row').filter({ has: page.getByRole('link', { name: fullName(MOHAMED) }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Permesso di soggiorno');
  });

  test('an anonymous visitor is recorded with gender, citizenship, age band and a topic', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.startAnonymousVisit();
    await desk.describeAnonymousVisitor(ANONYMOUS_VISITOR);
    // A citizenship is a state's: the territories (Réunion…) are not offered.
    await expect(desk.anonymousVisitor.getByLabel('Cittadinanza').getByRole('option', { name: 'Réunion' })).toHaveCount(0);
    await expect(desk.anonymousVisitor.getByRole('combobox', { name: /^Centro\b/ })).toHaveCount(0); // one centre: nothing to choose
    await desk.tick(desk.topic('Lavoro'));
    await desk.saveButton.click();

    await expect(desk.savedMessage('Anonimo')).toBeVisible();
    await expect(desk.anonymousVisitor).toBeHidden();
    await expect(desk.todaysCount()).toHaveText('2');
    const row = desk.todaysVisits.getByRole('row').filter({ hasText: 'Anonimo · Comunitari' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Lavoro');
  });

  test('"Nuova persona" from the desk: the search text fills the names (not the address), saving comes back with the person chosen', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.search.fill(`${AMINA.givenNames} ${AMINA.familyNames}`);
    // "Nobody found" is said below the field, not in a list over the buttons: one click goes on.
    await expect(page.getByRole('status').filter({ hasText: 'Nessuna persona trovata.' })).toBeVisible();
    await expect(desk.results).toBeHidden();
    await desk.newPersonButton.click();

    const form = await PersonFormPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/people\/new$/);
    await expect(form.givenNames).toHaveValue(AMINA.givenNames);
    await expect(form.familyNames).toHaveValue(AMINA.familyNames);
    // A territory (Réunion) can be the country of birth, not a citizenship.
    await expect(form.birthCountry.getByRole('option', { name: 'Réunion' })).toBeAttached();
    await expect(form.citizenship.getByRole('option', { name: 'Réunion' })).toHaveCount(0);
    // One centre: nothing to choose.
    await expect(page.getByRole('combobox', { name: /^Centro\b/ })).toHaveCount(0);

    await form.fill(AMINA);
    await form.save();

    const back = await FrontDeskPage.verifyOnPage(page);
    await expect(back.selectedPerson()).toContainText(fullName(AMINA));
    await expect(back.todaysCount()).toHaveText('2'); // nothing recorded for her
    await page.getByRole('button', { name: 'Cambia' }).click();
    await expect(back.search).toBeFocused();
  });

  test('people search forgives transliterations ("mohammed" finds Mohamed), accents and case', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.openFromMenu('Persone');
    const people = await PeoplePage.verifyOnPage(page);

    await people.searchFor('mohammed');
    await expect(people.row(MOHAMED.familyNames, MOHAMED.givenNames)).toHaveCount(1);
    await people.expectCount(2); // Muhammad is the same name too
    // The names searched are personal data: they stay out of the address.
    expect(new URL(page.url()).search).toBe('');

    await people.searchFor('Rossi');
    await expect(people.noResults).toBeVisible();

    await people.searchFor('BENAISSA');
    await expect(people.row(MOHAMED.familyNames, MOHAMED.givenNames)).toHaveCount(1);
    await expect(people.row(MUHAMMAD.familyNames, MUHAMMAD.givenNames)).toHaveCount(1);
    await people.expectCount(2);

    await people.searchFor('Rossi');
    await expect(people.noResults).toBeVisible();

    await people.searchFor('muḥammad bènaissa');
    await expect(people.row(MUHAMMAD.familyNames, MUHAMMAD.givenNames)).toHaveCount(1);

    // Back from a file finds the same search, still not in the address.
    await people.row(MUHAMMAD.familyNames, MUHAMMAD.givenNames).getByRole('link').click();
    await PersonPage.verifyOnPage(page, fullName(MUHAMMAD));
    await page.goBack();
    const again = await PeoplePage.verifyOnPage(page);
    await expect(again.search).toHaveValue('muḥammad bènaissa');
    await expect(again.row(MUHAMMAD.familyNames, MUHAMMAD.givenNames)).toHaveCount(1);
    expect(new URL(page.url()).search).toBe('');
  });

  test('"Accessi": filters by origin group and by dates, and a CSV export in Italian', async () => {
    const today = romeDate();
    const yesterday = romeDate(-1);
    await page.goto('/sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.openFromMenu('Accessi');
    const visits = await VisitsPage.verifyOnPage(page);
    // After the change of page the focus is on the new content, not left on the menu link.
    await expect(page.locator('main#main')).toBeFocused();
    await visits.expectCount(2);

    await visits.filter({ originGroup: 'Extracomunitari' });
    await expect(page).toHaveURL(/originGroup=non_eu/);
    await visits.expectCount(1);
    await expect(visits.rows()).toContainText(fullName(MOHAMED));

    await visits.filter({ originGroup: 'Comunitari' });
    await visits.expectCount(1);
    await expect(visits.rows()).toContainText('Anonimo');

    await visits.resetButton.click();
    await expect(page).toHaveURL(/\/visits$/);
    await visits.expectCount(2);

    await visits.filter({ from: yesterday, to: yesterday });
    await visits.expectCount(0);

    await visits.filter({ from: today, to: today });
    await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
    await visits.expectCount(2);

    await visits.filter({ originGroup: 'Extracomunitari' });
    await visits.expectCount(1);
    await visits.filter({ originGroup: 'Tutti' });
    await visits.expectCount(2);

    const download = await visits.exportCsv();
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe(
      "Data;Ora;Canale;Persona;Genere;Cittadinanza;Provenienza;Fascia d'età;Inviato da;Tipologie di richiesta;Operatore;Note",
    );
    expect(lines).toHaveLength(3);
    expect(csv).toContain(MOHAMED.familyNames);
    const mohamedLine = lines.find((line) => line.includes(fullName(MOHAMED)));
    expect(mohamedLine?.split(';').slice(0, 1)).toEqual([italianDate(today)]);
    expect(mohamedLine).toContain(';Marocco;Extracomunitari;');
    expect(lines.find((line) => line.includes(';Anonimo;'))).toContain(';Romania;Comunitari;30-44 anni;');
  });

  test('"Statistiche" shows the totals; the language switch turns the labels to English and back', async () => {
    await page.goto('/sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.openFromMenu('Statistiche');
    const stats = await StatisticsPage.verifyOnPage(page);
    await expect(stats.total).toHaveText('Totale accessi: 2');
    await expect(stats.countIn('Per provenienza', 'Extracomunitari')).toHaveText('1');
    await expect(stats.countIn('Per provenienza', 'Comunitari')).toHaveText('1');
    await expect(stats.countIn('Per provenienza', 'Italiani')).toHaveText('0');
    await expect(stats.countIn('Per genere', 'Uomo')).toHaveText('1');
    await expect(stats.countIn('Per genere', 'Donna')).toHaveText('1');
    await expect(stats.countIn('Per paese di cittadinanza', 'Marocco')).toHaveText('1');
    await expect(stats.countIn(/^Per tipologia di richiesta/, 'Lavoro')).toHaveText('1');

    await stats.switchLanguage('English');
    await expect(stats.heading).toHaveText('Visit statistics');
    await expect(page).toHaveTitle('Visit statistics · Approdo');
    await expect(stats.total).toHaveText('Total visits: 2');
    await expect(stats.countIn('By origin group', 'Non-EU citizens')).toHaveText('1');
    await expect(stats.countIn('By country of citizenship', 'Morocco')).toHaveText('1');
    const englishNav = page.getByRole('navigation', { name: 'Main menu' });
    // The menu's groups are named in English too: "Centre" holds the statistics.
    await englishNav.getByRole('button', { name: 'Centre', exact: true }).click();
    await expect(englishNav.getByRole('link', { name: 'Statistics', exact: true })).toBeVisible();
    await expect(englishNav.getByRole('link', { name: 'Front desk', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

    await stats.switchLanguage('Italiano');
    await StatisticsPage.verifyOnPage(page);
    await expect(stats.navLink('Sportello')).toBeVisible();
    await expect(stats.logoutButton).toBeVisible();
  });

  test('administration: a new operator account', async () => {
    await page.goto('/sportello');
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Utenti');
    const users = await UsersPage.verifyOnPage(page);
    await users.add(OPERATOR);
    await expect(users.successAlert).toHaveText('Utente creato.');
    const row = users.row(OPERATOR.email);
    await expect(row).toContainText(OPERATOR.displayName);
    await expect(row.getByRole('combobox', { name: `Ruolo: ${OPERATOR.displayName}` })).toHaveValue('operator');
    await expect(row).toContainText(ADMIN.centreName);
  });

  test('administration: an API token is shown once, works, and stops working when revoked', async ({ playwright }) => {
    await (await UsersPage.verifyOnPage(page)).openFromMenu('Token API');
    const tokens = await TokensPage.verifyOnPage(page);
    const purpose = 'Esportazione mensile per la Regione';
    const secret = await tokens.create(new RegExp(OPERATOR.email), purpose);
    expect(secret.length).toBeGreaterThanOrEqual(20);

    const row = tokens.row(purpose);
    await expect(row).toContainText(OPERATOR.email);
    const prefix = ((await row.locator('code').textContent()) ?? '').replace(/…$/, '');
    expect(prefix.length).toBeGreaterThan(0);
    expect(secret.startsWith(prefix)).toBe(true);
    await expect(row.getByRole('cell').nth(3)).toHaveText('mai'); // last used

    const api = await playwright.request.newContext({ baseURL: readState().baseURL });
    try {
      const bearer = { authorization: `Bearer ${secret}` };
      expect((await api.get('/api/v1/topics', { headers: bearer })).status()).toBe(200);

      await row.getByRole('button', { name: 'Revoca' }).click();
      await page.getByRole('alertdialog', { name: 'Revoca' }).getByRole('button', { name: 'Revoca' }).click();
      await expect(row).toContainText(`Revocato il ${italianDate(romeDate())}`);
      await expect(row.getByRole('button', { name: 'Revoca' })).toHaveCount(0);
      expect((await api.get('/api/v1/topics', { headers: bearer })).status()).toBe(401);
    } finally {
      await api.dispose();
    }

    // Shown once: after a reload only the prefix is left.
    await page.reload();
    await TokensPage.verifyOnPage(page);
    await expect(tokens.row(purpose)).toBeVisible();
    await expect(tokens.newToken).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  test('administration: a new request topic reaches the front desk', async () => {
    await (await TokensPage.verifyOnPage(page)).openFromMenu('Tipologie di richiesta');
    const topics = await TopicsPage.verifyOnPage(page);
    await topics.add(NEW_TOPIC);
    await expect(topics.row(NEW_TOPIC.code)).toContainText(NEW_TOPIC.labelIt);
    await expect(topics.addForm.getByLabel('Codice')).toHaveValue('');

    await topics.openFromMenu('Sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(desk.topic(NEW_TOPIC.labelIt)).toBeVisible();
  });

  test('a viewer sees "Statistiche" but no personal data', async () => {
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Utenti');
    const users = await UsersPage.verifyOnPage(page);
    await users.add(VIEWER);
    await expect(users.successAlert).toHaveText('Utente creato.');
    await expect(users.row(VIEWER.email).getByRole('combobox')).toHaveValue('viewer');
    await users.logout();

    const login = await LoginPage.verifyOnPage(page);
    await login.login(VIEWER.email, VIEWER.password);
    // The viewer's home: the aggregate figures only.
    const home = await HomePage.verifyOnPage(page, 'Il centro in sintesi');
    await expect(home.navLink('Statistiche')).toHaveCount(1);
    for (const hidden of ['Sportello', 'Persone', 'Accessi', 'Utenti', 'Token API', 'Registro attività']) {
      await expect(home.navLink(hidden)).toHaveCount(0);
    }
    // Only pages of aggregated or public data: the home, statistics, the published reports, courses, events, network meetings and the calendar.
    await expect(home.mainNav.getByRole('link', { includeHidden: true })).toHaveText([
      'Home',
      'Corsi',
      'Eventi',
      'Incontri di rete',
      'Calendario',
      'Report di gestione',
      'Statistiche',
    ]);
    await expect(page.locator('body')).not.toContainText(MOHAMED.familyNames);

    for (const path of ['/people', `/people/${mohamedId}`, '/visits', '/sportello', '/admin/audit']) {
      await page.goto(path);
      await HomePage.verifyOnPage(page, 'Il centro in sintesi');
    }
    await home.openFromMenu('Statistiche');
    const stats = await StatisticsPage.verifyOnPage(page);
    await expect(stats.total).toHaveText('Totale accessi: 2');
    // The API agrees with the menu.
    expect((await page.request.get('/api/v1/people')).status()).toBe(403);
    expect((await page.request.get(`/api/v1/people/${mohamedId}`)).status()).toBe(403);
    expect((await page.request.get('/api/v1/visits')).status()).toBe(403);

    await stats.logout();
  });

  test('the audit log lists who opened the personal files', async () => {
    const login = await LoginPage.verifyOnPage(page);
    await login.login(ADMIN.email, ADMIN.password);
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.openFromMenu('Registro attività');
    const audit = await AuditPage.verifyOnPage(page);
    await expect(audit.rows().filter({ hasText: 'Accesso' }).first()).toBeVisible();

    await audit.filter({ action: 'read', entity: 'person' });
    await expect(page).toHaveURL(/action=read&entity=person/);
    // The file of Mohamed was opened twice (after creation, then from the list), Muhammad's twice
    // too (after the duplicate warning, then from the search); each opening is one read of the
    // whole file (GET /people/:id/file), and nothing else of the file is read again, but for the
    // desk reading whether the person chosen has had the privacy notice.
    const mohamedRows = audit.rows().filter({ hasText: `person #${mohamedId}` });
    await expect(mohamedRows.filter({ hasText: '"part":"file"' })).toHaveCount(2);
    await expect(mohamedRows.filter({ hasNotText: '"part":"file"' }).filter({ hasNotText: '"part":"privacy_notices"' })).toHaveCount(0);
    await expect(
      audit
        .rows()
        .filter({ hasText: `person #${muhammadId}` })
        .filter({ hasText: '"part":"file"' }),
    ).toHaveCount(2);
    for (const row of await audit.rows().all()) {
      await expect(row.getByRole('cell').nth(1)).toHaveText(ADMIN.email);
      await expect(row.getByRole('cell').nth(2)).toHaveText('Lettura');
    }
  });

  test('logout ends the session', async () => {
    const audit = await AuditPage.verifyOnPage(page);
    await audit.logout();
    const login = await LoginPage.verifyOnPage(page);
    await expect(login.loggedOutNotice).toBeVisible();
    await expect(login.mainNav).toHaveCount(0);

    await page.goto('/people');
    await LoginPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/login\?next=%2Fpeople$/);
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  test('someone working in two centres says which one a new file and an anonymous visit belong to', async ({ playwright }) => {
    // A second centre, and an operator of both, through the API as the administrator.
    const api = await playwright.request.newContext({ baseURL: readState().baseURL });
    try {
      const login = await api.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
      expect(login.status()).toBe(200);
      const admin = (await login.json()) as { csrfToken: string; centres: Array<{ id: number }> };
      const headers = { 'x-csrf-token': admin.csrfToken };
      const centre = await api.post('/api/v1/centres', { headers, data: SECOND_CENTRE });
      expect(centre.status(), await centre.text()).toBe(201);
      const { id: secondId } = (await centre.json()) as { id: number };
      const { displayName, email, password } = TWO_CENTRES_OPERATOR;
      const centreIds = [...admin.centres.map((c) => c.id), secondId];
      const user = await api.post('/api/v1/users', { headers, data: { displayName, email, password, role: 'operator', centreIds } });
      expect(user.status(), await user.text()).toBe(201);
    } finally {
      await api.dispose();
    }

    // Logged in, back on the page that asked for it.
    await (await LoginPage.verifyOnPage(page)).login(TWO_CENTRES_OPERATOR.email, TWO_CENTRES_OPERATOR.password);
    const people = await PeoplePage.verifyOnPage(page);
    await people.newPersonLink.click();
    const form = await PersonFormPage.verifyOnPage(page);
    const fileCentre = page.getByRole('combobox', { name: /^Centro\b/ });
    await expect(fileCentre.getByRole('option')).toHaveText(['Scegli…', ADMIN.centreName, SECOND_CENTRE.name]);
    await form.fill(OLENA);
    // A codice fiscale the browser lets through: the server refuses it, the form says why in Italian.
    await form.fiscalCode.fill('ABCDEF12G34H567I');
    await form.save();
    await expect(form.fiscalCode).toHaveAttribute('aria-invalid', 'true');
    await expect(form.fiscalCode).toHaveAccessibleDescription(
      /Codice fiscale non valido \(16 caratteri, oppure il numero provvisorio di 11 cifre\)$/,
    );
    await form.fiscalCode.fill('');
    await form.save();
    await expect(fileCentre).toHaveAttribute('aria-invalid', 'true');
    await expect(fileCentre).toHaveAccessibleDescription(/Campo obbligatorio per chi lavora in più centri/);
    await fileCentre.selectOption({ label: SECOND_CENTRE.name });
    await form.save();
    const file = await PersonPage.verifyOnPage(page, fullName(OLENA));
    await expect(file.successAlert).toHaveText('Persona registrata.');

    await file.openFromMenu('Sportello');
    const desk = await FrontDeskPage.verifyOnPage(page);
    await expect(desk.todaysCount()).toHaveText('2'); // the visits of Jesi
    await desk.startAnonymousVisit();
    await desk.describeAnonymousVisitor(ANONYMOUS_VISITOR);
    await desk.tick(desk.topic('Lavoro'));
    await desk.saveButton.click();
    const visitCentre = desk.anonymousVisitor.getByRole('combobox', { name: /^Centro\b/ });
    await expect(visitCentre).toHaveAttribute('aria-invalid', 'true');
    await visitCentre.selectOption({ label: SECOND_CENTRE.name });
    await desk.saveButton.click();
    await expect(desk.savedMessage('Anonimo')).toBeVisible();
    await expect(desk.todaysCount()).toHaveText('3');

    await desk.logout();
    await LoginPage.verifyOnPage(page);
  });
});
