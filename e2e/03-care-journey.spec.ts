/**
 * People in care, as an operator follows someone over the weeks, in Italian: a visit at the desk
 * becomes a case for a new person; a plan, a diary and a referral; a residence permit found again
 * on the Scadenze page; an application; a household and its case; the first case closed.
 * One browser page is shared by the steps (serial mode), as one operator at one desk.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import ApplicationsPage from './pages/applicationsPage.js';
import CaseFormPage from './pages/caseFormPage.js';
import CasePage from './pages/casePage.js';
import CasesPage from './pages/casesPage.js';
import DeadlinesPage from './pages/deadlinesPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import HouseholdFormPage from './pages/householdFormPage.js';
import HouseholdPage from './pages/householdPage.js';
import HouseholdsPage from './pages/householdsPage.js';
import LoginPage from './pages/loginPage.js';
import PeoplePage from './pages/peoplePage.js';
import PersonFormPage from './pages/personFormPage.js';
import PersonPage from './pages/personPage.js';
import { ADMIN, BLESSING, CHINEDU, fullName, OPERATOR } from './support/data.js';
import { daysFromToday, italianDate, romeDate, romeDateNextMonth } from './support/dates.js';
import { asUser, ensureUser, ok } from './support/seed.js';

test.describe.configure({ mode: 'serial' });

const GOAL = 'Trovare un lavoro stabile';
const ACTION_SOON = { description: 'Iscrizione al Centro per l’impiego', assignee: OPERATOR.displayName, dueOn: romeDate(14) };
const ACTION_LATE = { description: 'Aggiornare il curriculum', assigneeName: 'Blessing, con la mediatrice', dueOn: romeDate(-1) };
const NOTE = 'Primo colloquio: cerca lavoro come sarta; il permesso di soggiorno scade il mese prossimo.';
const RESTRICTED_NOTE = 'Segue una terapia presso il consultorio familiare.';

test.describe('Prese in carico: from a visit at the desk to a case, and on', () => {
  let context: BrowserContext;
  let page: Page;
  let caseId: number;
  let blessingId: number;
  const today = romeDate();
  // "Expires next month", on the centre's calendar: 15 to about 45 days away.
  const permitExpiry = romeDateNextMonth(15);

  test.beforeAll(async ({ browser }) => {
    // Run alone, the file needs the administrator (first run) and the operator of the desk journey.
    await ensureUser(OPERATOR);
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the desk records an anonymous visitor; the confirmation offers to open a case', async () => {
    const login = await LoginPage.open(page);
    await login.login(OPERATOR.email, OPERATOR.password);
    const desk = await FrontDeskPage.verifyOnPage(page);
    await desk.startAnonymousVisit();
    await desk.describeAnonymousVisitor({ gender: 'Donna', citizenship: 'Nigeria', ageBand: '30-44 anni' });
    await desk.tick(desk.topic('Lavoro'));
    await desk.saveButton.click();

    const saved = desk.savedMessage('Anonimo');
    await expect(saved).toBeVisible();
    // The desk is ready for the next visitor: the link does not take the focus.
    await expect(desk.search).toBeFocused();
    await saved.getByRole('link', { name: 'Apri presa in carico' }).click();

    await CaseFormPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/cases\/new\?visitId=\d+$/);
    await expect(page.getByText(`Dall’accesso del ${italianDate(today)}`)).toBeVisible();
    await expect(page.getByText('L’accesso è anonimo: scegli o registra la persona.')).toBeVisible();
  });

  test('she is new: "Nuova persona" takes the name typed, and saving comes back to the case with her chosen', async () => {
    const form = await CaseFormPage.verifyOnPage(page);
    await form.search.fill(`${BLESSING.givenNames} ${BLESSING.familyNames}`);
    await expect(page.getByRole('status').filter({ hasText: 'Nessuna persona trovata.' })).toBeVisible();
    await form.newPersonLink.click();

    const person = await PersonFormPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/people\/new$/); // the name travels out of the address
    await expect(person.givenNames).toHaveValue(BLESSING.givenNames);
    await expect(person.familyNames).toHaveValue(BLESSING.familyNames);
    await person.fill(BLESSING);
    await person.save();

    const back = await CaseFormPage.verifyOnPage(page);
    await expect(page).toHaveURL(/\/cases\/new\?visitId=\d+&personId=\d+$/);
    await expect(back.chosen).toHaveText(fullName(BLESSING));
    await expect(page.getByText(`Dall’accesso del ${italianDate(today)}`)).toBeVisible();
    await expect(back.search).toHaveCount(0);
  });

  test('the case opens with its areas of need; the operator is responsible by default', async () => {
    const form = await CaseFormPage.verifyOnPage(page);
    await expect(form.openedOn).toHaveValue(today);
    await expect(form.responsible.locator('option:checked')).toHaveText(OPERATOR.displayName);

    // At least one area of need: said next to the areas.
    await form.submit.click();
    await expect(form.areas.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/cases\/new\?/);

    await form.tick(form.area('Lavoro'));
    await form.tick(form.area('Documenti'));
    await form.summary.fill('Arrivata a Jesi da un anno, vive con il marito. Cerca lavoro; il permesso è da rinnovare.');
    await form.submit.click();

    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    caseId = file.id();
    await expect(file.successAlert).toHaveText('Presa in carico aperta.');
    await expect(file.status).toHaveText('Aperta');
    await expect(file.fact('Operatore responsabile')).toHaveText(OPERATOR.displayName);
    await expect(file.fact('Ambiti di bisogno')).toHaveText('Lavoro, Documenti');
    await expect(file.fact('Inviato da')).toHaveText('Spontaneo'); // as the visit said
    await expect(file.fact('Aperta il')).toHaveText(italianDate(today));
    await expect(file.periods.locator('tbody tr')).toHaveCount(1);
    await expect(file.periods.locator('tbody tr')).toContainText('in corso');
  });

  test('the plan: a goal with two actions, one of them overdue, which "Prese in carico" lists', async () => {
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    await expect(file.plan).toContainText('Nessun obiettivo ancora.');
    await file.addGoal(GOAL, 'Un contratto di almeno sei mesi, anche part-time.');
    await expect(file.goal(GOAL)).toContainText('Nessuna azione.');

    await file.addAction(GOAL, ACTION_SOON);
    await file.addAction(GOAL, ACTION_LATE);
    const soon = file.action(GOAL, ACTION_SOON.description);
    await expect(soon).toContainText(OPERATOR.displayName);
    await expect(soon).toContainText(italianDate(ACTION_SOON.dueOn));
    await expect(soon).not.toContainText('Scaduta');
    const late = file.action(GOAL, ACTION_LATE.description);
    await expect(late).toContainText(ACTION_LATE.assigneeName);
    await expect(late).toContainText(`${italianDate(ACTION_LATE.dueOn)}Scaduta`);

    // Started: the status is saved on the action's own row.
    const status = soon.getByRole('combobox', { name: `Stato: ${ACTION_SOON.description}` });
    await status.selectOption({ label: 'In corso' });
    await soon.getByRole('button', { name: 'Salva stato' }).click();
    await expect(file.action(GOAL, ACTION_SOON.description).getByRole('combobox')).toHaveValue('in_progress');

    await file.openFromMenu('Prese in carico');
    const cases = await CasesPage.verifyOnPage(page);
    await expect(cases.overdue.getByRole('heading')).toHaveText('Azioni scadute 1');
    const overdue = cases.overdueRow(ACTION_LATE.description);
    await expect(overdue).toContainText(italianDate(ACTION_LATE.dueOn));
    await expect(overdue).toContainText(GOAL);
    await expect(cases.row(fullName(BLESSING))).toContainText('Aperta');
    await expect(cases.row(fullName(BLESSING))).toContainText(OPERATOR.displayName);
    await overdue.getByRole('link', { name: fullName(BLESSING) }).click();
    expect((await CasePage.verifyOnPage(page, fullName(BLESSING))).id()).toBe(caseId);
  });

  test('two people change the case at once: the second save is refused (409), nothing is overwritten, the page reloads', async () => {
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    await file.editDetailsButton.click();
    const summary = page.getByLabel('Sintesi della situazione');
    await expect(summary).toBeVisible();

    // Meanwhile the coordinator of the centre (here the administrator) corrects the summary.
    const theirs = 'Arrivata a Jesi da un anno con il marito. Parla inglese e un po’ di italiano.';
    await asUser(async ({ api, headers }) => {
      const current = await ok<{ version: number }>(api.get(`/api/v1/cases/${caseId}`));
      await ok(api.patch(`/api/v1/cases/${caseId}`, { headers, data: { version: current.version, summary: theirs } }));
    });

    await summary.fill('Un’altra sintesi, scritta senza sapere della correzione.');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(file.errorAlert).toHaveText('Qualcun altro ha modificato questi dati nel frattempo: ricarica la pagina e riprova.');
    await page.getByRole('button', { name: 'Ricarica' }).click();
    await expect(summary).toHaveValue(theirs);
    await page.getByRole('button', { name: 'Annulla' }).click();
    await expect(page.getByText(theirs)).toBeVisible();
  });

  test('the diary: a note for everyone who follows her, a restricted one; a referral to the Centro per l’impiego', async () => {
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    await expect(file.diary).toContainText('Nessuna nota.');
    await file.addNote(NOTE);
    await file.addNote(RESTRICTED_NOTE, 'Riservata: salute');
    await expect(file.notes()).toHaveCount(2);
    const restricted = file.notes().filter({ hasText: RESTRICTED_NOTE });
    await expect(restricted).toContainText('Riservata: salute');
    await expect(restricted).toContainText(`${italianDate(today)}, ${OPERATOR.displayName}`);
    await expect(file.notes().filter({ hasText: NOTE })).not.toContainText('Riservata');

    await expect(file.referrals).toContainText('Nessun invio registrato.');
    await file.addReferral({ service: "Centro per l'impiego", detail: 'Sede di Jesi', reason: 'Iscrizione e colloquio di orientamento' });
    const referral = file.referrals.getByRole('table').locator('tbody tr');
    await expect(referral).toHaveCount(1);
    await expect(referral).toContainText('Invio ad altro servizio');
    await expect(referral.getByRole('combobox')).toHaveValue('sent');
  });

  test('a residence permit that expires next month, on her file; then on "Scadenze" and at the desk', async () => {
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    await file.personFileLink.click();
    const person = await PersonPage.verifyOnPage(page, fullName(BLESSING));
    blessingId = person.id();
    await expect(person.caseRow(fullName(BLESSING))).toContainText('Aperta');
    await expect(person.documents).toContainText('Nessun permesso di soggiorno registrato.');

    await person.addPermit({ type: 'Attesa occupazione', number: 'J1234567', issuedOn: romeDate(-360), expiresOn: permitExpiry });
    await expect(person.documents.getByRole('status')).toHaveText('Documento salvato.');
    const permit = person.permits.locator('tbody tr');
    await expect(permit).toHaveCount(1);
    await expect(permit).toContainText('Attesa occupazione');
    await expect(permit).toContainText(`${italianDate(permitExpiry)}In scadenza (tra ${daysFromToday(permitExpiry)} giorni)`);

    await person.openFromMenu('Sportello');
    await FrontDeskPage.verifyOnPage(page);
    const notice = page.getByTestId('deadlines-notice');
    await expect(notice).toHaveText('1 permesso in scadenza nei prossimi 60 giorni, 0 scaduti');
    await notice.getByRole('link').click();

    const deadlines = await DeadlinesPage.verifyOnPage(page);
    await expect(deadlines.withinDays).toHaveValue('60');
    await expect(deadlines.count(deadlines.expiring)).toHaveText('1');
    await expect(deadlines.count(deadlines.expired)).toHaveText('0');
    const row = deadlines.row(deadlines.expiring, fullName(BLESSING));
    await expect(row).toContainText('Attesa occupazione');
    await expect(row).toContainText('J1234567');
    await expect(row).toContainText(italianDate(permitExpiry));
    await expect(row).toContainText(`tra ${daysFromToday(permitExpiry)} giorni`);
    await row.getByRole('link', { name: fullName(BLESSING) }).click();
    await PersonPage.verifyOnPage(page, fullName(BLESSING));
  });

  test('an application filled in with her: on her file, and counted on "Domande"', async () => {
    const person = await PersonPage.verifyOnPage(page, fullName(BLESSING));
    await expect(person.applications).toContainText('Nessuna domanda registrata.');
    await person.recordApplication('Assegno unico universale');
    await expect(person.applications.getByRole('status')).toHaveText('Domanda registrata.');
    const row = person.applications.getByRole('table').locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(italianDate(today));
    await expect(row).toContainText('Assegno unico universale');
    await expect(row).toContainText('Nazionale');
    await expect(row).toContainText(OPERATOR.displayName);
    await expect(row.getByRole('combobox')).toHaveValue('submitted');

    await person.openFromMenu('Domande');
    const applications = await ApplicationsPage.verifyOnPage(page);
    await expect(applications.countIn(applications.byType, 'Assegno unico universale')).toHaveText('1');
    await expect(applications.countIn(applications.byLevel, 'Nazionale')).toHaveText('1');
    await expect(applications.list.locator('tbody tr').filter({ hasText: fullName(BLESSING) })).toContainText('Assegno unico universale');
  });

  test('her husband’s file, and a household of the two', async () => {
    await (await ApplicationsPage.verifyOnPage(page)).openFromMenu('Persone');
    await (await PeoplePage.verifyOnPage(page)).newPersonLink.click();
    const form = await PersonFormPage.verifyOnPage(page);
    await form.fill(CHINEDU);
    await form.save();
    const husband = await PersonPage.verifyOnPage(page, fullName(CHINEDU));
    await expect(husband.successAlert).toHaveText('Persona registrata.');
    await expect(husband.household).toContainText('Non fa parte di alcun nucleo familiare.');

    await husband.openFromMenu('Nuclei familiari');
    const households = await HouseholdsPage.verifyOnPage(page);
    await households.newHouseholdLink.click();
    const draft = await HouseholdFormPage.verifyOnPage(page);
    await draft.addMember('Blessing', fullName(BLESSING), 'Intestatario/persona di riferimento');
    await expect(draft.name).toHaveValue(BLESSING.familyNames); // named after the first member
    await draft.addMember('Chinedu', fullName(CHINEDU), 'Coniuge/partner');
    await draft.createButton.click();

    const household = await HouseholdPage.verifyOnPage(page, BLESSING.familyNames);
    await expect(household.successAlert).toHaveText('Nucleo creato.');
    await expect(household.members.locator('tbody tr')).toHaveCount(2);
    await expect(household.memberRow(fullName(BLESSING))).toContainText('Intestatario/persona di riferimento');
    await expect(household.memberRow(fullName(CHINEDU))).toContainText('Coniuge/partner');
  });

  test('a case for the household: she is followed already, so her own case is closed (date, reason) first', async () => {
    const household = await HouseholdPage.verifyOnPage(page, BLESSING.familyNames);
    await household.openCaseLink.click();
    const form = await CaseFormPage.verifyOnPage(page);
    await expect(form.chosen).toHaveText(`Nucleo ${BLESSING.familyNames}`);
    await expect(form.member(`${fullName(BLESSING)} (Intestatario/persona di riferimento)`)).toBeChecked();
    await expect(form.member(`${fullName(CHINEDU)} (Coniuge/partner)`)).toBeChecked();
    await form.tick(form.area('Famiglia'));
    await form.submit.click();

    // 409: the API names her open case, and the form links to it.
    await expect(form.alreadyOpen).toContainText(fullName(BLESSING));
    await form.alreadyOpen.getByRole('link', { name: 'Apri la presa in carico esistente' }).click();
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    expect(file.id()).toBe(caseId);

    await file.close(today, 'Altro', 'Prosegue nella presa in carico del nucleo familiare.');
    await expect(file.status).toHaveText('Chiusa');
    await expect(file.fact('Chiusa il')).toHaveText(italianDate(today));
    const period = file.periods.locator('tbody tr');
    await expect(period).toHaveCount(1);
    await expect(period.getByRole('cell')).toHaveText([
      italianDate(today),
      italianDate(today),
      'Altro',
      'Prosegue nella presa in carico del nucleo familiare.',
    ]);
    await expect(file.closeForm).toHaveCount(0);
    await file.reopenButton.click();
    await expect(file.reopenForm).toBeVisible();

    // Back to the household's form: now the case opens, for both.
    await page.goBack();
    const again = await CaseFormPage.verifyOnPage(page);
    await expect(again.member(`${fullName(BLESSING)} (Intestatario/persona di riferimento)`)).toBeChecked();
    await again.tick(again.area('Famiglia'));
    await again.tick(again.area('Casa'));
    await again.submit.click();
    const householdCase = await CasePage.verifyOnPage(page, `Nucleo ${BLESSING.familyNames}`);
    await expect(householdCase.successAlert).toHaveText('Presa in carico aperta.');
    await expect(householdCase.fact('Persone incluse')).toHaveText(
      'Blessing Okafor (Intestatario/persona di riferimento), Chinedu Okafor (Coniuge/partner)',
    );
    await expect(householdCase.fact('Ambiti di bisogno')).toHaveText('Famiglia, Casa');

    // Her file keeps both: the household's case open, her own closed.
    await page.goto(`/people/${blessingId}`);
    const person = await PersonPage.verifyOnPage(page, fullName(BLESSING));
    await expect(person.cases.getByRole('heading', { level: 2 })).toHaveText('Prese in carico 2');
    await expect(person.caseRow(`Nucleo ${BLESSING.familyNames}`)).toContainText('Aperta');
    await expect(person.caseRow(fullName(BLESSING))).toContainText('Chiusa');
    await expect(person.cases.getByRole('link', { name: 'Apri presa in carico' })).toHaveCount(0);
  });

  test('a colleague who is not responsible for her case does not read the restricted note', async () => {
    await (await PersonPage.verifyOnPage(page, fullName(BLESSING))).logout();
    await (await LoginPage.verifyOnPage(page)).login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
    await page.goto(`/cases/${caseId}`);
    const file = await CasePage.verifyOnPage(page, fullName(BLESSING));
    await expect(file.notes()).toHaveCount(1);
    await expect(file.diary).toContainText(NOTE);
    await expect(file.diary).not.toContainText(RESTRICTED_NOTE);
    await expect(file.diary).toContainText('1 nota riservata non visibile per il tuo ruolo.');
    await file.logout();
  });
});
