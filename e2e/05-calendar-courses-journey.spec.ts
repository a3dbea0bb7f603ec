/**
 * The centre's calendar and its activities, in Italian, as the coordinator and an operator run
 * them: opening hours with a change from a date, a closure, the month's open days and hours; a
 * language club and its lessons (a holiday and the closure skipped); three learners, attendance
 * taken with the keyboard, the course's figures; a waiting-list request placed into the club; the
 * public hours page and its iCal feed; an outing with its PDF invitation; a network meeting.
 * Every expected figure is worked out here, by hand, from the dates (support/calendar.ts).
 * One browser page is shared by the steps (serial mode).
 */
import { type BrowserContext, expect, type Page, request, test } from '@playwright/test';
import AttendancePage from './pages/attendancePage.js';
import CalendarPage, { type SlotInput } from './pages/calendarPage.js';
import CourseFormPage from './pages/courseFormPage.js';
import CoursePage from './pages/coursePage.js';
import CoursesPage from './pages/coursesPage.js';
import EventsPage from './pages/eventsPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import NetworkMeetingsPage from './pages/networkMeetingsPage.js';
import PersonPage from './pages/personPage.js';
import PublicHoursPage from './pages/publicHoursPage.js';
import WaitingListPage from './pages/waitingListPage.js';
import { ensurePeople } from './support/activitiesSeed.js';
import {
  addDays,
  datesBetween,
  firstOfNextMonth,
  isHoliday,
  maxDate,
  minDate,
  monthFigures,
  nearestWorkingDayHoliday,
  type Week,
  weekdayOf,
} from './support/calendar.js';
import { ADMIN, apiPersonName, COORDINATOR, FATIMA, OKSANA, OPERATOR, RAHIM, TESFAYE } from './support/data.js';
import { italianDate, italianLongDate, romeDate } from './support/dates.js';
import { asUser, ensureUser, ok } from './support/seed.js';
import { readState } from './support/state.js';

test.describe.configure({ mode: 'serial' });

const WEEKDAY_NAMES = ['', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];

const today = romeDate();
const year = Number(today.slice(0, 4));
const thisMonth = `${today.slice(0, 7)}-01`;

// The hours: every weekday morning, Tuesday and Thursday afternoons too; from the first of next
// month, Tuesday afternoon closed.
const FIRST_HOURS_FROM = `${year - 1}-01-01`;
const NEW_HOURS_FROM = firstOfNextMonth(today);
const morning: [string, string] = ['09:00', '13:00'];
const afternoon: [string, string] = ['15:00', '18:00'];
const WEEK: Week = { 1: [morning], 2: [morning, afternoon], 3: [morning], 4: [morning, afternoon], 5: [morning] };
const WEEK_FROM_NEXT_MONTH: Week = { ...WEEK, 2: [morning] };
const weekOn = (date: string) => (date >= NEW_HOURS_FROM ? WEEK_FROM_NEXT_MONTH : WEEK);
const slotsOf = (week: Week): SlotInput[] =>
  Object.entries(week).flatMap(([weekday, slots]) =>
    slots.map(([from, to]) => ({ weekday: WEEKDAY_NAMES[Number(weekday)] as string, from, to })),
  );

// The closure: the third Wednesday of next month and the Thursday after (a week later if one is a holiday).
function closureDays(): { from: string; to: string } {
  let wednesday = datesBetween(addDays(NEW_HOURS_FROM, 14), addDays(NEW_HOURS_FROM, 20)).find((d) => weekdayOf(d) === 3) as string;
  while (isHoliday(wednesday) || isHoliday(addDays(wednesday, 1))) wednesday = addDays(wednesday, 7);
  return { from: wednesday, to: addDays(wednesday, 1) };
}
const CLOSURE = { ...closureDays(), reason: 'Formazione del personale' };
const inClosure = (date: string) => CLOSURE.from <= date && date <= CLOSURE.to;

