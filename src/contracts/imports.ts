/**
 * Imports of a centre's old registers (XLSX or CSV): upload, dry run, mapping of columns and
 * values, decisions on doubtful matches, the import itself, undo. The fields each kind of
 * register can carry are the domain's (domain/imports/fields.ts); this is the API's shape.
 */
import { z } from 'zod';
import { IMPORT_FIELD_KEYS, IMPORT_KINDS } from '../domain/imports/fields.js';
import { centreRecord, id, pageQuery, personNames, shortText, userRef, version } from './common.js';

export type { ImportFieldKey, ImportKind } from '../domain/imports/fields.js';
export { IMPORT_FIELD_KEYS, IMPORT_KINDS };

/** The largest file accepted, in bytes: a 100,000-row register is well under it. */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

export const IMPORT_STATUSES = ['uploaded', 'analysing', 'analysed', 'importing', 'imported', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** POST /imports?kind=&centreId=&fileName= with the file as the body (application/octet-stream). */
export const importUploadQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  centreId: id.optional(),
  fileName: shortText(200).min(1),
});
export type ImportUploadQuery = z.infer<typeof importUploadQuery>;

export const importListQuery = z.strictObject({ centreId: id.optional(), ...pageQuery });
export type ImportListQuery = z.infer<typeof importListQuery>;

const fieldKey = z.enum(IMPORT_FIELD_KEYS);

/**
 * A change of the mapping before importing; the dry run runs again on it.
 * mapping: column index (as a string) → field, or null to ignore the column.
 * valueMappings: field → { value as written → the value to store (a country code, a comune's ISTAT code, a
 * catalogue id as a string, an enum value), or null to reject its rows }.
 * decisions: a doubtful match's key → 'new' (a new person) or the id of the existing person.
 */
export const importUpdateInput = z.strictObject({
  version,
  mapping: z.record(z.string().regex(/^\d{1,3}$/), fieldKey.nullable()).optional(),
  valueMappings: z.partialRecord(fieldKey, z.record(z.string().max(200), z.string().max(200).nullable())).optional(),
  decisions: z.record(z.string().max(300), z.union([z.literal('new'), z.number().int().positive()])).optional(),
});
export type ImportUpdateInput = z.infer<typeof importUpdateInput>;

/** Starting the import, or undoing it: the version read. */
export const importActionInput = z.strictObject({ version });

/** A row of the file as it will be stored: field → the value as the app will show it. */
const previewRow = z.object({ rowNumber: z.number(), values: z.record(z.string(), z.string().nullable()) });

/** A person as a doubtful match shows them: the file's row, and each person of the register it may be. */
const namesAndBirth = { ...personNames, birthDate: z.string().nullable() };

export const importSummarySchema = z.object({
  /** Data rows read (the header aside). */
  rows: z.number(),
  /** Rows that will be (or were) written. */
  accepted: z.number(),
  rejected: z.number(),
  /** Rows found in an earlier import of this centre: skipped. */
  alreadyImported: z.number(),
  /** People: new ones, and rows matched to a person already in the register (or earlier in the file). */
  newPeople: z.number(),
  matchedPeople: z.number(),
  /** Records of the kind imported (visits, cases, permits, enrolments; people for a people register). */
  records: z.number(),
  preview: z.array(previewRow),
  /** A value that matched nothing, once with its count, and what the user mapped it to. */
  unmatched: z.array(z.object({ field: fieldKey, value: z.string(), count: z.number(), mappedTo: z.string().nullable().optional() })),
  /** A person of the file who may or may not be someone already in the register. */
  doubtful: z.array(
    z.object({
      key: z.string(),
      rowNumbers: z.array(z.number()),
      ...namesAndBirth,
      candidates: z.array(z.object({ id: z.number(), ...namesAndBirth })),
      decision: z.union([z.literal('new'), z.number()]).nullable(),
    }),
  ),
  /** More distinct unmatched values than listed (the list stops at 500). */
  unmatchedTruncated: z.boolean().optional(),
  /** Doubtful people not decided yet: the import waits for a decision on each. */
  undecided: z.number().optional(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importSchema = centreRecord('Import', {
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  fileSize: z.number(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  progress: z.object({ done: z.number(), total: z.number() }),
  headers: z.array(z.string()),
  /** Column index (as a string) → field or null. */
  mapping: z.record(z.string(), fieldKey.nullable()),
  valueMappings: z.record(z.string(), z.record(z.string(), z.string().nullable())),
  summary: importSummarySchema.nullable(),
  /** What stopped the analysis or the import: a problem code (import.*) and its values. */
  failure: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() }).nullable(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** Whether undo is possible now (imported, and nothing attached to its records since). */
  canUndo: z.boolean(),
});
export type Import = z.infer<typeof importSchema>;

export const importRejectSchema = z.object({
  rowNumber: z.number(),
  column: z.string().nullable(),
  /** A message code (contracts/messages/imports.ts) and its values. */
  code: z.string(),
  params: z.record(z.string(), z.unknown()).nullable(),
  cells: z.array(z.string().nullable()),
});
export type ImportReject = z.infer<typeof importRejectSchema>;

export const importRejectsQuery = z.strictObject({ ...pageQuery });
export const importParams = z.strictObject({ id });
