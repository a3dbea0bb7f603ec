import type { SectionBuilder } from '../context.js';

/** Section "Supporto alla preparazione dell'esame di scuola guida". SKELETON: to be built. */
export const drivingSection: SectionBuilder = async (_ctx) => ({
  id: 'driving',
  title: "Supporto alla preparazione dell'esame di scuola guida",
  blocks: [],
});
