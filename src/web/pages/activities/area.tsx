import { type Area, inMenu } from '../../area.js';

/** Applications (domande / bonus), the PC station and the lawyer's consultations. */
export const activitiesArea: Area = [
  ...inMenu('services', [
    ['/applications', 'personal.read', () => import('./ApplicationsPage.js'), 'activities.nav.applications'],
    ['/pc-station', 'personal.read', () => import('./PcStationPage.js'), 'activities.nav.pcStation'],
    ['/legal', 'personal.read', () => import('./LegalPage.js'), 'activities.nav.legal'],
  ]),
  ...inMenu('admin', [
    ['/admin/application-types', 'catalogues.manage', () => import('./ApplicationTypesPage.js'), 'activities.nav.applicationTypes'],
  ]),
];
