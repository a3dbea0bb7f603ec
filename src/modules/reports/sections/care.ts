import type { SectionBuilder } from '../context.js';

/** Section "Utenti presi in carico". SKELETON: to be built. */
export const careSection: SectionBuilder = async (_ctx) => ({ id: 'care', title: 'Utenti presi in carico', blocks: [] });
