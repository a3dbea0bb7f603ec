/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the calendar and activity pages, filled with data, and on
 * the states they take (editors and forms open, validation errors, the menu with a group open,
 * the public hours page logged out). Serious and critical violations fail; the others are
 * printed. The data is created through the API (support/activitiesSeed.ts), so the file also
 * runs alone.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import AttendancePage from './pages/attendancePage.js';
import CalendarPage from './pages/calendarPage.js';
import CourseFormPage from './pages/courseFormPage.js';
import CourseKindsPage from './pages/courseKindsPage.js';
import CoursePage from './pages/coursePage.js';
import CoursesPage from './pages/coursesPage.js';
import EventsPage from './pages/eventsPage.js';
import FrontDeskPage from './pages/frontDeskPage.js';
import LoginPage from './pages/loginPage.js';
import NetworkMeetingsPage from './pages/networkMeetingsPage.js';
import NetworkOrganisationsPage from './pages/networkOrganisationsPage.js';
import PersonPage from './pages/personPage.js';
import ProjectsPage from './pages/projectsPage.js';
import PublicHoursPage from './pages/publicHoursPage.js';
import StaffPage from './pages/staffPage.js';
import WaitingListPage from './pages/waitingListPage.js';
import { A11Y_COURSE, type ActivitiesSeed, ensureActivitiesSeedData } from './support/activitiesSeed.js';
import { expectNoSeriousA11yViolations as checkA11y } from './support/axe.js';
import { ADMIN, apiPersonName, FATIMA, TESFAYE } from './support/data.js';
import { italianLongDate } from './support/dates.js';

test.describe.configure({ mode: 'serial' });

