/** The register of processing (migration 0014-processing-register): the DPO's text of each section. */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export interface ProcessingRegisterTextsTable extends Editable {
  id: Generated<number>;
  organisationId: number;
  /** A section of the register (contracts/processing-register.ts PROCESSING_REGISTER_SECTIONS). */
  section: string;
  text: string;
  updatedBy: number | null;
}

/** This area's part of `Database` (schema.ts). */
export interface ProcessingRegisterTables {
  processingRegisterTexts: ProcessingRegisterTextsTable;
}
