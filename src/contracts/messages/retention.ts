/** The field messages of retention's settings, by code. */
import type { Messages } from './message.js';

export const RETENTION_MESSAGES = {
  'retention.case_years_below_contact_years': {
    en: 'A file with a case is kept at least as long as one without: at least the years after the last contact',
    it: 'Una scheda con presa in carico si conserva almeno quanto una senza: almeno gli anni dopo l’ultimo contatto',
  },
} as const satisfies Messages;
