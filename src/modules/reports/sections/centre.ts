import type { SectionBuilder } from '../context.js';

/** Section "Centro Servizi per l'Integrazione Sociale". SKELETON: to be built. */
export const centreSection: SectionBuilder = async (_ctx) => ({
  id: 'centre',
  title: "Centro Servizi per l'Integrazione Sociale",
  blocks: [],
});
