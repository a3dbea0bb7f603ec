/** The annual report (migration 0004-reports): drafts, their centres, published versions, and their logos (0020). */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export interface ReportsTable extends Editable {
  id: Generated<number>;
  organisationId: number;
  year: number;
  /** The centres covered, ids sorted and joined by commas. */
  scopeKey: string;
  /** JSON texts: settings, { blockId: Markdown }, free blocks. */
  settings: string;
  narratives: string;
  freeBlocks: string;
  createdBy: number | null;
}

export interface ReportCentresTable {
  reportId: number;
  centreId: number;
}

export interface ReportVersionsTable {
  id: Generated<number>;
  reportId: number;
  number: number;
  /** JSON: the ReportData published, frozen. */
  data: string;
  settings: string;
  appVersion: string;
  publishedAt: string;
  publishedBy: number | null;
}

/** The cover's logo a published version was published with (migration 0020): one a version, deleted with it. */
export interface ReportVersionLogosTable {
  reportVersionId: number;
  /** image/png or image/jpeg. */
  mediaType: string;
  bytes: Buffer;
  /** Pixels. */
  width: number;
  height: number;
  /** The alternative text the cover gave it. */
  alt: string;
}

/** This area\'s part of `Database` (schema.ts). */
export interface ReportsTables {
  reports: ReportsTable;
  reportCentres: ReportCentresTable;
  reportVersions: ReportVersionsTable;
  reportVersionLogos: ReportVersionLogosTable;
}
