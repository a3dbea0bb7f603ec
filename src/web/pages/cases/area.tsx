import type { Area } from '../../area.js';

export const casesArea: Area = { routes: [], nav: [] };
