import { lazy } from 'react';
import type { Area } from '../../area.js';

const StatisticsPage = lazy(() => import('../StatisticsPage.js'));
const TopicsPage = lazy(() => import('./TopicsPage.js'));
const UsersPage = lazy(() => import('./UsersPage.js'));
const TokensPage = lazy(() => import('./TokensPage.js'));
const AuditPage = lazy(() => import('./AuditPage.js'));

/** The statistics and the administration: topics, users, API tokens, the audit log (last in their menu groups). */
export const adminArea: Area = [
  { path: '/statistics', permission: 'statistics.read', element: <StatisticsPage />, menu: { label: 'nav.statistics', group: 'centre' } },
  { path: '/admin/topics', permission: 'catalogues.manage', element: <TopicsPage />, menu: { label: 'nav.topics', group: 'admin' } },
  { path: '/admin/users', permission: 'users.manage', element: <UsersPage />, menu: { label: 'nav.users', group: 'admin' } },
  { path: '/admin/tokens', permission: 'users.manage', element: <TokensPage />, menu: { label: 'nav.tokens', group: 'admin' } },
  { path: '/admin/audit', permission: 'audit.read', element: <AuditPage />, menu: { label: 'nav.audit', group: 'admin' } },
];
