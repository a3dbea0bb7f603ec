import { type Area, inMenu } from '../../area.js';

/** Events and outings (with their invitation), network meetings and the organisations they involve. */
export const eventsArea: Area = [
  // The lists name nobody: viewers see events and counts; names and forms need more.
  ...inMenu('activities', [
    ['/events', 'statistics.read', () => import('./EventsPage.js'), 'events.nav.events'],
    ['/network-meetings', 'statistics.read', () => import('./NetworkMeetingsPage.js'), 'events.nav.meetings'],
  ]),
  ...inMenu('admin', [
    ['/admin/network-organisations', 'catalogues.manage', () => import('./NetworkOrganisationsPage.js'), 'events.nav.organisations'],
  ]),
];
