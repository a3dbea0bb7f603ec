import { lazy } from 'react';
import type { Area } from '../../area.js';

const DeadlinesPage = lazy(() => import('./DeadlinesPage.js'));

export const documentsArea: Area = {
  routes: [{ path: '/deadlines', permission: 'personal.read', element: <DeadlinesPage /> }],
  nav: [{ to: '/deadlines', label: 'documents.nav', permission: 'personal.read', group: 'people' }],
};
