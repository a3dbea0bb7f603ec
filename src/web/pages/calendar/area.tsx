import { lazy } from 'react';
import type { Area } from '../../area.js';

const CalendarPage = lazy(() => import('./CalendarPage.js'));
const StaffPage = lazy(() => import('./StaffPage.js'));
const ProjectsPage = lazy(() => import('./ProjectsPage.js'));
const PublicHoursPage = lazy(() => import('./PublicHoursPage.js'));

/** The centre's calendar (hours, closures, settings, figures), its staff and projects, and the public hours page. */
export const calendarArea: Area = {
  routes: [
    { path: '/calendar', permission: 'catalogues.manage', element: <CalendarPage /> },
    { path: '/staff', permission: 'catalogues.manage', element: <StaffPage /> },
    { path: '/projects', permission: 'catalogues.manage', element: <ProjectsPage /> },
    // For anyone, without logging in.
    { path: '/orari/:centreCode', public: true, element: <PublicHoursPage /> },
  ],
  nav: [
    { to: '/calendar', label: 'calendar.nav.calendar', permission: 'catalogues.manage', group: 'centre' },
    { to: '/staff', label: 'calendar.nav.staff', permission: 'catalogues.manage', group: 'centre' },
    { to: '/projects', label: 'calendar.nav.projects', permission: 'catalogues.manage', group: 'centre' },
  ],
};
