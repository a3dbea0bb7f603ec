import { type Area, inMenu, lazyPage } from '../../area.js';

/** The centre's calendar (its activities, hours, closures, settings, figures), its staff and projects, and the public hours page. */
export const calendarArea: Area = [
  ...inMenu('centre', [
    // Every member of staff opens the calendar; setting its hours and closures is the coordinator's (the page shows them to her only).
    ['/calendar', 'statistics.read', () => import('./CalendarPage.js'), 'calendar.nav.calendar'],
    ['/staff', 'catalogues.manage', () => import('./StaffPage.js'), 'calendar.nav.staff'],
    ['/projects', 'catalogues.manage', () => import('./ProjectsPage.js'), 'calendar.nav.projects'],
  ]),
  // For anyone, without logging in.
  { path: '/orari/:centreCode', public: true, element: lazyPage(() => import('./PublicHoursPage.js')) },
];
