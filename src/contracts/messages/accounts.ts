/** The field messages of accounts, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const ACCOUNTS_MESSAGES = {
  'password.too_short': {
    en: 'At least 12 characters',
    it: 'Almeno 12 caratteri',
  },
  'centre.code_not_valid': {
    en: 'Letters, digits, - and _ (2 to 32)',
    it: 'Lettere, cifre, - e _ (da 2 a 32)',
  },
} as const satisfies Messages;
