import { lazy } from 'react';
import type { Area } from '../../area.js';

const ApplicationsPage = lazy(() => import('./ApplicationsPage.js'));
const PcStationPage = lazy(() => import('./PcStationPage.js'));
const LegalPage = lazy(() => import('./LegalPage.js'));
const ApplicationTypesPage = lazy(() => import('./ApplicationTypesPage.js'));

/** Applications (domande / bonus), the PC station and the lawyer's consultations. */
export const activitiesArea: Area = {
  routes: [
    { path: '/applications', permission: 'personal.read', element: <ApplicationsPage /> },
    { path: '/pc-station', permission: 'personal.read', element: <PcStationPage /> },
    { path: '/legal', permission: 'personal.read', element: <LegalPage /> },
    { path: '/admin/application-types', permission: 'catalogues.manage', element: <ApplicationTypesPage /> },
  ],
  nav: [
    { to: '/applications', label: 'activities.nav.applications', permission: 'personal.read', group: 'services' },
    { to: '/pc-station', label: 'activities.nav.pcStation', permission: 'personal.read', group: 'services' },
    { to: '/legal', label: 'activities.nav.legal', permission: 'personal.read', group: 'services' },
    { to: '/admin/application-types', label: 'activities.nav.applicationTypes', permission: 'catalogues.manage', group: 'admin' },
  ],
};
