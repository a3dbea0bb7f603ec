import { lazy } from 'react';
import type { Area } from '../../area.js';

const DeadlinesPage = lazy(() => import('./DeadlinesPage.js'));

export const documentsArea: Area = [
  { path: '/deadlines', permission: 'personal.read', element: <DeadlinesPage />, menu: { label: 'documents.nav', group: 'people' } },
];
