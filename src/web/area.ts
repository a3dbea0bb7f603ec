import { type ComponentType, createElement, lazy, type ReactNode } from 'react';
import type { Permission } from '../domain/permissions.js';
import type { MessageKey } from './i18n/it.js';

/** The menu's groups, in their order (the front desk stands alone before them). */
export const NAV_GROUPS = ['people', 'services', 'activities', 'centre', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * One page of the web app, declared once: its route, who may open it and, when it is in
 * the menu, its entry there. The routes (App) and the menu (Layout) are both read from these.
 */
export interface AppPage {
  path: string;
  /** Who may open it; without one, anyone logged in. */
  permission?: Permission;
  /** For anyone, without logging in (no personal data on it). */
  public?: boolean;
  element: ReactNode;
  /** Its menu entry; without a group it stands alone before the groups (the front desk). */
  menu?: { label: MessageKey; group?: NavGroup };
}

/**
 * A functional area of the web app (cases, documents, …): its pages, in menu order.
 * Pages are lazy-loaded inside each area, so the front desk's bundle does not grow with them.
 */
export type Area = AppPage[];

/** A page's module, loaded the first time the page is opened: its default export is the page. */
export type PageModule = () => Promise<{ default: ComponentType }>;

/** The element of a page loaded when opened (made once, with React.lazy, from its module). */
export const lazyPage = (load: PageModule): ReactNode => createElement(lazy(load));

/** A page in the menu, in one row: its path, who may open it, its module (loaded when opened) and its menu label. */
export type MenuRow = [path: string, permission: Permission, load: PageModule, label: MessageKey];

/** The pages of one menu group, a row each (in menu order): each row is both the route and the menu entry. */
export function inMenu(group: NavGroup, rows: MenuRow[]): Area {
  return rows.map(([path, permission, load, label]) => ({ path, permission, element: lazyPage(load), menu: { label, group } }));
}

export interface NavItem {
  to: string;
  label: MessageKey;
  permission?: Permission;
  group?: NavGroup;
}
