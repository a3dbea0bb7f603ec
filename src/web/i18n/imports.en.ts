import type { importsIt } from './imports.it.js';

/** English messages of the imports area. */
export const importsEn: Record<keyof typeof importsIt, string> = {
  'error.import.not_spreadsheet': 'The file is not a spreadsheet: upload an XLSX or CSV file.',
  'error.import.empty': 'The file is empty.',
  'error.import.no_header':
    'The first row of the file does not hold the column headers (such as Date, Surname, Name): add them and try again.',
  'error.import.merged_header': 'The header row has merged, empty or repeated cells: give each column its own name and try again.',
  'error.import.too_many_columns': 'The file has too many columns (over 200): keep only the register’s and try again.',
};
