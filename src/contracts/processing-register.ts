/**
 * The register of processing (GDPR art. 30, issue 14): sections generated from what Approdo
 * holds and how it is configured, each with the text the data protection officer writes
 * beside it. The generated words come in both languages (domain/processing-register.ts):
 * the page shows the UI's language, the PDF Italian.
 */
import { z } from 'zod';
import { shortText, userRef } from './common.js';

export const PROCESSING_REGISTER_SECTIONS = [
  'controller',
  'purposes',
  'people',
  'data',
  'recipients',
  'transfers',
  'retention',
  'security',
] as const;
export type ProcessingRegisterSection = (typeof PROCESSING_REGISTER_SECTIONS)[number];

/** The longest DPO text of a section. */
export const REGISTER_TEXT_MAX = 10_000;

export const bilingualSchema = z.object({ it: z.string(), en: z.string() });

/** One generated line of a section: what it says, an optional detail, and where the data are (tables and columns). */
export const registerEntrySchema = z
  .object({
    it: z.string(),
    en: z.string(),
    detail: bilingualSchema.optional(),
    /** A special category of data (art. 9). */
    special: z.boolean().optional(),
    /** "table: column, column" */
    sources: z.array(z.string()).optional(),
  })
  .meta({ id: 'ProcessingRegisterEntry' });
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** The DPO's text of a section: version 0 while none was written. */
export const registerTextSchema = z
  .object({
    section: z.enum(PROCESSING_REGISTER_SECTIONS),
    text: z.string(),
    version: z.number(),
    updatedAt: z.string().nullable(),
    updatedBy: userRef.nullable(),
  })
  .meta({ id: 'ProcessingRegisterText' });
export type RegisterText = z.infer<typeof registerTextSchema>;

export const registerSectionSchema = z
  .object({
    section: z.enum(PROCESSING_REGISTER_SECTIONS),
    title: bilingualSchema,
    entries: z.array(registerEntrySchema),
    dpoText: registerTextSchema,
  })
  .meta({ id: 'ProcessingRegisterSection' });
export type RegisterSection = z.infer<typeof registerSectionSchema>;

export const processingRegisterSchema = z
  .object({
    organisation: z.string(),
    generatedAt: z.string(),
    sections: z.array(registerSectionSchema),
  })
  .meta({ id: 'ProcessingRegister' });
export type ProcessingRegister = z.infer<typeof processingRegisterSchema>;

export const registerSectionParams = z.strictObject({ section: z.enum(PROCESSING_REGISTER_SECTIONS) });

/** A section's text at the version read (0: none written yet); an empty text clears it. */
export const registerTextInput = z.strictObject({
  version: z.number().int().min(0).max(2_147_483_647),
  text: shortText(REGISTER_TEXT_MAX),
});
export type RegisterTextInput = z.infer<typeof registerTextInput>;
