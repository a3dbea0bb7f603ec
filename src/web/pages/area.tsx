import { type Area, inMenu, lazyPage } from '../area.js';
import { FrontDeskPage } from './FrontDeskPage.js';
import { LoginPage } from './LoginPage.js';

// The front desk loads first and fast; everything else is loaded when opened.
const PersonFormPage = lazyPage(() => import('./PersonFormPage.js'));

/** Signing in and the first run, the front desk, people and their visits, one's own account. */
export const peopleArea: Area = [
  { path: '/login', public: true, element: <LoginPage /> },
  { path: '/setup', public: true, element: lazyPage(() => import('./SetupPage.js')) },
  { path: '/sportello', permission: 'personal.write', element: <FrontDeskPage />, menu: { label: 'nav.frontDesk' } },
  ...inMenu('people', [['/people', 'personal.read', () => import('./PeoplePage.js'), 'nav.people']]),
  { path: '/people/new', permission: 'personal.write', element: PersonFormPage },
  { path: '/people/:id', permission: 'personal.read', element: lazyPage(() => import('./PersonPage.js')) },
  { path: '/people/:id/edit', permission: 'personal.write', element: PersonFormPage },
  ...inMenu('people', [['/visits', 'personal.read', () => import('./VisitsPage.js'), 'nav.visits']]),
  { path: '/account', element: lazyPage(() => import('./AccountPage.js')) },
];
