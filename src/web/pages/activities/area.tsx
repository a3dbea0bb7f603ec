import { lazy } from 'react';
import type { Area } from '../../area.js';

const ApplicationsPage = lazy(() => import('./ApplicationsPage.js'));
const PcStationPage = lazy(() => import('./PcStationPage.js'));
const LegalPage = lazy(() => import('./LegalPage.js'));
const ApplicationTypesPage = lazy(() => import('./ApplicationTypesPage.js'));

/** Applications (domande / bonus), the PC station and the lawyer's consultations. */
export const activitiesArea: Area = [
  {
    path: '/applications',
    permission: 'personal.read',
    element: <ApplicationsPage />,
    menu: { label: 'activities.nav.applications', group: 'services' },
  },
  {
    path: '/pc-station',
    permission: 'personal.read',
    element: <PcStationPage />,
    menu: { label: 'activities.nav.pcStation', group: 'services' },
  },
  { path: '/legal', permission: 'personal.read', element: <LegalPage />, menu: { label: 'activities.nav.legal', group: 'services' } },
  {
    path: '/admin/application-types',
    permission: 'catalogues.manage',
    element: <ApplicationTypesPage />,
    menu: { label: 'activities.nav.applicationTypes', group: 'admin' },
  },
];
