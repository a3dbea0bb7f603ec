/** Imports of a centre's old registers and the figures of the years before its records (migration 0007). */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export const IMPORT_STATUSES = ['uploaded', 'analysing', 'analysed', 'importing', 'imported', 'failed', 'undone'] as const;

export interface ImportsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  kind: string;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  /** Where the uploaded file waits until it is imported. */
  storedPath: string | null;
  /** JSON texts: the header row, { columnIndex: field | null }, { field: { raw: value | null } }, { personKey: 'new' | personId }. */
  headers: string;
  mapping: string;
  valueMappings: string;
  decisions: string;
  status: (typeof IMPORT_STATUSES)[number];
  progressDone: Generated<number>;
  progressTotal: Generated<number>;
  /** JSON: the dry run's counts, preview, unmatched values, doubtful matches. */
  summary: string | null;
  /** JSON: what stopped it. */
  failure: string | null;
  createdBy: number | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: number | null;
}

export interface ImportRowsTable {
  importId: number;
  rowNumber: number;
  centreId: number;
  kind: string;
  fingerprint: string;
}

/** A run of consecutive ids of the records of one kind an import created. */
export interface ImportRecordRangesTable {
  importId: number;
  /** person, visit, case, permit, enrolment. */
  entity: string;
  firstId: number;
  lastId: number;
}

export interface ImportRejectsTable {
  id: Generated<number>;
  importId: number;
  rowNumber: number;
  columnName: string | null;
  code: string;
  /** JSON: the reason's values. */
  params: string | null;
  /** JSON: the row's cells as read. */
  cells: string;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  organisationId: number;
  kind: string;
  headerKey: string;
  mapping: string;
  valueMappings: string;
  updatedAt: string;
}

export interface HistoricalFiguresTable extends Editable {
  id: Generated<number>;
  centreId: number;
  year: number;
  visitsTotal: number | null;
  visitsItalian: number | null;
  visitsEu: number | null;
  visitsNonEu: number | null;
  visitsUnspecified: number | null;
  inCareTotal: number | null;
  inCareNew: number | null;
  inCareItalian: number | null;
  inCareEu: number | null;
  inCareNonEu: number | null;
  inCareUnspecified: number | null;
  enrolmentsTotal: number | null;
  source: string | null;
  createdBy: number | null;
}

/** This area's part of `Database` (schema.ts). */
export interface ImportsTables {
  imports: ImportsTable;
  importRows: ImportRowsTable;
  importRecordRanges: ImportRecordRangesTable;
  importRejects: ImportRejectsTable;
  importMappings: ImportMappingsTable;
  historicalFigures: HistoricalFiguresTable;
}
