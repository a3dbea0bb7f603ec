import type { SectionBuilder } from '../context.js';

/** Section "Postazione PC, consulenza legale, progetti ed eventi". SKELETON: to be built. */
export const servicesSection: SectionBuilder = async (_ctx) => ({
  id: 'services',
  title: 'Postazione PC, consulenza legale, progetti ed eventi',
  blocks: [],
});
