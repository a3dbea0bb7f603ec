import type { Area } from '../../area.js';

export const activitiesArea: Area = { routes: [], nav: [] };
