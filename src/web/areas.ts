import type { AppPage, NavItem } from './area.js';
import { aboutArea } from './pages/about/area.js';
import { activitiesArea } from './pages/activities/area.js';
import { adminArea } from './pages/admin/area.js';
import { peopleArea } from './pages/area.js';
import { calendarArea } from './pages/calendar/area.js';
import { casesArea } from './pages/cases/area.js';
import { coursesArea } from './pages/courses/area.js';
import { documentsArea } from './pages/documents/area.js';
import { eventsArea } from './pages/events/area.js';
import { homeArea } from './pages/home/area.js';
import { householdsArea } from './pages/households/area.js';
import { remindersArea } from './pages/reminders/area.js';
import { reportsArea } from './pages/reports/area.js';

/**
 * Every page of the app, areas in menu order: the front desk, people and visits first,
 * the statistics and the administration's own pages last (each menu group keeps this order).
 */
export const PAGES: AppPage[] = [
  ...homeArea,
  ...peopleArea,
  ...casesArea,
  ...householdsArea,
  ...documentsArea,
  ...remindersArea,
  ...activitiesArea,
  ...coursesArea,
  ...eventsArea,
  ...calendarArea,
  ...reportsArea,
  ...adminArea,
  ...aboutArea,
];

/** The menu, read from the pages that have an entry in it. */
export const NAV: NavItem[] = PAGES.flatMap((page) => (page.menu ? [{ to: page.path, permission: page.permission, ...page.menu }] : []));
