import type { SectionBuilder } from '../context.js';

/** Section "Bisogni rilevati sul territorio". SKELETON: to be built. */
export const needsSection: SectionBuilder = async (_ctx) => ({ id: 'needs', title: 'Bisogni rilevati sul territorio', blocks: [] });