// The course: on Wednesdays (the closure's day) and on the weekday of the nearest public holiday,
// from three weeks ago (or the holiday) to a week after the closure (or the holiday).
const HOLIDAY = nearestWorkingDayHoliday(today);
const COURSE_WEEKDAYS = [...new Set([3, weekdayOf(HOLIDAY) === 3 ? 1 : weekdayOf(HOLIDAY)])].sort();
const COURSE = {
  kind: 'Club linguistico',
  title: 'Club linguistico A2',
  level: 'A2',
  partner: 'SAI «Ancona Provincia d’Asilo»',
  place: 'Aula 1 del centro',
  startDate: minDate(HOLIDAY, addDays(today, -21)),
  endDate: addDays(maxDate(HOLIDAY, CLOSURE.to), 7),
  weekdays: COURSE_WEEKDAYS.map((d) => WEEKDAY_NAMES[d] as string),
  startTime: '15:00',
  lessonMinutes: 120,
  capacity: 12,
};
const LESSONS = datesBetween(COURSE.startDate, COURSE.endDate).filter(
  (d) => COURSE_WEEKDAYS.includes(weekdayOf(d)) && !isHoliday(d) && !inClosure(d),
);
const PAST_LESSONS = LESSONS.filter((d) => d <= today);
const [FIRST_TAKEN, SECOND_TAKEN] = PAST_LESSONS.slice(-2) as [string, string];

const LEARNERS = [
  { person: FATIMA, search: FATIMA.familyNames, programme: 'Beneficiario SAI' },
  { person: TESFAYE, search: TESFAYE.familyNames, programme: 'Beneficiario SAI' },
  { person: OKSANA, search: OKSANA.familyNames, programme: 'Utente del centro' },
];

