/** The course kinds: a catalogue per organisation (club linguistico, supporto alla scuola guida…). */
import type { z } from 'zod';
import { catalogueContract, catalogueLabels } from './catalogues.js';

export const courseKindContract = catalogueContract({ id: 'CourseKind', ...catalogueLabels(120), sorted: true });
export type CourseKind = z.infer<typeof courseKindContract.item>;
