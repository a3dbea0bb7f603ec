import type { exportsIt } from './exports.it.js';

/** English texts of the lists' downloads. */
export const exportsEn: Record<keyof typeof exportsIt, string> = {
  'exports.xlsx': 'Download Excel (XLSX)',
  'exports.csv': 'Download CSV',
};