test.describe('Calendario e attività: the hours, a language club, its learners, the public page, events', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // Run alone, the file needs the administrator (first run); the people come from the desk.
    await ensureUser(COORDINATOR);
    await ensureUser(OPERATOR);
    await asUser((session) => ensurePeople(session, [FATIMA, TESFAYE, OKSANA, RAHIM]));
    context = await browser.newContext();
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the coordinator sets the opening hours: every morning, Tuesday and Thursday afternoons; the month counts them', async () => {
    await (await LoginPage.open(page)).login(COORDINATOR.email, COORDINATOR.password);
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Calendario');
    const calendar = await CalendarPage.verifyOnPage(page);
    await expect(calendar.hours).toContainText('Nessun orario inserito');
    await expect(calendar.monthFigures).toHaveText('0 giorni di apertura, 0 h di apertura, 0 giorni di chiusura.');

    await calendar.createHoursSet(FIRST_HOURS_FROM, 'Orario con due pomeriggi');
    const editor = calendar.slotEditor(italianDate(FIRST_HOURS_FROM));
    await expect(editor.getByRole('group')).toHaveCount(0); // nothing in force before: an empty set
    await calendar.addSlots(editor, slotsOf(WEEK));
    await calendar.saveSlots(editor);

    await expect(calendar.hours.getByRole('status')).toHaveText('Modifiche salvate.');
    await expect(calendar.hoursSet(italianDate(FIRST_HOURS_FROM)).getByRole('heading')).toHaveText(
      `In vigore dal ${italianDate(FIRST_HOURS_FROM)}`,
    );
    await expect(calendar.slotsOf(italianDate(FIRST_HOURS_FROM), 'martedì')).toHaveText('09:00–13:00, 15:00–18:00');
    await expect(calendar.slotsOf(italianDate(FIRST_HOURS_FROM), 'mercoledì')).toHaveText('09:00–13:00');
    await expect(calendar.slotsOf(italianDate(FIRST_HOURS_FROM), 'sabato')).toHaveText('Chiuso');
    await expect(calendar.monthFigures).toHaveText(CalendarPage.figuresText(monthFigures(thisMonth, () => WEEK)));
  });

  test('from the first of next month Tuesday afternoon is closed: next month drops, this month keeps its hours', async () => {
    const calendar = await CalendarPage.verifyOnPage(page);
    await calendar.nextMonth();
    await expect(calendar.monthFigures).toHaveText(CalendarPage.figuresText(monthFigures(NEW_HOURS_FROM, () => WEEK)));

    await calendar.createHoursSet(NEW_HOURS_FROM, 'Martedì pomeriggio chiuso');
    const editor = calendar.slotEditor(italianDate(NEW_HOURS_FROM));
    // The new set starts as a copy of the one in force: only the change is typed.
    await expect(editor.getByRole('group')).toHaveCount(slotsOf(WEEK).length);
    await calendar.removeSlot(editor, 'martedì', '15:00');
    await calendar.saveSlots(editor);

    const dayBefore = addDays(NEW_HOURS_FROM, -1);
    await expect(calendar.hoursSet(italianDate(FIRST_HOURS_FROM)).getByRole('heading')).toHaveText(
      `In vigore dal ${italianDate(FIRST_HOURS_FROM)} fino al ${italianDate(dayBefore)}`,
    );
    await expect(calendar.slotsOf(italianDate(NEW_HOURS_FROM), 'martedì')).toHaveText('09:00–13:00');
    await expect(calendar.slotsOf(italianDate(NEW_HOURS_FROM), 'giovedì')).toHaveText('09:00–13:00, 15:00–18:00');
    await expect(calendar.monthFigures).toHaveText(CalendarPage.figuresText(monthFigures(NEW_HOURS_FROM, weekOn)));
    const tuesday = datesBetween(NEW_HOURS_FROM, addDays(NEW_HOURS_FROM, 13)).find((d) => weekdayOf(d) === 2 && !isHoliday(d)) as string;
    await expect(calendar.day(tuesday)).toHaveText(`${Number(tuesday.slice(8))}09:00–13:00`);

    // The past is left as it was.
    await calendar.month.getByRole('button', { name: 'Mese precedente' }).click();
    await expect(calendar.monthFigures).toHaveText(CalendarPage.figuresText(monthFigures(thisMonth, () => WEEK)));
  });

  test('a closure of two days next month: the month shows why, its open days and hours drop', async () => {
    const calendar = await CalendarPage.verifyOnPage(page);
    await calendar.nextMonth();
    if (Number(CLOSURE.from.slice(0, 4)) !== year) await calendar.showYear(Number(CLOSURE.from.slice(0, 4)));
    await calendar.addClosure(CLOSURE.from, CLOSURE.to, CLOSURE.reason);

    await expect(calendar.closures.getByRole('status')).toHaveText('Modifiche salvate.');
    await expect(calendar.closures.getByRole('table').locator('tbody tr').getByRole('cell')).toHaveText([
      italianLongDate(CLOSURE.from),
      italianLongDate(CLOSURE.to),
      '2',
      CLOSURE.reason,
      'ModificaElimina',
    ]);
    await expect(calendar.day(CLOSURE.from)).toContainText(`Chiusura: ${CLOSURE.reason}`);
    await expect(calendar.day(CLOSURE.to)).toContainText(`Chiusura: ${CLOSURE.reason}`);
    await expect(calendar.monthFigures).toHaveText(CalendarPage.figuresText(monthFigures(NEW_HOURS_FROM, weekOn, [CLOSURE])));
  });

  test('a language club for the SAI project: its lessons skip the holiday and the closure', async () => {
    const calendar = await CalendarPage.verifyOnPage(page);
    await calendar.openFromMenu('Corsi');
    const courses = await CoursesPage.verifyOnPage(page);
    await courses.newCourseLink.click();
    const form = await CourseFormPage.verifyOnPage(page);
    await form.fill(COURSE);
    await form.save();

    const course = await CoursePage.verifyOnPage(page, COURSE.title);
    await expect(course.successAlert).toHaveText('Corso creato. Ora puoi generare gli incontri.');
    await expect(course.fact('Progetto partner')).toHaveText(COURSE.partner);
    await expect(course.fact('Livello')).toHaveText('A2');
    await expect(course.fact('Giorni e orario')).toHaveText(`${COURSE.weekdays.join(', ')} · 15:00 · 2 h`);
    await expect(course.fact('Posti')).toHaveText('0 su 12');
    await expect(course.lessons).toContainText('Nessun incontro');

    await course.generateLessons();
    await expect(course.lessons.getByRole('status').first()).toHaveText(`Incontri aggiunti: ${LESSONS.length}, rimossi: 0, rimasti: 0.`);
    await expect(course.skipped().filter({ hasText: new RegExp(`^${italianLongDate(HOLIDAY)}: festività`) })).toHaveCount(1);
    await expect(course.skipped().filter({ hasText: italianLongDate(CLOSURE.from) })).toHaveText(
      `${italianLongDate(CLOSURE.from)}: chiusura del centro (${CLOSURE.reason})`,
    );
    await expect(course.lessonRows).toHaveCount(LESSONS.length);
    await expect(course.lesson(italianLongDate(HOLIDAY))).toHaveCount(0);
    await expect(course.lesson(italianLongDate(CLOSURE.from))).toHaveCount(0);
    await expect(course.lesson(italianLongDate(LESSONS[0] as string))).toContainText('Programmato');
    await expect(course.figure('Incontri programmati')).toHaveText(String(LESSONS.length));
    await expect(course.figure('Incontri svolti')).toHaveText('0');
    await course.logout();
  });

  test('an operator enrols three learners: two from the SAI project, one user of the centre', async () => {
    await (await LoginPage.verifyOnPage(page)).login(OPERATOR.email, OPERATOR.password);
    await (await FrontDeskPage.verifyOnPage(page)).openFromMenu('Corsi');
    const courses = await CoursesPage.verifyOnPage(page);
    await expect(courses.row(COURSE.title)).toContainText('0 su 12');
    await courses.row(COURSE.title).getByRole('link', { name: COURSE.title }).click();
    const course = await CoursePage.verifyOnPage(page, COURSE.title);
    // Lessons are the coordinator's: the operator does not generate them.
    await expect(course.lessons.getByRole('button', { name: /^(Genera|Rigenera) gli incontri$/ })).toHaveCount(0);

    for (const { person, search, programme } of LEARNERS) {
      await course.enrol(search, apiPersonName(person), programme, COURSE.startDate);
    }
    await expect(course.enrolments.getByRole('table').locator('tbody tr')).toHaveCount(3);
    // Enrolled twice by mistake: refused, said in Italian.
    await course.choosePerson(FATIMA.familyNames, apiPersonName(FATIMA), course.enrolForm);
    await course.enrolForm.getByLabel(/^Provenienza\b/).selectOption({ label: 'Beneficiario SAI' });
    await course.enrolForm.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await expect(course.errorAlert).toHaveText('La persona è già iscritta a questo corso.');
    await expect(course.enrolments.getByRole('table').locator('tbody tr')).toHaveCount(3);
    await expect(course.learner(apiPersonName(OKSANA))).toContainText('Utente del centro');
    await expect(course.learner(apiPersonName(OKSANA))).toContainText(italianDate(COURSE.startDate));
    await expect(course.figure('Iscritti')).toHaveText('3');
    await expect(course.figure('di cui Beneficiario SAI')).toHaveText('2');
    await expect(course.figure('di cui Utente del centro')).toHaveText('1');
    await expect(course.fact('Posti')).toHaveText('3 su 12');
  });

  test('attendance with the keyboard (Space ticks, arrows move), then "Tutti presenti"; the course’s figures', async () => {
    let course = await CoursePage.verifyOnPage(page, COURSE.title);
    await course.lesson(italianLongDate(FIRST_TAKEN)).getByRole('link', { name: 'Presenze' }).click();
    let screen = await AttendancePage.verifyOnPage(page, COURSE.title, italianLongDate(FIRST_TAKEN));
    await expect(screen.boxes).toHaveCount(3);
    await expect(screen.count).toHaveText('Presenti: 0 su 3');
    const names = await screen.table.getByRole('rowheader').allTextContents();

    // The first learner has the focus: Space, arrow down, Space; Tab twice reaches "Salva".
    await expect(screen.boxes.nth(0)).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(screen.boxes.nth(1)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(screen.count).toHaveText('Presenti: 2 su 3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(screen.saveButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(screen.successAlert).toHaveText('Presenze salvate: 2 presenti su 3.');
    await expect(screen.learner(names[0] as string)).toBeChecked();
    await expect(screen.learner(names[1] as string)).toBeChecked();
    await expect(screen.learner(names[2] as string)).not.toBeChecked();

    await page.getByRole('link', { name: `← ${COURSE.title}` }).click();
    course = await CoursePage.verifyOnPage(page, COURSE.title);
    await expect(course.lesson(italianLongDate(FIRST_TAKEN))).toContainText('Svolto');
    await expect(course.lesson(italianLongDate(FIRST_TAKEN))).toContainText('2 presenti su 3');

    await course.lesson(italianLongDate(SECOND_TAKEN)).getByRole('link', { name: 'Presenze' }).click();
    screen = await AttendancePage.verifyOnPage(page, COURSE.title, italianLongDate(SECOND_TAKEN));
    // Meanwhile the coordinator takes the same attendance from her desk: only the first learner present.
    const lessonId = Number(new URL(page.url()).pathname.split('/')[2]);
    await asUser(async ({ api, headers }) => {
      const read = await ok<{ lesson: { version: number }; learners: Array<{ enrolmentId: number }> }>(
        api.get(`/api/v1/lessons/${lessonId}/attendance`),
      );
      const entries = read.learners.map((learner, i) => ({ enrolmentId: learner.enrolmentId, present: i === 0 }));
      await ok(api.put(`/api/v1/lessons/${lessonId}/attendance`, { headers, data: { version: read.lesson.version, entries } }));
    }, COORDINATOR);
    await screen.allPresentButton.click();
    await screen.saveButton.click();
    // Refused (409): nothing overwritten; the screen shows what she saved, and says why.
    await expect(screen.count).toHaveText('Presenti: 1 su 3');
    await expect(screen.learner(names[0] as string)).toBeChecked();
    await expect(page.getByRole('alert')).toHaveText(
      'Qualcun altro ha salvato le presenze di questo incontro nel frattempo: qui sotto ci sono quelle salvate. Correggile se serve e salva di nuovo.',
    );
    await screen.allPresentButton.click();
    await expect(screen.count).toHaveText('Presenti: 3 su 3');
    await screen.saveButton.click();
    await expect(screen.successAlert).toHaveText('Presenze salvate: 3 presenti su 3.');

    await page.getByRole('link', { name: `← ${COURSE.title}` }).click();
    course = await CoursePage.verifyOnPage(page, COURSE.title);
    await expect(course.figure('Incontri svolti')).toHaveText('2');
    await expect(course.figure('Ore svolte')).toHaveText('4');
    await expect(course.figure('Incontri programmati')).toHaveText(String(LESSONS.length - 2));
    await expect(course.figure('Iscritti')).toHaveText('3');
    await expect(course.figure('di cui Beneficiario SAI')).toHaveText('2');
    await expect(course.figure('di cui Utente del centro')).toHaveText('1');
    // 5 presences out of 6 expected; two learners came to both lessons (≥ 70%), one to one of two.
    await expect(course.figure('Tasso di presenza')).toHaveText('83,3%');
    await expect(course.figure(/^Hanno completato \(presenze ≥ 70%\)$/)).toHaveText('2');
    await expect(course.learner(names[2] as string)).toContainText('1 su 2');
    await expect(course.learner(names[0] as string)).toContainText('2 su 2');
  });

  test('a waiting-list request for adult Italian, placed into the club: the learner appears enrolled', async () => {
    await (await CoursePage.verifyOnPage(page, COURSE.title)).openFromMenu('Liste d’attesa');
    const waiting = await WaitingListPage.verifyOnPage(page);
    const rahim = apiPersonName(RAHIM);
    await waiting.add(RAHIM.familyNames, rahim, 'Italiano L2 adulti', addDays(today, -30), 'Alta', 'Preferisce il pomeriggio');
    const row = waiting.row(rahim);
    await expect(row.getByRole('cell')).toHaveText([
      'Italiano L2 adulti',
      italianDate(addDays(today, -30)),
      '30',
      'Alta',
      'In attesa',
      'Inserisci in un corsoRitira',
    ]);
    await expect(await waiting.summaryCount('Italiano L2 adulti', 'In attesa')).toHaveText('1');

    const place = await waiting.openPlaceForm(rahim);
    await place
      .getByLabel(/^Corso\b/)
      .selectOption({ label: `${COURSE.title} (${italianDate(COURSE.startDate)} – ${italianDate(COURSE.endDate)}) · 3/12` });
    await place.getByLabel(/^Provenienza\b/).selectOption({ label: 'Utente del centro' });
    await expect(place.getByLabel(/^Data di iscrizione\b/)).toHaveValue(today);
    await place.getByRole('button', { name: 'Iscrivi al corso' }).click();
    await expect(waiting.successAlert).toHaveText(`Iscrizione registrata: ${rahim} al corso «${COURSE.title}».`);
    await expect(waiting.row(rahim)).toHaveCount(0); // no longer waiting
    await expect(await waiting.summaryCount('Italiano L2 adulti', 'Inserite')).toHaveText('1');

    await waiting.showStatus('Inserita in un corso');
    await expect(waiting.row(rahim)).toContainText(`Inserita in un corso (${italianDate(today)})`);
    await waiting.row(rahim).getByRole('link', { name: COURSE.title }).click();

    const course = await CoursePage.verifyOnPage(page, COURSE.title);
    await expect(course.learner(rahim)).toContainText('Utente del centro');
    await expect(course.learner(rahim)).toContainText(italianDate(today));
    await expect(course.figure('Iscritti')).toHaveText('4');
    await expect(course.fact('Posti')).toHaveText('4 su 12');

    await course.learner(rahim).getByRole('link', { name: rahim }).click();
    const file = await PersonPage.verifyOnPage(page, rahim);
    await expect(file.courses.getByRole('heading', { level: 2 })).toHaveText('Corsi 1');
    await expect(file.courseEnrolments.getByRole('rowheader')).toHaveText(COURSE.title);
    await expect(file.courseEnrolments).toContainText(`Club linguistico · A2`);
    await expect(file.waitingLists.locator('th, td')).toHaveText([
      'Italiano L2 adulti',
      italianDate(addDays(today, -30)),
      `Inserita in un corso · ${COURSE.title}`,
      '30',
    ]);
  });

  test('the public hours page, without logging in: the hours, the change, the closure; the iCal feed', async ({ browser }) => {
    const visitor = await browser.newContext();
    try {
      const publicPage = await visitor.newPage();
      const hours = await PublicHoursPage.open(publicPage, ADMIN.centreCode);
      await expect(hours.heading).toHaveText(`Orari di apertura: ${ADMIN.centreName}`);
      await expect(hours.mainNav).toHaveCount(0);
      await expect(hours.current.getByRole('table')).toHaveAccessibleName(`Orario in vigore dal ${italianDate(FIRST_HOURS_FROM)}`);
      await expect(hours.slotsOf(hours.current, 'martedì')).toHaveText('09:00–13:00, 15:00–18:00');
      await expect(hours.slotsOf(hours.current, 'domenica')).toHaveText('Chiuso');
      const change = hours.next(italianLongDate(NEW_HOURS_FROM));
      await expect(hours.slotsOf(change, 'martedì')).toHaveText('09:00–13:00');
      await expect(hours.slotsOf(change, 'giovedì')).toHaveText('09:00–13:00, 15:00–18:00');
      await expect(hours.coming.getByRole('listitem').filter({ hasText: CLOSURE.reason })).toHaveText(
        `Da ${italianLongDate(CLOSURE.from)} a ${italianLongDate(CLOSURE.to)}: ${CLOSURE.reason}`,
      );
      const holidayAhead = datesBetween(today, addDays(today, 90)).find((d) => weekdayOf(d) <= 5 && isHoliday(d));
      if (holidayAhead) {
        await expect(hours.coming.getByRole('listitem').filter({ hasText: new RegExp(`^${italianLongDate(holidayAhead)}: `) })).toHaveCount(
          1,
        );
      }

      // The feed answers anyone, as text/calendar, with the closure in it.
      const href = (await hours.icsLink.getAttribute('href')) as string;
      const api = await request.newContext({ baseURL: readState().baseURL });
      try {
        const feed = await api.get(href);
        expect(feed.status()).toBe(200);
        expect(feed.headers()['content-type']).toMatch(/^text\/calendar\b/);
        const body = await feed.text();
        expect(body).toContain('BEGIN:VCALENDAR');
        expect(body).toContain(CLOSURE.reason);
      } finally {
        await api.dispose();
      }
    } finally {
      await visitor.close();
    }
  });

  test('an outing to the Pinacoteca with one learner and four others; its invitation is a PDF', async () => {
    await (await PersonPage.verifyOnPage(page, apiPersonName(RAHIM))).openFromMenu('Eventi');
    const events = await EventsPage.verifyOnPage(page);
    const title = 'Visita alla Pinacoteca civica';
    const date = minDate(addDays(today, 7), `${year}-12-31`);
    await events.record({
      title,
      date,
      startTime: '15:30',
      endTime: '17:30',
      place: 'Pinacoteca civica, Palazzo Pianetti',
      meetingPoint: 'Davanti al centro',
      partner: 'Musei civici di Jesi',
      participants: [[FATIMA.familyNames, apiPersonName(FATIMA)]],
      otherParticipants: 4,
    });
    await expect(events.successAlert).toHaveText('Evento salvato.');
    await expect(events.row(title).getByRole('cell')).toHaveText([
      italianLongDate(date),
      '15:30–17:30',
      'Pinacoteca civica, Palazzo Pianetti',
      '1',
      '4',
      /^Stampa invito/,
      'ModificaElimina',
    ]);
    await expect(events.totals).toHaveText('Eventi: 1 · partecipanti: 5 (registrati per nome 1, altri 4) · persone diverse: 1');

    const invitation = events.invitationLink(title);
    await expect(invitation).toHaveAttribute('target', '_blank');
    const pdf = await page.request.get((await invitation.getAttribute('href')) as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf\b/);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('a network meeting with two unions, counted for each of them', async () => {
    await (await EventsPage.verifyOnPage(page)).openFromMenu('Incontri di rete');
    const meetings = await NetworkMeetingsPage.verifyOnPage(page);
    const topic = 'Sportello sindacale per i lavoratori stranieri';
    await meetings.record({
      date: today,
      topic,
      organisations: ['CGIL', 'CISL'],
      outcome: 'Un pomeriggio al mese al centro, dal mese prossimo.',
    });
    await expect(meetings.successAlert).toHaveText('Incontro salvato.');
    await expect(meetings.row(topic).getByRole('cell')).toHaveText([
      italianLongDate(today),
      'CGIL, CISL',
      topic,
      'Un pomeriggio al mese al centro, dal mese prossimo.',
      /^Modifica/,
    ]);
    await expect(meetings.total).toHaveText('Incontri nel periodo: 1');
    await expect(meetings.countOf('CGIL')).toHaveText('1');
    await expect(meetings.countOf('CISL')).toHaveText('1');
    await meetings.logout();
  });
});
