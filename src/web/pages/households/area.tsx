import type { Area } from '../../area.js';

export const householdsArea: Area = { routes: [], nav: [] };
