import { type Area, inMenu, lazyPage } from '../../area.js';

/** Households: the list, a new one, one household with its members. */
export const householdsArea: Area = [
  ...inMenu('people', [['/households', 'personal.read', () => import('./HouseholdsPage.js'), 'households.nav']]),
  { path: '/households/new', permission: 'personal.write', element: lazyPage(() => import('./NewHouseholdPage.js')) },
  { path: '/households/:id', permission: 'personal.read', element: lazyPage(() => import('./HouseholdPage.js')) },
];
