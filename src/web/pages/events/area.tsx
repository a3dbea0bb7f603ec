import { lazy } from 'react';
import type { Area } from '../../area.js';

const EventsPage = lazy(() => import('./EventsPage.js'));
const NetworkMeetingsPage = lazy(() => import('./NetworkMeetingsPage.js'));
const NetworkOrganisationsPage = lazy(() => import('./NetworkOrganisationsPage.js'));

/** Events and outings (with their invitation), network meetings and the organisations they involve. */
export const eventsArea: Area = [
  // The lists name nobody: viewers see events and counts; names and forms need more.
  { path: '/events', permission: 'statistics.read', element: <EventsPage />, menu: { label: 'events.nav.events', group: 'activities' } },
  {
    path: '/network-meetings',
    permission: 'statistics.read',
    element: <NetworkMeetingsPage />,
    menu: { label: 'events.nav.meetings', group: 'activities' },
  },
  {
    path: '/admin/network-organisations',
    permission: 'catalogues.manage',
    element: <NetworkOrganisationsPage />,
    menu: { label: 'events.nav.organisations', group: 'admin' },
  },
];
