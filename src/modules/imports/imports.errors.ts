/**
 * The errors of imports. Reading the file (read/sheet.ts): a file that is not a spreadsheet,
 * is empty, has no header row, has merged (or empty, or repeated) header cells, or too many
 * columns is refused as a whole with 422 before any row is read. The writing's errors follow.
 */
import { createErrorFactory, errorCarrying, fixedError } from '../../errors/index.js';

/** The most columns a register may have: a real one has a few dozen. */
export const MAX_IMPORT_COLUMNS = 200;

export const notSpreadsheet = fixedError('import.not_spreadsheet', 422, 'The file is not a spreadsheet: send an XLSX or CSV file');

export const emptyFile = fixedError('import.empty', 422, 'The file is empty');

export const noHeader = fixedError('import.no_header', 422, 'The first row of the file does not hold the column headers');

/** The columns (1-based, as a spreadsheet counts them) whose header is merged, empty or repeated. */
export const mergedHeader = errorCarrying<{ columns: number[] }>(
  'import.merged_header',
  422,
  ({ columns }) => `The header row has merged, empty or repeated cells (columns ${columns.join(', ')})`,
);

export const tooManyColumns = createErrorFactory<{ columns: number }>({
  code: 'import.too_many_columns',
  status: 422,
  message: ({ columns }) => `The file has ${columns} columns; at most ${MAX_IMPORT_COLUMNS} are read`,
  extra: ({ columns }) => ({ columns, limit: MAX_IMPORT_COLUMNS }),
});

// --- the engine: upload, dry run, import, undo -----------------------------------------

/** The upload was not sent as the file's raw bytes. */
export const unsupportedUpload = fixedError(
  'request.unsupported_media_type',
  415,
  'Send the file as the raw body (application/octet-stream, an XLSX or a CSV type)',
);

/** The upload is over the limit (stated in bytes and MB). */
export const fileTooLarge = createErrorFactory<{ limit: number }>({
  code: 'request.too_large',
  status: 413,
  message: ({ limit }) => `The file is larger than ${Math.round(limit / (1024 * 1024))} MB, the largest accepted`,
  extra: ({ limit }) => ({ limit, limitMb: Math.round(limit / (1024 * 1024)) }),
});

/** A step asked of an import in a status that does not allow it (import an import not analysed, undo one not imported…). */
export const wrongStatus = errorCarrying<{ status: string }>(
  'import.wrong_status',
  409,
  ({ status }) => `Not possible while the import is ${status}`,
);

/** Doubtful people are not decided yet: each is a new person or one of the candidates. */
export const decisionsPending = errorCarrying<{ count: number }>(
  'import.decisions_pending',
  409,
  ({ count }) => `${count} doubtful people need a decision (a new person, or one already in the register)`,
);

/** Undo refused: records were attached to what the import created, or it was changed, since. */
export const recordsInUse = errorCarrying<{ count: number }>(
  'import.records_in_use',
  409,
  ({ count }) => `${count} records refer to what this import created, or changed it, since: it cannot be undone`,
);

/** The uploaded file is no longer where it was kept (removed by hand, a temporary directory emptied). */
export const fileMissing = fixedError('import.file_missing', 409, 'The uploaded file is no longer on the server: upload it again');
