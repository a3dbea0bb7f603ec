import { lazy } from 'react';
import type { Area } from '../area.js';
import { FrontDeskPage } from './FrontDeskPage.js';
import { LoginPage } from './LoginPage.js';

// The front desk loads first and fast; everything else is loaded when opened.
const SetupPage = lazy(() => import('./SetupPage.js'));
const PeoplePage = lazy(() => import('./PeoplePage.js'));
const PersonFormPage = lazy(() => import('./PersonFormPage.js'));
const PersonPage = lazy(() => import('./PersonPage.js'));
const VisitsPage = lazy(() => import('./VisitsPage.js'));
const AccountPage = lazy(() => import('./AccountPage.js'));

/** Signing in and the first run, the front desk, people and their visits, one's own account. */
export const peopleArea: Area = [
  { path: '/login', public: true, element: <LoginPage /> },
  { path: '/setup', public: true, element: <SetupPage /> },
  { path: '/', permission: 'personal.write', element: <FrontDeskPage />, menu: { label: 'nav.frontDesk' } },
  { path: '/people', permission: 'personal.read', element: <PeoplePage />, menu: { label: 'nav.people', group: 'people' } },
  { path: '/people/new', permission: 'personal.write', element: <PersonFormPage /> },
  { path: '/people/:id', permission: 'personal.read', element: <PersonPage /> },
  { path: '/people/:id/edit', permission: 'personal.write', element: <PersonFormPage /> },
  { path: '/visits', permission: 'personal.read', element: <VisitsPage />, menu: { label: 'nav.visits', group: 'people' } },
  { path: '/account', element: <AccountPage /> },
];
