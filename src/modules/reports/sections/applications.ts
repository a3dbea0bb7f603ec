import type { SectionBuilder } from '../context.js';

/** Section "Collaborazione con l'Anagrafe e compilazione domande". SKELETON: to be built. */
export const applicationsSection: SectionBuilder = async (_ctx) => ({
  id: 'applications',
  title: "Collaborazione con l'Anagrafe e compilazione domande",
  blocks: [],
});
