/** Italian messages of the imports area (merged into the master dictionary in it.ts). */
export const importsIt = {
  'error.import.not_spreadsheet': 'Il file non è un foglio di calcolo: carica un file XLSX o CSV.',
  'error.import.empty': 'Il file è vuoto.',
  'error.import.no_header':
    'La prima riga del file non contiene le intestazioni delle colonne (per esempio Data, Cognome, Nome): aggiungile e riprova.',
  'error.import.merged_header': 'La riga delle intestazioni ha celle unite, vuote o ripetute: dai a ogni colonna un nome suo e riprova.',
  'error.import.too_many_columns': 'Il file ha troppe colonne (più di 200): tieni solo quelle del registro e riprova.',
} as const;
