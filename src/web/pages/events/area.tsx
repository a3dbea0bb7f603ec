import type { Area } from '../../area.js';

export const eventsArea: Area = { routes: [], nav: [] };
