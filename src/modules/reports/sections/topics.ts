import type { SectionBuilder } from '../context.js';

/** Section "Tipologie di richieste presso lo Sportello". SKELETON: to be built. */
export const topicsSection: SectionBuilder = async (_ctx) => ({
  id: 'topics',
  title: 'Tipologie di richieste presso lo Sportello',
  blocks: [],
});
