import type { Area } from '../../area.js';

export const documentsArea: Area = { routes: [], nav: [] };
