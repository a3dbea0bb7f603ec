import { type Area, inMenu } from '../../area.js';

/** The statistics and the administration: the centre's settings, topics, users, API tokens, the erasure requests, the audit log (last in their menu groups). */
export const adminArea: Area = [
  ...inMenu('centre', [['/statistics', 'statistics.read', () => import('../StatisticsPage.js'), 'nav.statistics']]),
  ...inMenu('admin', [
    ['/admin/centre', 'centres.settings', () => import('./CentreSettingsPage.js'), 'centres.nav.settings'],
    ['/admin/topics', 'catalogues.manage', () => import('./TopicsPage.js'), 'nav.topics'],
    ['/admin/users', 'users.manage', () => import('./UsersPage.js'), 'nav.users'],
    ['/admin/tokens', 'users.manage', () => import('./TokensPage.js'), 'nav.tokens'],
    ['/admin/imports', 'imports.manage', () => import('./imports/ImportsPage.js'), 'imports.nav'],
    ['/admin/erasure-requests', 'personal.delete', () => import('../privacy/ErasureRequestsPage.js'), 'erasure.nav'],
    ['/admin/retention', 'personal.delete', () => import('../privacy/RetentionPage.js'), 'retention.nav'],
    ['/admin/processing-register', 'processing_register.read', () => import('../privacy/ProcessingRegisterPage.js'), 'register.nav'],
    ['/admin/audit', 'audit.read', () => import('./AuditPage.js'), 'nav.audit'],
  ]),
];
