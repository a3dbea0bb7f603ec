import type { SectionBuilder } from '../context.js';

/** Section "Club linguistici". SKELETON: to be built. */
export const coursesSection: SectionBuilder = async (_ctx) => ({ id: 'courses', title: 'Club linguistici', blocks: [] });
