/** The course kinds: a catalogue per organisation (club linguistico, supporto alla scuola guida…). */
import { z } from 'zod';
import { shortText } from './common.js';
import { messageEn } from './messages/index.js';

const kindLabel = shortText(120).min(1);

export const courseKindSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    labelIt: z.string(),
    labelEn: z.string(),
    active: z.boolean(),
    sortOrder: z.number(),
  })
  .meta({ id: 'CourseKind' });
export type CourseKind = z.infer<typeof courseKindSchema>;

export const courseKindCreateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/, messageEn('key.not_valid')),
  labelIt: kindLabel,
  labelEn: kindLabel,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CourseKindCreateInput = z.infer<typeof courseKindCreateInput>;

export const courseKindUpdateInput = z.strictObject({
  labelIt: kindLabel.optional(),
  labelEn: kindLabel.optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CourseKindUpdateInput = z.infer<typeof courseKindUpdateInput>;

export const courseKindListQuery = z.strictObject({ active: z.enum(['true', 'false']).optional() });
