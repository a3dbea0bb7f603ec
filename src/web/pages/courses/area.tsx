import type { Area } from '../../area.js';

export const coursesArea: Area = { routes: [], nav: [] };
