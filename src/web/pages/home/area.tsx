import { type Area, lazyPage } from '../../area.js';

/** The home page: the first page after login, for every role (each gets its own view). */
export const homeArea: Area = [{ path: '/', element: lazyPage(() => import('./HomePage.js')), menu: { label: 'home.nav' } }];
