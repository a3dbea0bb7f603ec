/**
 * The errors of imports. Reading the file (read/sheet.ts): a file that is not a spreadsheet,
 * is empty, has no header row, has merged (or empty, or repeated) header cells, or too many
 * columns is refused as a whole with 422 before any row is read. The writing's errors follow.
 */
import { createErrorFactory } from '../../errors/index.js';

/** The most columns a register may have: a real one has a few dozen. */
export const MAX_IMPORT_COLUMNS = 200;

export const notSpreadsheet = createErrorFactory({
  code: 'import.not_spreadsheet',
  status: 422,
  message: 'The file is not a spreadsheet: send an XLSX or CSV file',
});

export const emptyFile = createErrorFactory({ code: 'import.empty', status: 422, message: 'The file is empty' });

export const noHeader = createErrorFactory({
  code: 'import.no_header',
  status: 422,
  message: 'The first row of the file does not hold the column headers',
});

/** The columns (1-based, as a spreadsheet counts them) whose header is merged, empty or repeated. */
export const mergedHeader = createErrorFactory<{ columns: number[] }>({
  code: 'import.merged_header',
  status: 422,
  message: ({ columns }) => `The header row has merged, empty or repeated cells (columns ${columns.join(', ')})`,
  extra: ({ columns }) => ({ columns }),
});

export const tooManyColumns = createErrorFactory<{ columns: number }>({
  code: 'import.too_many_columns',
  status: 422,
  message: ({ columns }) => `The file has ${columns} columns; at most ${MAX_IMPORT_COLUMNS} are read`,
  extra: ({ columns }) => ({ columns, limit: MAX_IMPORT_COLUMNS }),
});