test.describe('Accessibility of the calendar and activity pages', () => {
  let context: BrowserContext;
  let page: Page;
  let seed: ActivitiesSeed;

  test.beforeAll(async ({ browser }) => {
    seed = await ensureActivitiesSeedData();
    // A context of our own: axe-core opens helper pages in it.
    context = await browser.newContext();
    page = await context.newPage();
    const login = await LoginPage.open(page);
    await login.login(ADMIN.email, ADMIN.password);
    await FrontDeskPage.verifyOnPage(page);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('the header menu with a group open', async () => {
    const desk = await FrontDeskPage.verifyOnPage(page);
    const group = desk.mainNav.getByRole('button', { name: 'Attività', exact: true });
    await group.click();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expect(desk.navLink('Corsi')).toBeVisible();
    await checkA11y(page, 'header menu, "Attività" open');
    await page.keyboard.press('Escape');
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await expect(group).toBeFocused();
  });

  test('calendar: the month, the hours editor open, the closure form with its errors', async () => {
    await page.goto('/calendar');
    const calendar = await CalendarPage.verifyOnPage(page);
    await expect(calendar.month.getByRole('table')).toBeVisible();
    await expect(calendar.hours.getByTestId('hours-set').first()).toBeVisible();
    await checkA11y(page, 'calendar');

    await calendar.hours.getByRole('button', { name: 'Modifica fasce' }).first().click();
    await expect(calendar.hours.getByRole('form', { name: /^Fasce dell’orario in vigore dal / })).toBeVisible();
    await checkA11y(page, 'calendar, hours editor open');

    await calendar.closureForm.getByRole('button', { name: 'Salva chiusura' }).click();
    await expect(calendar.closureForm.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'calendar, closure form with errors');

    await calendar.newHoursForm.getByRole('button', { name: 'Crea orario' }).click();
    await expect(calendar.newHoursForm.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'calendar, new hours without a date');
  });

  test('staff, with a member’s contracts shown; projects', async () => {
    await page.goto('/staff');
    await StaffPage.verifyOnPage(page);
    await expect(page.getByRole('rowheader', { name: 'Chiara Paolini' })).toBeVisible();
    await checkA11y(page, 'staff');
    await page.getByRole('button', { name: 'Contratti: Chiara Paolini' }).click();
    await expect(page.getByRole('heading', { name: 'Contratti di Chiara Paolini' })).toBeVisible();
    await checkA11y(page, 'staff, contracts shown');

    await page.goto('/projects');
    await ProjectsPage.verifyOnPage(page);
    await expect(page.getByRole('rowheader', { name: 'FAMI Lingua e lavoro' })).toBeVisible();
    await checkA11y(page, 'projects');
  });

  test('courses, and a new course with its errors', async () => {
    await page.goto('/courses');
    const courses = await CoursesPage.verifyOnPage(page);
    await expect(courses.row(A11Y_COURSE)).toBeVisible();
    await checkA11y(page, 'courses');

    await courses.newCourseLink.click();
    const form = await CourseFormPage.verifyOnPage(page);
    await checkA11y(page, 'new course');
    // The browser checks the required fields first; with them filled, the weekdays are the API's to refuse.
    await form.fill({
      kind: 'Club linguistico',
      title: 'Club linguistico B1',
      startDate: '2026-03-01',
      endDate: '2026-02-01',
      weekdays: [],
      startTime: '18:00',
      lessonMinutes: 90,
    });
    await form.save();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'new course, refused');
  });

  test('a course: details, figures, lessons (one being moved), learners (one withdrawing)', async () => {
    await page.goto(`/courses/${seed.courseId}`);
    const course = await CoursePage.verifyOnPage(page, A11Y_COURSE);
    await expect(course.lessonRows.first()).toBeVisible();
    await expect(course.learner(apiPersonName(FATIMA))).toBeVisible();
    await checkA11y(page, 'course');

    await course.lessonRows.first().getByRole('button', { name: 'Sposta' }).click();
    await expect(course.lessons.getByRole('form', { name: /^Sposta l’incontro del / })).toBeVisible();
    await course.learner(apiPersonName(FATIMA)).getByRole('button', { name: 'Ritiro' }).click();
    await expect(course.enrolments.getByRole('form', { name: `Ritiro di ${apiPersonName(FATIMA)}` })).toBeVisible();
    await checkA11y(page, 'course, moving a lesson and withdrawing a learner');

    // The programme chosen, the person not: the form says so next to the person search.
    await course.enrolForm.getByLabel(/^Provenienza\b/).selectOption({ label: 'Altro' });
    await course.enrolForm.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await expect(course.enrolForm.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'course, enrolling nobody');
  });

  test('the attendance screen of a lesson held', async () => {
    await page.goto(`/lessons/${seed.heldLessonId}/attendance`);
    const screen = await AttendancePage.verifyOnPage(page, A11Y_COURSE, italianLongDate(seed.heldLessonDate));
    await expect(screen.boxes).toHaveCount(2);
    await expect(screen.saveButton).toBeVisible();
    await checkA11y(page, 'attendance');
    await screen.allPresentButton.click();
    await expect(screen.count).toHaveText('Presenti: 2 su 2');
    await checkA11y(page, 'attendance, everyone ticked');
  });

  test('waiting lists, with the place form open and the add form’s errors', async () => {
    await page.goto('/waiting-list');
    const waiting = await WaitingListPage.verifyOnPage(page);
    await expect(waiting.row(apiPersonName(TESFAYE))).toBeVisible();
    await checkA11y(page, 'waiting list');
    await waiting.openPlaceForm(apiPersonName(TESFAYE));
    await checkA11y(page, 'waiting list, place form open');
    await waiting.addForm.getByLabel(/^Lista\b/).selectOption({ label: 'Italiano L2 minori' });
    await waiting.addForm.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(waiting.addForm.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'waiting list, adding nobody');
  });

  test('course kinds', async () => {
    await page.goto('/admin/course-kinds');
    await CourseKindsPage.verifyOnPage(page);
    await checkA11y(page, 'course kinds');
  });

  test('events: the list, the form with the participant search open, its errors', async () => {
    await page.goto('/events');
    const events = await EventsPage.verifyOnPage(page);
    await expect(events.row('Festa di fine corso')).toBeVisible();
    await checkA11y(page, 'events');

    await events.form.getByRole('combobox', { name: 'Cerca persona (nome, cognome o codice fiscale)' }).fill(FATIMA.familyNames);
    await expect(events.form.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await checkA11y(page, 'events, participant search open');

    await events.form.getByRole('combobox', { name: 'Cerca persona (nome, cognome o codice fiscale)' }).fill('');
    await events.form.getByRole('button', { name: 'Salva evento' }).click();
    await expect(events.form.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'events, saving an empty form');

    await events
      .row('Festa di fine corso')
      .getByRole('button', { name: /^Modifica/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Modifica l’evento «Festa di fine corso»' })).toBeVisible();
    await checkA11y(page, 'events, editing one');
  });

  test('network meetings, and one being edited; the organisations catalogue', async () => {
    await page.goto('/network-meetings');
    const meetings = await NetworkMeetingsPage.verifyOnPage(page);
    await expect(meetings.row('Tavolo sul lavoro stagionale')).toBeVisible();
    await checkA11y(page, 'network meetings');
    await meetings.form.getByRole('button', { name: 'Salva incontro' }).click();
    await expect(meetings.form.getByRole('alert').first()).toBeVisible();
    await checkA11y(page, 'network meetings, saving an empty form');
    await meetings
      .row('Tavolo sul lavoro stagionale')
      .getByRole('button', { name: /^Modifica/ })
      .click();
    await expect(page.getByRole('heading', { name: /^Modifica l’incontro del / })).toBeVisible();
    await checkA11y(page, 'network meetings, editing one');

    await page.goto('/admin/network-organisations');
    await NetworkOrganisationsPage.verifyOnPage(page);
    await checkA11y(page, 'network organisations');
  });

  test('the person’s file with the courses section', async () => {
    await page.goto(`/people/${seed.learnerId}`);
    const file = await PersonPage.verifyOnPage(page, apiPersonName(FATIMA));
    await expect(file.courseEnrolments.first()).toBeVisible();
    await checkA11y(page, 'person file, courses');
  });

  test('the public hours page, logged out', async ({ browser }) => {
    const visitor = await browser.newContext();
    try {
      const publicPage = await visitor.newPage();
      const hours = await PublicHoursPage.open(publicPage, ADMIN.centreCode);
      await expect(hours.current.getByRole('table')).toBeVisible();
      await expect(hours.coming).toBeVisible();
      await checkA11y(publicPage, 'public hours');

      await publicPage.goto('/orari/NESSUNO');
      await expect(publicPage.getByRole('alert')).toHaveText('Non esiste un centro con questo codice.');
      await checkA11y(publicPage, 'public hours, unknown centre');
    } finally {
      await visitor.close();
    }
  });
});
