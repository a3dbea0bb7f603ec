/** Italian texts of the lists' downloads (merged into the master dictionary in it.ts). */
export const exportsIt = {
  'exports.xlsx': 'Scarica Excel (XLSX)',
  'exports.csv': 'Scarica CSV',
} as const;
