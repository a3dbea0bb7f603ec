import type { SectionBuilder } from '../context.js';

/** Section "Incontri di rete". SKELETON: to be built. */
export const networkSection: SectionBuilder = async (_ctx) => ({ id: 'network', title: 'Incontri di rete', blocks: [] });
