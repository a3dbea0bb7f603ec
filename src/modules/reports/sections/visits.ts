import type { SectionBuilder } from '../context.js';

/** Section "Accessi". SKELETON: to be built. */
export const visitsSection: SectionBuilder = async (_ctx) => ({ id: 'visits', title: 'Accessi', blocks: [] });
