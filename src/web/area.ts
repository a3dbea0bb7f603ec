import type { ReactNode } from 'react';
import type { Permission } from '../domain/permissions.js';
import type { MessageKey } from './i18n/it.js';

/**
 * A functional area of the web app (cases, documents, …): its pages and its menu entries.
 * Pages are lazy-loaded inside each area, so the front desk's bundle does not grow with them.
 */
export interface Area {
  /** `public`: the page is for anyone, without logging in (no personal data on it). */
  routes: Array<{ path: string; permission?: Permission; public?: boolean; element: ReactNode }>;
  nav: NavItem[];
}

/** The menu's groups, in their order (the front desk stands alone before them). */
export const NAV_GROUPS = ['people', 'services', 'activities', 'centre', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  to: string;
  label: MessageKey;
  permission: Permission;
  group: NavGroup;
}
