import type { Area } from './area.js';
import { activitiesArea } from './pages/activities/area.js';
import { calendarArea } from './pages/calendar/area.js';
import { casesArea } from './pages/cases/area.js';
import { coursesArea } from './pages/courses/area.js';
import { documentsArea } from './pages/documents/area.js';
import { eventsArea } from './pages/events/area.js';
import { householdsArea } from './pages/households/area.js';
import { reportsArea } from './pages/reports/area.js';

/** The areas in menu order, after the front desk, people and visits. */
export const AREAS: Area[] = [casesArea, householdsArea, documentsArea, activitiesArea, coursesArea, eventsArea, calendarArea, reportsArea];
