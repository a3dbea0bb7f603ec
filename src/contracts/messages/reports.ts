/** The field messages of reports, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const REPORTS_MESSAGES = {
  'report.block_id_not_valid': {
    en: 'Expected free-<letters, digits, dashes>',
    it: 'Identificativo non valido (free- seguito da lettere, cifre e trattini)',
  },
  'report.year_in_future': {
    en: 'The year cannot be in the future',
    it: 'L’anno non può essere nel futuro',
  },
  'report.block_id_twice': {
    en: 'Each block needs its own id',
    it: 'Ogni blocco deve avere un identificativo diverso',
  },
  'report.table_required': {
    en: 'Name the table to export',
    it: 'Indica la tabella da esportare',
  },
} as const satisfies Messages;
