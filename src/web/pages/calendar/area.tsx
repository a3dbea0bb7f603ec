import { lazy } from 'react';
import type { Area } from '../../area.js';

const CalendarPage = lazy(() => import('./CalendarPage.js'));
const StaffPage = lazy(() => import('./StaffPage.js'));
const ProjectsPage = lazy(() => import('./ProjectsPage.js'));
const PublicHoursPage = lazy(() => import('./PublicHoursPage.js'));

/** The centre's calendar (hours, closures, settings, figures), its staff and projects, and the public hours page. */
export const calendarArea: Area = [
  {
    path: '/calendar',
    permission: 'catalogues.manage',
    element: <CalendarPage />,
    menu: { label: 'calendar.nav.calendar', group: 'centre' },
  },
  { path: '/staff', permission: 'catalogues.manage', element: <StaffPage />, menu: { label: 'calendar.nav.staff', group: 'centre' } },
  {
    path: '/projects',
    permission: 'catalogues.manage',
    element: <ProjectsPage />,
    menu: { label: 'calendar.nav.projects', group: 'centre' },
  },
  // For anyone, without logging in.
  { path: '/orari/:centreCode', public: true, element: <PublicHoursPage /> },
];
