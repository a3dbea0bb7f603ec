import { lazy } from 'react';
import type { Area } from '../../area.js';

const EventsPage = lazy(() => import('./EventsPage.js'));
const NetworkMeetingsPage = lazy(() => import('./NetworkMeetingsPage.js'));
const NetworkOrganisationsPage = lazy(() => import('./NetworkOrganisationsPage.js'));

/** Events and outings (with their invitation), network meetings and the organisations they involve. */
export const eventsArea: Area = {
  routes: [
    // The lists name nobody: viewers see events and counts; names and forms need more.
    { path: '/events', permission: 'statistics.read', element: <EventsPage /> },
    { path: '/network-meetings', permission: 'statistics.read', element: <NetworkMeetingsPage /> },
    { path: '/admin/network-organisations', permission: 'catalogues.manage', element: <NetworkOrganisationsPage /> },
  ],
  nav: [
    { to: '/events', label: 'events.nav.events', permission: 'statistics.read', group: 'activities' },
    { to: '/network-meetings', label: 'events.nav.meetings', permission: 'statistics.read', group: 'activities' },
    { to: '/admin/network-organisations', label: 'events.nav.organisations', permission: 'catalogues.manage', group: 'admin' },
  ],
};
