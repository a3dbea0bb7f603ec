import type { Area } from '../../area.js';

export const calendarArea: Area = { routes: [], nav: [] };
