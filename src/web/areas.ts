import type { Area } from './area.js';
import { activitiesArea } from './pages/activities/area.js';
import { casesArea } from './pages/cases/area.js';
import { documentsArea } from './pages/documents/area.js';
import { householdsArea } from './pages/households/area.js';

/** The areas in menu order, after the front desk, people and visits. */
export const AREAS: Area[] = [casesArea, householdsArea, documentsArea, activitiesArea];
